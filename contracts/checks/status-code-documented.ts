import { documentedStatuses } from '../spec-access.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' status_code_conformance: the code must be one the spec lists for this operation.
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
    // Spec conflict submit-status-code: the docs never state submit's code; another 2xx is a finding, not a failure.
    if (exchange.operationId === 'submitAsync' && exchange.response!.status > 200 && exchange.response!.status < 300) return undefined;
    return finding(`${describe(exchange)}: ${status} is not documented for ${exchange.operationId} (documented: ${documented.join(', ')})`, `${exchange.operationId}:${status}`, exchange);
  },
  sampleFailure: 'GET /v2/requests/2c7f…/status → 202: 202 is not documented for getRequestStatus (documented: 200, 401, 403, 404, 405, 422, 429, 500, 502, 504)',
};
