// The one judge of "does this response conform to the spec" (STYLE §2): status code documented for the operation,
// content type documented for that status, JSON body valid against the documented schema, documented headers
// present (when required) and matching their schemas. The contract checks, the drift report and the load engine all
// call it, so they can no longer disagree (they did: the load stage ignored header values and the submit-status
// decision, drift ignored header values). Pure: operation id + status + headers + parsed body in, typed data out,
// driven only by the generated operation table (spec/generated/operations.ts), the generated Ajv validators and,
// for header value schemas the table does not carry, the spec as JSON.
//
// Each violation names the conformance rule that reports it (`rule`, one of the four checks), its kind from one
// vocabulary (`kind`), and the spec rules it broke with what each rests on (`specRules`, from the spec's
// `x-infercheck-basis` through spec/generated/rules.ts and core/rule-basis.ts): a violation is `documented` — a FAIL —
// only when every rule it broke is stated by the vendor's documents; one that differs from an assumption is
// `assumed` — a finding, never failing a gate unless the user asks for --strict. Every stage reads the basis here:
// the contract checks pass it on, drift.json reports it, the load engine counts violations by it.
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generatedValidators from '../spec/generated/validators.mjs';
import { combinedBasis, headerRule, operationRule, responseRule, schemaErrorRule, type Basis, type SpecRule } from './rule-basis.ts';
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
  /** The spec rules it broke (never empty), each with its basis and source: `submitAsync:success`, `XSeedValue:format`. */
  readonly specRules: readonly SpecRule[];
  /** `documented` when every rule it broke is (a FAIL), else `assumed` (a finding unless --strict). */
  readonly basis: Basis;
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
  let fn = validators.get(schemaName);
  if (!fn) {
    fn = VALIDATORS[`validate${schemaName}`];
    if (!fn) throw new Error(`spec: no generated validator for schema ${schemaName}`);
    validators.set(schemaName, fn);
  }
  return fn;
}
const validators = new Map<string, ValidateFunction>();

/** Validates and returns the errors (ajv's own), empty when valid. */
export function schemaErrorList(schemaName: string, value: unknown): ErrorObject[] {
  const validate = validatorFor(schemaName);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** ajv's errors in one line: the first four, each its path and message. */
export function errorsText(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 4)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`)
    .join('; ');
}

/** Validates and returns a one-line summary of the errors (ajv's own paths and messages), or undefined if valid. */
export function schemaErrors(schemaName: string, value: unknown): string | undefined {
  const errors = schemaErrorList(schemaName, value);
  return errors.length === 0 ? undefined : errorsText(errors);
}

/**
 * A body's schema errors grouped by the basis of the rule each broke (core/rule-basis.ts schemaErrorRule): a body
 * that breaks documented and assumed rules at once yields a failure for the first and a finding for the rest.
 */
export function schemaErrorsByBasis(schemaName: string, value: unknown): { readonly basis: Basis; readonly text: string; readonly specRules: readonly SpecRule[] }[] {
  if (validatorFor(schemaName)(value)) return []; // the common case: valid, nothing to group
  const groups = new Map<Basis, { errors: ErrorObject[]; specRules: SpecRule[] }>();
  for (const error of schemaErrorList(schemaName, value)) {
    const rule = schemaErrorRule(schemaName, value, error);
    const group = groups.get(rule.basis) ?? { errors: [], specRules: [] };
    group.errors.push(error);
    if (!group.specRules.includes(rule)) group.specRules.push(rule);
    groups.set(rule.basis, group);
  }
  return [...groups].map(([basis, g]) => ({ basis, text: errorsText(g.errors), specRules: g.specRules }));
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

/** A rule the generated table must hold (npm run gen refuses a spec that leaves a constraint without its basis). */
function must(rule: SpecRule | undefined, what: string): SpecRule {
  if (!rule) throw new Error(`spec: no basis for ${what} (spec/generated/rules.ts)`);
  return rule;
}

interface DocumentedHeader {
  readonly name: string;
  readonly required: boolean;
  readonly presence: SpecRule | undefined;
  readonly format: SpecRule | undefined;
}

interface Documented {
  readonly entry: ResponseEntry | undefined;
  readonly mediaTypes: readonly string[];
  readonly headers: readonly DocumentedHeader[];
  /**
   * The rule an answer with this status breaks when it is not documented: the operation's list of statuses, or — for
   * another 2xx — the code of its success (documented only for v1's 200; spec conflict submit-status-code).
   */
  readonly statusRule: SpecRule;
  /** The rule of this answer's content type (and of its body being what that type says), when documented. */
  readonly contentRule: SpecRule | undefined;
}

// The operation table never changes while a process runs: look each (operation, status) up once. The load engine
// judges thousands of answers a second, and the judge should cost it nothing it can measure.
const documentedCache = new Map<string, Map<number, Documented>>();
function documented(operationId: string, status: number): Documented {
  let byStatus = documentedCache.get(operationId);
  if (!byStatus) documentedCache.set(operationId, (byStatus = new Map()));
  let found = byStatus.get(status);
  if (!found) {
    const key = `${operationId} ${status}`;
    const entry = documentedResponse(operationId, status);
    const headers = Object.entries(entry?.headers ?? {}).map(([name, required]) => ({
      name,
      required,
      presence: required ? must(headerRule(operationId, status, name, 'presence'), `${name} on ${key}`) : undefined,
      format: headerRule(operationId, status, name, 'format'),
    }));
    found = {
      entry,
      mediaTypes: entry ? Object.keys(entry.content) : [],
      headers,
      statusRule: operationRule(operationId, status >= 200 && status < 300 ? 'success' : 'responses'),
      contentRule: entry && Object.keys(entry.content).length > 0 ? must(responseRule(operationId, status, 'content'), `the content of ${key}`) : undefined,
    };
    byStatus.set(status, found);
  }
  return found;
}

const appliedSets: (ReadonlySet<ConformanceRule> | undefined)[] = [];
function appliedRules(hasEntry: boolean, hasSchema: boolean, hasHeaders: boolean): ReadonlySet<ConformanceRule> {
  const key = (+hasEntry << 2) | (+hasSchema << 1) | +hasHeaders;
  let set = appliedSets[key];
  if (!set) {
    const rules: ConformanceRule[] = ['status-code-documented'];
    if (hasEntry) rules.push('content-type-documented');
    if (hasSchema) rules.push('response-schema-valid');
    if (hasHeaders) rules.push('documented-headers');
    appliedSets[key] = set = new Set(rules);
  }
  return set;
}

/** Judges one response of `operationId` against the spec. */
export function judgeResponse(operationId: string, response: ResponseToJudge): ConformanceVerdict {
  const violations: Violation[] = [];
  const { status } = response;
  const add = (kind: ViolationKind, message: string, cause: string, specRules: readonly SpecRule[]): void => {
    violations.push({ rule: VIOLATION_RULE[kind], kind, operationId, status, message, cause, specRules, basis: combinedBasis(specRules) });
  };
  const { entry, mediaTypes, headers, statusRule, contentRule } = documented(operationId, status);
  if (!entry) {
    add('undocumented-status', `${status} is not documented for ${operationId} (documented: ${documentedStatuses(operationId).join(', ')})`, `${operationId}:${status}`, [statusRule]);
    return { applied: appliedRules(false, false, false), violations };
  }

  if (contentRule && !mediaTypes.includes(response.mediaType)) {
    add('undocumented-content-type', `Content-Type "${response.mediaType || '(none)'}" is not documented (documented: ${mediaTypes.join(', ')})`, `${operationId}:${status}:${response.mediaType}`, [contentRule]);
  }

  const schemaName = entry.content[response.mediaType];
  if (typeof schemaName === 'string') {
    if (response.jsonError !== undefined) {
      add('body-not-json', `body is not JSON (${response.jsonError})`, `${operationId}:${status}:not-json`, [contentRule!]);
    } else {
      for (const group of schemaErrorsByBasis(schemaName, response.json)) {
        const what = group.basis === 'assumed' ? ' (an assumed rule)' : '';
        add('body-schema', `body is not a valid ${schemaName}${what}: ${group.text}`, `${operationId}:${status}:${group.text}`, group.specRules);
      }
    }
  }

  for (const { name, required, presence, format } of headers) {
    const value = response.headers[name];
    if (value === undefined) {
      if (required) add('header-missing', `required header ${name} is missing`, `${operationId}:${status}:${name}:missing`, [presence!]);
      continue;
    }
    const problem = headerValueProblem(headerSchema(operationId, status, name), value);
    if (problem) add('header-invalid', `header ${name}: "${value}" ${problem}`, `${operationId}:${status}:${name}:invalid`, [must(format, `the form of ${name} on ${operationId} ${status}`)]);
  }
  return { applied: appliedRules(true, typeof schemaName === 'string', headers.length > 0), violations };
}

/** Media type of a Content-Type header: no parameters, lower case, '' when absent. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  const text = contentType ?? '';
  let type = mediaTypes.get(text);
  if (type === undefined) {
    type = text.split(';')[0]!.trim().toLowerCase();
    if (mediaTypes.size >= 256) mediaTypes.clear(); // a target sending endless distinct types cannot grow it
    mediaTypes.set(text, type);
  }
  return type;
}
// a target answers with a handful of Content-Type values, thousands of times a second: each is parsed once
const mediaTypes = new Map<string, string>();

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
