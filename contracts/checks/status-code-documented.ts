import { conformanceApplies } from '../exchange.ts';
import { conformanceFindings } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' status_code_conformance: the code must be one the spec lists for this operation. Judged by the one
// conformance judge (core/conformance.ts), whose violation names the rule it broke: the list rests on the pages' table
// of error codes (documented); the code of a success does only where a document states it (v1's 200) — another 2xx
// from a status read or a submit (spec conflict submit-status-code) breaks an assumption, a finding.
export const statusCodeDocumented: CheckDefinition<'exchange'> = {
  id: 'status-code-documented',
  title: 'Status code is documented for the operation',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => conformanceApplies(exchange, 'status-code-documented'),
  run: (_ctx, { exchange }) => conformanceFindings(exchange, 'status-code-documented'),
  sampleFailure: 'GET /v2/requests/2c7f…/status → 418: 418 is not documented for getRequestStatus (documented: 200, 401, 403, 404, 405, 422, 429, 500, 502, 504)',
  rules: {},
  specRules: (rule) => rule.kind === 'operation',
};
