import { expectedStatusCheck } from './expected-status.ts';

// reference §1.2 [AE]: application/json and multipart/form-data are both accepted (spec conflict multipart-bodies).
// A multipart body without the required prompt must be judged like a JSON one — the parameter's 400, naming it —
// not refused for its content type (406). Free against a conforming vendor: the body can never be billed.
export const multipartInvalid400 = expectedStatusCheck({
  id: 'multipart-invalid-400',
  title: "An invalid multipart/form-data body gets the parameter's 400, not 406",
  intent: 'multipart-invalid',
  status: 400,
  envelope: 'required',
  why: 'a multipart/form-data body without the required prompt',
  names: 'prompt',
  sampleFailure: 'POST /v2/sd1.5-scifi → 406: a multipart/form-data body without the required prompt must answer 400, got 406',
  rule: { basis: 'documented', source: 'reference', where: '§1.2 [AE]', quote: 'Only application/json or multipart/form-data accepted' },
});
