import { headerRule } from '../../core/rule-basis.ts';
import { documentedResponse, headerSchema, headerValueProblem } from '../spec-access.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// Schemathesis' response_headers_conformance. The headers that carry money and pacing: v1's accounting headers
// (x-cost, x-remaining-credits, x-request-id, x-generation-time, x-seed-value; reference §1.4) and the 429's
// x-rate-limit-reset-at-utc (reference §1.5). A documented optional header, when present, must match its schema too.
// That these headers are sent is documented (reference §1.4, §1.5); their form is not — a value that does not match
// the spec's pattern (x-seed-value "-2", x-cost "0,002") breaks an assumption: a finding.
export const documentedHeaders: CheckDefinition<'exchange'> = {
  id: 'documented-headers',
  title: 'Required headers are present and every documented header matches its schema',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => {
    if (exchange.operationId === null || !exchange.response) return false;
    const entry = documentedResponse(exchange.operationId, exchange.response.status);
    return entry !== undefined && Object.keys(entry.headers).length > 0;
  },
  run: (_ctx, { exchange }) => {
    const response = exchange.response!;
    const out: Finding[] = [];
    for (const [name, required] of Object.entries(documentedResponse(exchange.operationId!, response.status)!.headers)) {
      const value = response.headers[name];
      if (value === undefined) {
        if (required) {
          out.push(finding(`${describe(exchange)}: required header ${name} is missing`, `${exchange.operationId}:${response.status}:${name}:missing`, exchange, { rules: [headerRule(exchange.operationId!, response.status, name, 'presence')!] }));
        }
        continue;
      }
      const problem = headerValueProblem(headerSchema(exchange.operationId!, response.status, name), value);
      if (problem) {
        out.push(finding(`${describe(exchange)}: header ${name}: "${value}" ${problem}`, `${exchange.operationId}:${response.status}:${name}:invalid`, exchange, { rules: [headerRule(exchange.operationId!, response.status, name, 'format')!] }));
      }
    }
    return out;
  },
  sampleFailure: 'POST /v1/sd1.5-scifi → 200: required header x-remaining-credits is missing',
  rules: {},
  specRules: (rule) => rule.kind === 'header',
};
