import { finding, isSuccess, jsonObject, reportedStatus } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// output/images appear only on COMPLETED (reference §2.3); billing fields (cost, remaining_credits) only on COMPLETED
// (reference §1.5: the 422 body has no cost; §2.2). A pending result read (spec conflict result-before-completion)
// must not leak a half-made output.
export const outputOnlyWhenCompleted: CheckDefinition<'generation'> = {
  id: 'output-only-when-completed',
  title: 'output, images and billing metrics appear only when COMPLETED',
  family: 'lifecycle',
  severity: 'major',
  subject: 'generation',
  applies: (_ctx, subject) => subject.api === 'v2' && subject.job !== undefined && isSuccess(subject.first),
  run: (_ctx, subject) => {
    const job = subject.job!;
    const out: Finding[] = [];
    for (const exchange of [...(job.earlyResult ? [job.earlyResult] : []), ...job.polls, ...(job.result ? [job.result] : []), ...(job.v1Poll ? [job.v1Poll] : [])]) {
      const body = jsonObject(exchange);
      const status = reportedStatus(exchange);
      if (!body || status === undefined || status === 'COMPLETED') continue;
      for (const field of ['output', 'images']) {
        if (body[field] !== undefined && body[field] !== null) out.push(finding(`job ${job.requestId}: ${status} body carries "${field}"`, `${status}:${field}`, exchange));
      }
      const metrics = body['metrics'];
      if (metrics && typeof metrics === 'object') {
        for (const field of ['cost', 'remaining_credits']) {
          if (field in metrics) out.push(finding(`job ${job.requestId}: ${status} body carries metrics.${field}`, `${status}:metrics.${field}`, exchange));
        }
      }
    }
    if (reportedStatus(job.result) === 'COMPLETED') {
      const body = jsonObject(job.result)!;
      if (typeof body['output'] !== 'string') out.push(finding(`job ${job.requestId}: COMPLETED result has no output`, 'completed:no-output', job.result));
      if (!body['metrics'] || typeof body['metrics'] !== 'object') out.push(finding(`job ${job.requestId}: COMPLETED result has no metrics`, 'completed:no-metrics', job.result));
    }
    return out;
  },
  sampleFailure: 'job 2c7f…: PROCESSING body carries "output"',
};
