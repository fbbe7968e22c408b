import { expectedStatusCheck } from './expected-status.ts';

// reference §1.2: only application/json or multipart/form-data; anything else is 406 "Invalid content type".
export const wrongContentType406 = expectedStatusCheck({
  id: 'wrong-content-type-406',
  title: 'A body sent as text/plain gets 406 and the envelope',
  intent: 'wrong-content-type',
  status: 406,
  envelope: 'required',
  why: 'a body sent with Content-Type text/plain',
  sampleFailure: 'POST /v2/sd1.5-scifi → 400: a body sent with Content-Type text/plain must answer 406, got 400',
  rule: { basis: 'documented', source: 'reference', where: '§1.2 [AE]', quote: 'Only application/json or multipart/form-data accepted; missing/other Content-Type → 406 with body Invalid content type' },
});
