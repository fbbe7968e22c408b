import { invalidRejectedCheck } from './invalid-rejected.ts';

// One value of every other JSON type per parameter. Legacy clients sent numbers as strings (reference §1.2) and
// whether the server coerces is unknown; the spec says integer, so "20" is a finding until the spec says otherwise.
export const wrongTypeRejected = invalidRejectedCheck({
  id: 'wrong-type-rejected',
  title: 'A value of the wrong JSON type is rejected',
  kinds: ['wrong-type'],
  why: 'wrong type',
  sampleFailure: 'v1 sd1.5-epicrealism: num_inference_steps = "20" (wrong type) was accepted with 200; expected 400, or a FAILED job that is not billed',
});
