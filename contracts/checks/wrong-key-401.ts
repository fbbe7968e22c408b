import { expectedStatusCheck } from './expected-status.ts';

// reference §1.5: "Unauthorized. API key is invalid or may have expired...".
export const wrongKey401 = expectedStatusCheck({
  id: 'wrong-key-401',
  title: 'A request with an unknown key gets 401 and the envelope',
  intent: 'wrong-key',
  status: 401,
  envelope: 'required',
  why: 'a request with an unknown API key',
  sampleFailure: 'GET /v2/requests/2c7f…/status → 404: a request with an unknown API key must answer 401, got 404',
  rule: { basis: 'documented', source: 'seed-scifi', where: 'Common Error Codes', quote: '401 Unauthorized Missing or invalid API key' },
});
