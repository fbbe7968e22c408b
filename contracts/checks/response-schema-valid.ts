import { documentedResponse, schemaErrors } from '../spec-access.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' response_schema_conformance, judged by the generated standalone ajv validator the operation table
// names for this status and media type (spec/generated/operations.ts) — the same code the mock and k6 use.
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
      return finding(`${describe(exchange)}: body is not JSON (${response.jsonError})`, `${exchange.operationId}:${response.status}:not-json`, exchange);
    }
    const errors = schemaErrors(schemaName, response.json);
    if (!errors) return undefined;
    return finding(`${describe(exchange)}: body is not a valid ${schemaName}: ${errors}`, `${exchange.operationId}:${response.status}:${errors}`, exchange);
  },
  sampleFailure: "POST /v2/sd1.5-scifi → 200: body is not a valid SubmitResponse: (root) must have required property 'status_url'",
};
