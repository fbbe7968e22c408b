import { conformanceApplies, conformanceViolations } from '../exchange.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' status_code_conformance: the code must be one the spec lists for this operation. Judged by the one
// conformance judge (core/conformance.ts), which also carries the spec decision submit-status-code (another 2xx
// submit is a finding for the conflict report, not a failure).
export const statusCodeDocumented: CheckDefinition<'exchange'> = {
  id: 'status-code-documented',
  title: 'Status code is documented for the operation',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => conformanceApplies(exchange, 'status-code-documented'),
  run: (_ctx, { exchange }) => conformanceViolations(exchange, 'status-code-documented').map((v) => finding(`${describe(exchange)}: ${v.message}`, v.cause, exchange)),
  sampleFailure: 'GET /v2/requests/2c7f…/status → 202: 202 is not documented for getRequestStatus (documented: 200, 401, 403, 404, 405, 422, 429, 500, 502, 504)',
};
