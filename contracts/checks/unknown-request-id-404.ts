import { expectedStatusCheck } from './expected-status.ts';

// seed "An unknown or expired request_id returns HTTP 404"; reference §2.4 body {"error": "Request <id> not found"}.
export const unknownRequestId404 = expectedStatusCheck({
  id: 'unknown-request-id-404',
  title: 'An unknown request id gets 404 and the envelope on every poll endpoint',
  intent: 'unknown-request-id',
  status: 404,
  envelope: 'required',
  why: 'an unknown request id',
  sampleFailure: 'GET /v2/requests/00000000-0000-4000-8000-000000000000 → 200: an unknown request id must answer 404, got 200',
  rule: { basis: 'documented', source: 'seed-scifi', where: 'Status states', quote: 'An unknown or expired request_id returns HTTP 404.' },
});
