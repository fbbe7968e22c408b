import { jobStatesRule } from '../../core/rule-basis.ts';
import { JOB_STATES, transitionAllowed } from '../spec-access.ts';
import { finding, isSuccess, reportedStatus } from './helpers.ts';
import type { CheckDefinition, Exchange } from '../types.ts';

// Every status the job showed — submit, each poll, the early and final result reads, the v1 poll — must follow the
// one transition table in the spec (x-infercheck-job-states): starts QUEUED, never goes backwards, terminal states
// absorb. Unknown status strings fail too (the SDK would poll them forever, reference §4.3).
export const jobStateTransitions: CheckDefinition<'generation'> = {
  id: 'job-state-transitions',
  title: 'Every observed job status follows the transition table',
  family: 'lifecycle',
  severity: 'critical',
  subject: 'generation',
  applies: (_ctx, subject) => subject.api === 'v2' && subject.job !== undefined && isSuccess(subject.first),
  run: (_ctx, subject) => {
    const job = subject.job!;
    const sequence: Exchange[] = [job.submit, ...(job.earlyResult ? [job.earlyResult] : []), ...job.polls, ...(job.v1Poll ? [job.v1Poll] : []), ...(job.result ? [job.result] : []), ...(job.reread ? [job.reread] : [])];
    let previous: string | undefined;
    for (const exchange of sequence) {
      if (exchange.response?.status === 404 || !exchange.response) continue; // expiry and transport are other checks
      const status = reportedStatus(exchange);
      if (status === undefined) continue; // a body without status is response-schema-valid's finding
      if (!(status in JOB_STATES.transitions)) return finding(`job ${job.requestId}: unknown status "${status}"`, `unknown:${status}`, exchange);
      if (previous === undefined) {
        if (status !== JOB_STATES.initial) return finding(`job ${job.requestId}: submit reported ${status}, not ${JOB_STATES.initial}`, `initial:${status}`, exchange);
      } else if (!transitionAllowed(previous, status)) {
        return finding(`job ${job.requestId}: ${previous} → ${status} is not an allowed transition`, `${previous}->${status}`, exchange);
      }
      previous = status;
    }
    return undefined;
  },
  sampleFailure: 'job 2c7f59ea-13f1-402c-9353-915a2b5a2124: COMPLETED → PROCESSING is not an allowed transition',
  rules: { main: jobStatesRule() },
};
