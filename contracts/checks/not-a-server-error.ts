import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' not_a_server_error. The suite sends nothing a healthy server should choke on: even a broken body is
// the caller's fault (4xx). That is infercheck's bar, not the vendor's word: a 5xx is documented as possible (seed
// "500 Server Error"), and a bad value that reaches the model answers 500 (reference §1.5) — so a 5xx is a finding.
export const notAServerError: CheckDefinition<'exchange'> = {
  id: 'not-a-server-error',
  title: 'No request of the suite gets a 5xx',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => exchange.response !== undefined && exchange.operationId !== null,
  run: (_ctx, { exchange }) =>
    exchange.response!.status >= 500 ? finding(`${describe(exchange)}: server error`, `${exchange.operationId}:${exchange.response!.status}`, exchange) : undefined,
  sampleFailure: 'POST /v1/sd1.5-scifi → 500: server error',
  rules: {
    main: { basis: 'assumed', source: 'reference', where: '§1.5 [AE]', quote: 'often a bad param value that reached the model', why: 'no document promises that a request never gets a 5xx; infercheck asks it of a healthy server' },
  },
};
