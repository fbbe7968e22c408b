import { responseRule } from '../../core/rule-basis.ts';
import { describe, envelopeProblem, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Every error answers the vendor's envelope {"error": "..."} (reference §1.5; the SDK reads exactly data["error"]).
// Exceptions the spec records: 405 may be an HTML page (conflict wrong-method-body) and 422 is a FAILED job body
// (checked by failed-job-422). Applies to undocumented error codes too: a 418 still owes the caller a message. The
// envelope is documented for the API's errors (reference §1.5), but not for what a gateway answers: a 502 or 504 in
// another shape breaks an assumption (the spec's BadGateway, GatewayTimeout), a finding.
export const errorEnvelope: CheckDefinition<'exchange'> = {
  id: 'error-envelope',
  title: 'Errors answer the {"error": "..."} envelope',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => {
    const response = exchange.response;
    if (!response || response.status < 400 || response.status === 422) return false;
    if (response.status === 405 && response.mediaType === 'text/html') return false;
    return exchange.operationId !== null;
  },
  run: (_ctx, { exchange }) => {
    const problem = envelopeProblem(exchange);
    if (!problem) return undefined;
    const documented = responseRule(exchange.operationId!, exchange.response!.status, 'content');
    return finding(`${describe(exchange)}: not the error envelope: ${problem}`, `${exchange.operationId}:${exchange.response!.status}:${problem}`, exchange, documented ? { rules: [documented] } : {});
  },
  sampleFailure: 'POST /v1/sd1.5-scifi → 400: not the error envelope: body has no non-empty "error" string',
  rules: { main: { basis: 'documented', source: 'reference', where: '§1.5 [AE, SDK]', quote: 'Envelope: {"error": "<human-readable message>"}, application/json' } },
};
