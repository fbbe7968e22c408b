import { conformanceApplies } from '../exchange.ts';
import { conformanceFindings } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' response_schema_conformance, judged by the generated standalone ajv validator the operation table
// names for this status and media type (spec/generated/operations.ts), through the one conformance judge
// (core/conformance.ts) that the mock's tests, the drift report and the load engine use too. The judge traces each
// error to the spec rule it broke (core/rule-basis.ts schemaErrorRule): a body that breaks documented and assumed
// rules at once gives two findings, a failure for the first and a finding for the rest.
export const responseSchemaValid: CheckDefinition<'exchange'> = {
  id: 'response-schema-valid',
  title: 'JSON body is valid against the documented schema',
  family: 'conformance',
  severity: 'critical',
  subject: 'exchange',
  applies: (_ctx, { exchange }) => conformanceApplies(exchange, 'response-schema-valid'),
  run: (_ctx, { exchange }) => conformanceFindings(exchange, 'response-schema-valid'),
  sampleFailure: "POST /v2/sd1.5-scifi → 200: body is not a valid SubmitResponse: (root) must have required property 'status_url'",
  rules: {},
  specRules: (rule) => rule.kind === 'response-body',
};
