import { finalStatus, finding, jsonObject } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

/** Rounding slack: the vendor reports seconds with ~3 decimals (reference §2.2 "inference_time": 13.06). */
const ABSOLUTE_SLACK_S = 0.05;
const RELATIVE_SLACK = 0.02;

// The server's own timings are the ground truth load reports lean on (anchors §0): queue_time + inference_time ≈
// total_time, and total_time cannot exceed what the client saw from sending submit to seeing the terminal status.
export const serverMetricsConsistent: CheckDefinition<'generation'> = {
  id: 'server-metrics-consistent',
  title: 'queue_time + inference_time ≈ total_time ≤ the observed end-to-end time',
  family: 'lifecycle',
  severity: 'minor',
  subject: 'generation',
  needs: ['wall-clock'],
  applies: (ctx, subject) => {
    if (subject.api !== 'v2' || !subject.job || finalStatus(subject.job) !== 'COMPLETED') return false;
    if (!ctx.wallClock) return 'replay: recorded timings cannot be compared with a wall clock';
    const metrics = jsonObject(subject.job.result)?.['metrics'];
    return metrics !== null && typeof metrics === 'object' && subject.job.observedE2eMs !== undefined;
  },
  run: (_ctx, subject) => {
    const job = subject.job!;
    const metrics = jsonObject(job.result)!['metrics'] as Record<string, unknown>;
    const q = Number(metrics['queue_time']);
    const i = Number(metrics['inference_time']);
    const t = Number(metrics['total_time']);
    const out: Finding[] = [];
    if (![q, i, t].every(Number.isFinite)) return finding(`job ${job.requestId}: metrics lack queue_time, inference_time or total_time`, 'missing', job.result);
    if (Math.abs(q + i - t) > Math.max(ABSOLUTE_SLACK_S, RELATIVE_SLACK * t)) {
      out.push(finding(`job ${job.requestId}: queue_time ${q} + inference_time ${i} = ${(q + i).toFixed(3)} s, but total_time is ${t} s`, 'sum', job.result));
    }
    const observedS = job.observedE2eMs! / 1000;
    if (t > observedS + ABSOLUTE_SLACK_S) {
      out.push(finding(`job ${job.requestId}: total_time ${t} s exceeds the ${observedS.toFixed(3)} s the client observed from submit to terminal status`, 'exceeds-observed', job.result));
    }
    return out;
  },
  sampleFailure: 'job 2c7f…: total_time 4.2 s exceeds the 1.310 s the client observed from submit to terminal status',
  rules: {
    main: { basis: 'assumed', source: 'reference', where: '§2.3 [AE]', quote: 'inference_time, queue_time, total_time (seconds)', why: 'the docs name the three times, not how they add up or what total_time spans' },
  },
};
