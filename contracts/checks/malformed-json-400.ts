import { expectedStatusCheck } from './expected-status.ts';

// seed "400 Bad Request — Invalid parameters or request format"; reference §1.5.
export const malformedJson400 = expectedStatusCheck({
  id: 'malformed-json-400',
  title: 'Unparseable JSON gets 400 and the envelope',
  intent: 'malformed-json',
  status: 400,
  envelope: 'required',
  why: 'an unparseable JSON body',
  sampleFailure: 'POST /v1/sd1.5-scifi → 500: an unparseable JSON body must answer 400, got 500',
  rule: { basis: 'documented', source: 'seed-scifi', where: 'Common Error Codes', quote: '400 Bad Request Invalid parameters or request format' },
});
