import { operationRule } from '../../core/rule-basis.ts';
import { documentedStatuses } from '../spec-access.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' status_code_conformance: the code must be one the spec lists for this operation. The list rests on the
// pages' table of error codes (documented); the code of a success does only where a document states it (v1's 200):
// another 2xx from a status read or a submit (spec conflict submit-status-code) breaks an assumption, a finding.
export const statusCodeDocumented: CheckDefinition<'exchange'> = {
  id: 'status-code-documented',
  title: 'Status code is documented for the operation',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => exchange.operationId !== null && exchange.response !== undefined,
  run: (_ctx, { exchange }) => {
    const documented = documentedStatuses(exchange.operationId!);
    const status = String(exchange.response!.status);
    if (documented.includes(status)) return undefined;
    const success = exchange.response!.status >= 200 && exchange.response!.status < 300;
    return finding(`${describe(exchange)}: ${status} is not documented for ${exchange.operationId} (documented: ${documented.join(', ')})`, `${exchange.operationId}:${status}`, exchange, {
      rules: [operationRule(exchange.operationId!, success ? 'success' : 'responses')],
    });
  },
  sampleFailure: 'GET /v2/requests/2c7f…/status → 418: 418 is not documented for getRequestStatus (documented: 200, 401, 403, 404, 405, 422, 429, 500, 502, 504)',
  rules: {},
  specRules: (rule) => rule.kind === 'operation',
};
