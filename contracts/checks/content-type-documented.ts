import { conformanceApplies } from '../exchange.ts';
import { conformanceFindings } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' content_type_conformance. Matters more here than usual: v1 answers raw image/jpeg or JSON depending
// on `base64` (spec conflicts v1-content-type, base64-response), and clients dispatch on the header (reference §1.3).
// Judged by the one conformance judge (core/conformance.ts); the violation names the answer's content rule and its basis.
export const contentTypeDocumented: CheckDefinition<'exchange'> = {
  id: 'content-type-documented',
  title: 'Content-Type is one the spec lists for the status',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => conformanceApplies(exchange, 'content-type-documented'),
  run: (_ctx, { exchange }) => conformanceFindings(exchange, 'content-type-documented'),
  sampleFailure: 'POST /v1/sd1.5-scifi → 200: Content-Type "text/plain" is not documented (documented: image/jpeg, application/json)',
  rules: {},
  specRules: (rule) => rule.kind === 'response' && rule.id.endsWith(':content'),
};
