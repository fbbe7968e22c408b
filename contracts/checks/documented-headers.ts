import { conformanceApplies, conformanceViolations } from '../exchange.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' response_headers_conformance. The headers that carry money and pacing: v1's accounting headers
// (x-cost, x-remaining-credits, x-request-id, x-generation-time, x-seed-value; reference §1.4) and the 429's
// x-rate-limit-reset-at-utc (reference §1.5). A documented optional header, when present, must match its schema too.
// Judged by the one conformance judge (core/conformance.ts).
export const documentedHeaders: CheckDefinition<'exchange'> = {
  id: 'documented-headers',
  title: 'Required headers are present and every documented header matches its schema',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => conformanceApplies(exchange, 'documented-headers'),
  run: (_ctx, { exchange }) => conformanceViolations(exchange, 'documented-headers').map((v) => finding(`${describe(exchange)}: ${v.message}`, v.cause, exchange)),
  sampleFailure: 'POST /v1/sd1.5-scifi → 200: required header x-remaining-credits is missing',
};
