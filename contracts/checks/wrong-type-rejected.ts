import { invalidRejectedCheck } from './invalid-rejected.ts';

// One value of every other JSON type per parameter. Legacy clients sent numbers as strings and it historically worked
// (reference §1.2): a vendor that reads "20" as 20 keeps the documents, so accepting it breaks only the spec's
// assumption (Txt2ImgRequest `strings`) — a finding; so does reading null as absent for an optional parameter (`null`).
// An array for an integer, a number for a string, null for the required prompt: documented types, failures.
export const wrongTypeRejected = invalidRejectedCheck({
  id: 'wrong-type-rejected',
  title: 'A value of the wrong JSON type is rejected',
  kinds: ['wrong-type'],
  why: 'wrong type',
  sampleFailure: 'v1 sd1.5-epicrealism: num_inference_steps = "20" (wrong type) was accepted with 200; expected 400 (or 406), or a FAILED job that is not billed',
});
