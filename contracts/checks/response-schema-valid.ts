import { combinedBasis, responseRule, schemaErrorRule, type SpecRule } from '../../core/rule-basis.ts';
import { documentedResponse, schemaErrorList } from '../spec-access.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// Schemathesis' response_schema_conformance, judged by the generated standalone ajv validator the operation table
// names for this status and media type (spec/generated/operations.ts) — the same code the mock and k6 use. Each error
// is traced to the spec rule it broke (core/rule-basis.ts schemaErrorRule): a body that breaks documented and assumed
// rules at once gives two findings, a failure for the first and a finding for the rest.
export const responseSchemaValid: CheckDefinition<'exchange'> = {
  id: 'response-schema-valid',
  title: 'JSON body is valid against the documented schema',
  family: 'conformance',
  severity: 'critical',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => {
    if (exchange.operationId === null || !exchange.response) return false;
    const schemaName = documentedResponse(exchange.operationId, exchange.response.status)?.content[exchange.response.mediaType];
    return typeof schemaName === 'string';
  },
  run: (_ctx, { exchange }) => {
    const response = exchange.response!;
    const schemaName = documentedResponse(exchange.operationId!, response.status)!.content[response.mediaType]!;
    if (response.jsonError !== undefined) {
      return finding(`${describe(exchange)}: body is not JSON (${response.jsonError})`, `${exchange.operationId}:${response.status}:not-json`, exchange, {
        rules: [responseRule(exchange.operationId!, response.status, 'content')!],
      });
    }
    const errors = schemaErrorList(schemaName, response.json);
    if (errors.length === 0) return undefined;
    const byBasis = new Map<string, { text: string[]; rules: SpecRule[] }>();
    for (const error of errors) {
      const rule = schemaErrorRule(schemaName, response.json, error);
      const group = byBasis.get(rule.basis) ?? { text: [], rules: [] };
      group.text.push(`${error.instancePath || '(root)'} ${error.message ?? error.keyword}`);
      if (!group.rules.includes(rule)) group.rules.push(rule);
      byBasis.set(rule.basis, group);
    }
    return [...byBasis.values()].map((group): Finding => {
      const text = group.text.slice(0, 4).join('; ');
      const what = combinedBasis(group.rules) === 'assumed' ? ' (an assumed rule)' : '';
      return finding(`${describe(exchange)}: body is not a valid ${schemaName}${what}: ${text}`, `${exchange.operationId}:${response.status}:${text}`, exchange, { rules: group.rules });
    });
  },
  sampleFailure: "POST /v2/sd1.5-scifi → 200: body is not a valid SubmitResponse: (root) must have required property 'status_url'",
  rules: {},
  specRules: (rule) => rule.kind === 'response-body',
};
