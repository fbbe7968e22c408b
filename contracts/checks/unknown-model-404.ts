import { expectedStatusCheck } from './expected-status.ts';

// seed "404 Not Found — Model or endpoint not found"; reference §1.5 (structured JSON since 2026-06-14).
export const unknownModel404 = expectedStatusCheck({
  id: 'unknown-model-404',
  title: 'An unknown model slug gets 404 and the envelope',
  intent: 'unknown-model',
  status: 404,
  envelope: 'required',
  why: 'an unknown model slug',
  sampleFailure: 'POST /v2/sd1.5-nonexistent → 400: an unknown model slug must answer 404, got 400',
  rule: { basis: 'documented', source: 'seed-scifi', where: 'Common Error Codes', quote: '404 Not Found Model or endpoint not found' },
});
