import { invalidRejectedCheck } from './invalid-rejected.ts';

// Values just outside each documented bound (±0.01 for numbers, ±1 for integers), a value not in an enum, a fraction
// for an integer, a string shorter than its minLength — all generated from spec Txt2ImgRequest (contracts/boundaries.ts).
export const outOfRangeRejected = invalidRejectedCheck({
  id: 'out-of-range-rejected',
  title: 'A value just outside a bound or enum of the spec is rejected',
  kinds: ['outside-bound', 'not-in-enum', 'fraction', 'too-short'],
  why: "outside the spec's range",
  sampleFailure:
    "v2 sd1.5-scifi: guidance_scale = 25.01 (outside the spec's range) was accepted and COMPLETED; expected 400 (or 406), or a FAILED job that is not billed",
});
