import { describe, finding, jsonObject } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// Every read of a job must be about that job: the request_id of each status, result and v1-poll body equals the one
// submit returned (reference §2.1, §2.2 examples). A gateway that mixes up jobs under load shows here first.
export const requestIdConsistent: CheckDefinition<'generation'> = {
  id: 'request-id-consistent',
  title: 'Every status and result body names the request_id submit returned',
  family: 'lifecycle',
  severity: 'critical',
  subject: 'generation',
  applies: (_ctx, subject) => subject.api === 'v2' && subject.job?.requestId !== undefined,
  run: (_ctx, subject) => {
    const job = subject.job!;
    const out: Finding[] = [];
    for (const exchange of [...(job.earlyResult ? [job.earlyResult] : []), ...job.polls, ...(job.result ? [job.result] : []), ...(job.v1Poll ? [job.v1Poll] : []), ...(job.reread ? [job.reread] : [])]) {
      const id = jsonObject(exchange)?.['request_id'];
      if (id !== undefined && id !== job.requestId) out.push(finding(`${describe(exchange)}: body names request ${String(id)}, submit returned ${job.requestId}`, `${exchange.operationId}:other-id`, exchange));
    }
    return out;
  },
  sampleFailure: 'GET /v2/requests/2c7f…/status → 200: body names request 9a1b…, submit returned 2c7f…',
  rules: { main: { basis: 'documented', source: 'reference', where: '§2.2 [DOCS-ASYNC]', quote: '{ "status": "QUEUED", "request_id": "2c7f59ea-...",', why: 'a body that names a request is about that request' } },
};
