// Every response the load scripts receive is judged against the contract, inside k6, with the validators compiled
// from spec/openapi.yaml (the import-free bundle). The operation table says, per status code, which media types and
// headers a response may carry and which schema each JSON body must satisfy; this file is one loop over that table.
// Plain TypeScript over the bundle: runs in k6 and under node:test.
import * as bundle from '../../../spec/generated/validators.k6.js';

export type OperationId = 'generateSync' | 'submitAsync' | 'getRequestStatus' | 'getRequestResult' | 'getRequestStatusV1';

/** A response reduced to what the contract speaks about; header names in any case. */
export interface ResponseView {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** the body as text for JSON and HTML; null for binary bodies */
  readonly bodyText: string | null;
}

export interface ValidationFailure {
  readonly operationId: OperationId;
  readonly kind: 'undocumented-status' | 'undocumented-media-type' | 'not-json' | 'schema' | 'missing-header';
  readonly message: string;
}

export interface Judged {
  readonly failures: readonly ValidationFailure[];
  /** the parsed JSON body, when the body is JSON */
  readonly json: unknown;
}

type Validator = ((data: unknown) => boolean) & { errors?: readonly { instancePath?: string; message?: string }[] | null };

const validators = bundle as unknown as Record<string, Validator | undefined>;
const operations = new Map(bundle.OPERATIONS.map((op) => [op.operationId, op]));

function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name] ?? '';
  return out;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Parse without judging: what the scripts do when validation is switched off (the cost-of-validation bench). */
export function parseOnly(res: ResponseView): Judged {
  const parsed = mediaTypeOf(lowerCaseHeaders(res.headers)['content-type']) === 'application/json' ? parseJson(res.bodyText) : { ok: false as const };
  return { failures: [], json: parsed.ok ? parsed.value : undefined };
}

/** Judge one response of `operationId` against the spec's operation table and schemas. */
export function judgeResponse(operationId: OperationId, res: ResponseView): Judged {
  const operation = operations.get(operationId);
  if (!operation) throw new Error(`validate: unknown operation ${operationId}`);
  const headers = lowerCaseHeaders(res.headers);
  const mediaType = mediaTypeOf(headers['content-type']);
  const parsed = mediaType === 'application/json' ? parseJson(res.bodyText) : ({ ok: false } as const);
  const json = parsed.ok ? parsed.value : undefined;
  const failures: ValidationFailure[] = [];
  const fail = (kind: ValidationFailure['kind'], message: string): void => {
    failures.push({ operationId, kind, message });
  };
  const entry = operation.responses[String(res.status)];
  if (!entry) {
    fail('undocumented-status', `${operationId}: status ${res.status} is not in the spec`);
    return { failures, json };
  }
  if (!(mediaType in entry.content)) {
    fail('undocumented-media-type', `${operationId} ${res.status}: media type "${mediaType}" is not in the spec`);
    return { failures, json };
  }
  const schemaName = entry.content[mediaType];
  if (schemaName) {
    if (!parsed.ok) {
      fail('not-json', `${operationId} ${res.status}: body is not JSON`);
    } else {
      const validator = validators[`validate${schemaName}`];
      if (!validator) throw new Error(`validate: no validator for schema ${schemaName}`);
      if (!validator(json)) {
        const first = validator.errors?.[0];
        fail('schema', `${operationId} ${res.status}: ${schemaName}${first?.instancePath ?? ''} ${first?.message ?? 'invalid'}`);
      }
    }
  }
  for (const [name, required] of Object.entries(entry.headers)) {
    if (required && !(name in headers)) fail('missing-header', `${operationId} ${res.status}: required header ${name} is missing`);
  }
  return { failures, json };
}

export const MODELS: readonly string[] = bundle.MODELS;
