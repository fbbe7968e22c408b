import { invalidRejectedCheck } from './invalid-rejected.ts';

// Every parameter the spec lists as required (today: prompt; reference §1.5 "Prompt is Mandatory and must be string").
export const missingRequiredRejected = invalidRejectedCheck({
  id: 'missing-required-rejected',
  title: 'A body without a required parameter is rejected',
  kinds: ['missing-required'],
  why: 'required',
  sampleFailure: 'v2 sd1.5-scifi: prompt without it (required) was accepted and COMPLETED; expected 400 (or 406), or a FAILED job that is not billed',
});
