import { finding, isSuccess, jsonObject, reportedStatus } from './helpers.ts';
import type { CheckDefinition, Exchange, Finding } from '../types.ts';

// output/images appear only on COMPLETED (reference §2.2: the status endpoint is "lightweight, no output payload";
// §2.3); billing fields (cost, remaining_credits) only on COMPLETED (reference §1.5: the 422 body has no cost). What
// rests on the documents fails; what the spec infers is a finding: billing fields in a pending body (the docs show
// empty metrics while queued, nothing more), anything the result endpoint answers before completion (spec conflict
// result-before-completion), and the v1 poll's bodies (assumed to be the status endpoint's).
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
    const readOf = (exchange: Exchange): 'early-result' | 'v1-poll' | undefined => (exchange === job.earlyResult ? 'early-result' : exchange === job.v1Poll ? 'v1-poll' : undefined);
    for (const exchange of [...(job.earlyResult ? [job.earlyResult] : []), ...job.polls, ...(job.result ? [job.result] : []), ...(job.v1Poll ? [job.v1Poll] : [])]) {
      const body = jsonObject(exchange);
      const status = reportedStatus(exchange);
      if (!body || status === undefined || status === 'COMPLETED') continue;
      const read = readOf(exchange);
      for (const field of ['output', 'images']) {
        if (body[field] !== undefined && body[field] !== null) out.push(finding(`job ${job.requestId}: ${status} body carries "${field}"`, `${status}:${field}`, exchange, { rules: [read ?? 'main'] }));
      }
      const metrics = body['metrics'];
      if (metrics && typeof metrics === 'object') {
        for (const field of ['cost', 'remaining_credits']) {
          if (field in metrics) out.push(finding(`job ${job.requestId}: ${status} body carries metrics.${field}`, `${status}:metrics.${field}`, exchange, { rules: [read ?? (status === 'FAILED' ? 'failed-unbilled' : 'pending-unbilled')] }));
        }
      }
    }
    if (reportedStatus(job.result) === 'COMPLETED') {
      const body = jsonObject(job.result)!;
      if (typeof body['output'] !== 'string') out.push(finding(`job ${job.requestId}: COMPLETED result has no output`, 'completed:no-output', job.result, { rules: ['completed-fields'] }));
      if (!body['metrics'] || typeof body['metrics'] !== 'object') out.push(finding(`job ${job.requestId}: COMPLETED result has no metrics`, 'completed:no-metrics', job.result, { rules: ['completed-fields'] }));
    }
    return out;
  },
  sampleFailure: 'job 2c7f…: PROCESSING body carries "output"',
  rules: {
    main: { basis: 'documented', source: 'reference', where: '§2.2 [DOCS-ASYNC]', quote: 'Status — GET /v2/requests/{id}/status (lightweight, no output payload)' },
    'failed-unbilled': { basis: 'documented', source: 'reference', where: '§1.5 [AE]', quote: 'no cost/remaining_credits' },
    'pending-unbilled': { basis: 'assumed', source: 'reference', where: '§2.2 [DOCS-ASYNC]', quote: '"response_url": "https://api.segmind.com/v2/requests/2c7f59ea-...", "metrics": {} }', why: 'the docs show empty metrics while queued; that no billing field appears before COMPLETED is inferred' },
    'completed-fields': { basis: 'documented', source: 'reference', where: '§2.3 [SDK, DOCS-ASYNC]', quote: 'Every model carries status, metrics, and output' },
    'early-result': { basis: 'assumed', source: 'reference', where: '§4.3 [SDK]', quote: 'COMPLETED ⇒ GET result and return it', why: 'what the result endpoint answers before completion is not documented (conflict result-before-completion)' },
    'v1-poll': { basis: 'assumed', source: 'reference', where: '§2.1 [DOCS-ASYNC]', quote: 'V1 poll endpoint (backward compatible)', why: 'the v1 poll is assumed to answer like the status endpoint' },
  },
};
