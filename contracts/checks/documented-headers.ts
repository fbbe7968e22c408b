import { conformanceApplies } from '../exchange.ts';
import { conformanceFindings } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' response_headers_conformance. The headers that carry money and pacing: v1's accounting headers
// (x-cost, x-remaining-credits, x-request-id, x-generation-time, x-seed-value; reference §1.4) and the 429's
// x-rate-limit-reset-at-utc (reference §1.5). A documented optional header, when present, must match its schema too.
// That these headers are sent is documented (reference §1.4, §1.5); their form is not — a value that does not match
// the spec's pattern (x-seed-value "-2", x-cost "0,002") breaks an assumption: a finding. Judged by the one
// conformance judge (core/conformance.ts), whose violations name the presence or form rule broken.
export const documentedHeaders: CheckDefinition<'exchange'> = {
  id: 'documented-headers',
  title: 'Required headers are present and every documented header matches its schema',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => conformanceApplies(exchange, 'documented-headers'),
  run: (_ctx, { exchange }) => conformanceFindings(exchange, 'documented-headers'),
  sampleFailure: 'POST /v1/sd1.5-scifi → 200: required header x-remaining-credits is missing',
  rules: {},
  specRules: (rule) => rule.kind === 'header',
};
