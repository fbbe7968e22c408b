import { expectedStatusCheck } from './expected-status.ts';

// reference §1.5: a wrong verb answers 405 with an HTML page (spec conflict wrong-method-body allows the envelope too).
export const wrongMethod405 = expectedStatusCheck({
  id: 'wrong-method-405',
  title: 'A wrong verb gets 405 (HTML or the envelope)',
  intent: 'wrong-method',
  status: 405,
  envelope: 'if-json',
  why: 'a wrong HTTP method',
  sampleFailure: 'GET /v1/sd1.5-scifi → 404: a wrong HTTP method must answer 405, got 404',
  rule: { basis: 'documented', source: 'reference', where: '§1.5 [AE]', quote: 'wrong verb; returns an HTML page, not JSON' },
});
