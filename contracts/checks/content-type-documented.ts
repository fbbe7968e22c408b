import { responseRule } from '../../core/rule-basis.ts';
import { documentedResponse } from '../spec-access.ts';
import { describe, finding } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// Schemathesis' content_type_conformance. Matters more here than usual: v1 answers raw image/jpeg or JSON depending
// on `base64` (spec conflicts v1-content-type, base64-response), and clients dispatch on the header (reference §1.3).
export const contentTypeDocumented: CheckDefinition<'exchange'> = {
  id: 'content-type-documented',
  title: 'Content-Type is one the spec lists for the status',
  family: 'conformance',
  severity: 'major',
  subject: 'exchange',
  applies: (_ctx, { exchange }) =>
    exchange.operationId !== null && exchange.response !== undefined && documentedResponse(exchange.operationId, exchange.response.status) !== undefined,
  run: (_ctx, { exchange }) => {
    const response = exchange.response!;
    const documented = Object.keys(documentedResponse(exchange.operationId!, response.status)!.content);
    if (documented.length === 0 || documented.includes(response.mediaType)) return undefined;
    return finding(
      `${describe(exchange)}: Content-Type "${response.mediaType || '(none)'}" is not documented (documented: ${documented.join(', ')})`,
      `${exchange.operationId}:${response.status}:${response.mediaType}`,
      exchange,
      { rules: [responseRule(exchange.operationId!, response.status, 'content')!] },
    );
  },
  sampleFailure: 'POST /v1/sd1.5-scifi → 200: Content-Type "text/plain" is not documented (documented: image/jpeg, application/json)',
  rules: {},
  specRules: (rule) => rule.kind === 'response' && rule.id.endsWith(':content'),
};
