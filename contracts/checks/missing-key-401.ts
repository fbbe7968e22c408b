import { expectedStatusCheck } from './expected-status.ts';

// reference §1.1, §1.5: every route requires x-api-key; the message is "Missing Authorization or x-api-key in header".
export const missingKey401 = expectedStatusCheck({
  id: 'missing-key-401',
  title: 'A request without x-api-key gets 401 and the envelope',
  intent: 'missing-key',
  status: 401,
  envelope: 'required',
  why: 'a request without x-api-key',
  sampleFailure: 'POST /v2/sd1.5-scifi → 200: a request without x-api-key must answer 401, got 200',
  rule: { basis: 'documented', source: 'seed-scifi', where: 'Common Error Codes', quote: '401 Unauthorized Missing or invalid API key' },
});
