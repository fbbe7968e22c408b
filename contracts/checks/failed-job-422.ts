import { describe, finalStatus, finding, jsonObject, reportedStatus } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// A FAILED job answers HTTP 422 with its error on both GETs (seed "A FAILED request is served as HTTP 422 — the body
// still carries the error detail"; reference §2.2: /status carries the error, heimdall SEG-97), and on the v1 poll —
// whose answers are assumed to be the status endpoint's (the spec's getRequestStatusV1): a finding there.
export const failedJob422: CheckDefinition<'generation'> = {
  id: 'failed-job-422',
  title: 'A FAILED job answers 422 with its error on status and result',
  family: 'lifecycle',
  severity: 'major',
  subject: 'generation',
  needs: ['fail-prompt'],
  applies: (_ctx, subject) => subject.api === 'v2' && subject.job !== undefined && finalStatus(subject.job) === 'FAILED',
  run: (_ctx, subject) => {
    const job = subject.job!;
    const out: Finding[] = [];
    const failedReads = [...job.polls.filter((e) => reportedStatus(e) === 'FAILED'), ...(job.result ? [job.result] : []), ...(job.v1Poll ? [job.v1Poll] : [])];
    if (!job.result) out.push(finding(`job ${job.requestId}: FAILED but its result was never read`, 'no-result-read', job.submit));
    for (const exchange of failedReads) {
      const status = exchange.response?.status;
      const error = jsonObject(exchange)?.['error'];
      const rules = [exchange === job.v1Poll ? 'v1-poll' : 'main'];
      if (status !== 422) out.push(finding(`${describe(exchange)}: a FAILED job must answer 422`, `${exchange.operationId}:${status}`, exchange, { rules }));
      else if (typeof error !== 'string' || error.length === 0) out.push(finding(`${describe(exchange)}: 422 without an error message`, `${exchange.operationId}:no-error`, exchange, { rules }));
      else if (reportedStatus(exchange) !== 'FAILED') out.push(finding(`${describe(exchange)}: 422 body says status ${reportedStatus(exchange)}`, `${exchange.operationId}:status`, exchange, { rules }));
    }
    return out;
  },
  sampleFailure: 'GET /v2/requests/2c7f…/status → 200: a FAILED job must answer 422',
  rules: {
    main: { basis: 'documented', source: 'seed-scifi', where: 'Status states', quote: 'A FAILED request is served as HTTP 422 — the body still carries the error detail.' },
    'v1-poll': { basis: 'assumed', source: 'reference', where: '§2.1 [DOCS-ASYNC]', quote: 'V1 poll endpoint (backward compatible)', why: 'nothing is documented about the v1 poll but its existence: it is assumed to answer like the status endpoint' },
  },
};
