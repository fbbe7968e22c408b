// The one judge of "does this response conform to the spec" (STYLE §2): status code documented for the operation,
// content type documented for that status, JSON body valid against the documented schema, documented headers
// present (when required) and matching their schemas. The contract checks, the drift report and the load engine all
// call it, so they can no longer disagree (they did: the load stage ignored header values and the submit-status
// decision, drift ignored header values). Pure: operation id + status + headers + parsed body in, typed data out,
// driven only by the generated operation table (spec/generated/operations.ts), the generated Ajv validators and,
// for header value schemas the table does not carry, the spec as JSON.
//
// Each violation names the rule it broke (`rule`) and its kind from one vocabulary (`kind`); a later step may tag
// every rule as documented or assumed from the spec's x-source without changing this shape.
import type { ValidateFunction } from 'ajv';
import * as generatedValidators from '../spec/generated/validators.mjs';
import { operation, specDocument, type JsonSchema } from './spec.ts';
import type { ResponseEntry } from './operation-types.ts';

/** The four conformance rules, named as the contract checks that report them. */
export const CONFORMANCE_RULES = ['status-code-documented', 'content-type-documented', 'response-schema-valid', 'documented-headers'] as const;
export type ConformanceRule = (typeof CONFORMANCE_RULES)[number];

/** One vocabulary of failure kinds for every stage; each belongs to one rule. */
export const VIOLATION_RULE = {
  'undocumented-status': 'status-code-documented',
  'undocumented-content-type': 'content-type-documented',
  'body-not-json': 'response-schema-valid',
  'body-schema': 'response-schema-valid',
  'header-missing': 'documented-headers',
  'header-invalid': 'documented-headers',
} as const satisfies Record<string, ConformanceRule>;
export type ViolationKind = keyof typeof VIOLATION_RULE;

export interface Violation {
  readonly rule: ConformanceRule;
  readonly kind: ViolationKind;
  readonly operationId: string;
  readonly status: number;
  /** What is wrong, without the request line (callers prefix their own context). */
  readonly message: string;
  /** Same rule + same cause → the same problem: a report groups repeats by it. */
  readonly cause: string;
}

/** A response reduced to what the contract speaks about. */
export interface ResponseToJudge {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Media type without parameters, lower case ('' when absent). */
  readonly mediaType: string;
  /** The parsed body when it was JSON … */
  readonly json?: unknown;
  /** … or why a body of a JSON media type did not parse. */
  readonly jsonError?: string;
}

export interface ConformanceVerdict {
  /** The rules that had something to judge here (a check that does not apply proves nothing, and is not counted). */
  readonly applied: ReadonlySet<ConformanceRule>;
  readonly violations: readonly Violation[];
}

const VALIDATORS = generatedValidators as unknown as Readonly<Record<string, ValidateFunction | undefined>>;

/** The generated validator for a component schema name (`SubmitResponse` → `validateSubmitResponse`). */
export function validatorFor(schemaName: string): ValidateFunction {
  const fn = VALIDATORS[`validate${schemaName}`];
  if (!fn) throw new Error(`spec: no generated validator for schema ${schemaName}`);
  return fn;
}

/** Validates and returns a one-line summary of the errors (ajv's own paths and messages), or undefined if valid. */
export function schemaErrors(schemaName: string, value: unknown): string | undefined {
  const validate = validatorFor(schemaName);
  if (validate(value)) return undefined;
  return (validate.errors ?? [])
    .slice(0, 4)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`)
    .join('; ');
}

export function documentedResponse(operationId: string, status: number): ResponseEntry | undefined {
  return operation(operationId).responses[String(status)];
}

export function documentedStatuses(operationId: string): string[] {
  return Object.keys(operation(operationId).responses);
}

type RefOr<T> = T | { readonly $ref: string };

function deref<T>(node: RefOr<T> | undefined): T | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if ('$ref' in node && typeof node.$ref === 'string') {
    let cursor: unknown = specDocument();
    for (const part of node.$ref.replace(/^#\//, '').split('/')) {
      cursor = (cursor as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return cursor as T | undefined;
  }
  return node as T;
}

interface HeaderObject {
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

const headerSchemas = new Map<string, JsonSchema | undefined>();

/** The schema of a documented response header (lower-case name), resolved through the spec's $refs. */
export function headerSchema(operationId: string, status: number, headerName: string): JsonSchema | undefined {
  const key = `${operationId} ${status} ${headerName}`;
  if (headerSchemas.has(key)) return headerSchemas.get(key);
  const op = operation(operationId);
  const paths = specDocument()['paths'] as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  const response = deref<{ headers?: Record<string, RefOr<HeaderObject>> }>(
    paths[op.path]?.[op.method.toLowerCase()]?.responses?.[String(status)] as RefOr<{ headers?: Record<string, RefOr<HeaderObject>> }>,
  );
  const entry = Object.entries(response?.headers ?? {}).find(([name]) => name.toLowerCase() === headerName);
  const schema = entry ? deref<HeaderObject>(entry[1])?.schema : undefined;
  headerSchemas.set(key, schema);
  return schema;
}

const patterns = new Map<string, RegExp>();

/** Checks a header value against the small subset of JSON Schema the spec uses for headers (type string, pattern, minLength). */
export function headerValueProblem(schema: JsonSchema | undefined, value: string): string | undefined {
  if (!schema) return undefined;
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return `shorter than ${schema.minLength}`;
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    let re = patterns.get(pattern);
    if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
    if (!re.test(value)) return `does not match ${pattern}`;
  }
  return undefined;
}

/**
 * Spec conflict submit-status-code: the docs never state the status of a successful submit; the decision is that 200
 * is expected and any other 2xx is a finding for the conflict report, not a conformance failure.
 */
function undocumentedButAllowed(operationId: string, status: number): boolean {
  return operationId === 'submitAsync' && status > 200 && status < 300;
}

interface Documented {
  readonly entry: ResponseEntry | undefined;
  readonly mediaTypes: readonly string[];
  readonly headers: readonly (readonly [string, boolean])[];
}

// The operation table never changes while a process runs: look each (operation, status) up once. The load engine
// judges thousands of answers a second, and the judge should cost it nothing it can measure.
const documentedCache = new Map<string, Documented>();
function documented(operationId: string, status: number): Documented {
  const key = `${operationId} ${status}`;
  let found = documentedCache.get(key);
  if (!found) {
    const entry = documentedResponse(operationId, status);
    found = { entry, mediaTypes: entry ? Object.keys(entry.content) : [], headers: entry ? Object.entries(entry.headers) : [] };
    documentedCache.set(key, found);
  }
  return found;
}

const appliedSets = new Map<string, ReadonlySet<ConformanceRule>>();
function appliedRules(hasEntry: boolean, hasSchema: boolean, hasHeaders: boolean): ReadonlySet<ConformanceRule> {
  const key = `${+hasEntry}${+hasSchema}${+hasHeaders}`;
  let set = appliedSets.get(key);
  if (!set) {
    const rules: ConformanceRule[] = ['status-code-documented'];
    if (hasEntry) rules.push('content-type-documented');
    if (hasSchema) rules.push('response-schema-valid');
    if (hasHeaders) rules.push('documented-headers');
    appliedSets.set(key, (set = new Set(rules)));
  }
  return set;
}

/** Judges one response of `operationId` against the spec. */
export function judgeResponse(operationId: string, response: ResponseToJudge): ConformanceVerdict {
  const violations: Violation[] = [];
  const { status } = response;
  const add = (kind: ViolationKind, message: string, cause: string): void => {
    violations.push({ rule: VIOLATION_RULE[kind], kind, operationId, status, message, cause });
  };
  const { entry, mediaTypes, headers } = documented(operationId, status);
  if (!entry) {
    if (!undocumentedButAllowed(operationId, status)) {
      add('undocumented-status', `${status} is not documented for ${operationId} (documented: ${documentedStatuses(operationId).join(', ')})`, `${operationId}:${status}`);
    }
    return { applied: appliedRules(false, false, false), violations };
  }

  if (mediaTypes.length > 0 && !mediaTypes.includes(response.mediaType)) {
    add('undocumented-content-type', `Content-Type "${response.mediaType || '(none)'}" is not documented (documented: ${mediaTypes.join(', ')})`, `${operationId}:${status}:${response.mediaType}`);
  }

  const schemaName = entry.content[response.mediaType];
  if (typeof schemaName === 'string') {
    if (response.jsonError !== undefined) {
      add('body-not-json', `body is not JSON (${response.jsonError})`, `${operationId}:${status}:not-json`);
    } else {
      const errors = schemaErrors(schemaName, response.json);
      if (errors) add('body-schema', `body is not a valid ${schemaName}: ${errors}`, `${operationId}:${status}:${errors}`);
    }
  }

  for (const [name, required] of headers) {
    const value = response.headers[name];
    if (value === undefined) {
      if (required) add('header-missing', `required header ${name} is missing`, `${operationId}:${status}:${name}:missing`);
      continue;
    }
    const problem = headerValueProblem(headerSchema(operationId, status, name), value);
    if (problem) add('header-invalid', `header ${name}: "${value}" ${problem}`, `${operationId}:${status}:${name}:invalid`);
  }
  return { applied: appliedRules(true, typeof schemaName === 'string', headers.length > 0), violations };
}

/** Media type of a Content-Type header: no parameters, lower case, '' when absent. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
