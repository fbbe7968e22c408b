// The spec's rules and what each rests on: every `x-infercheck-basis` entry of spec/openapi.yaml, read, checked and
// named. Pure (a parsed spec in, rules out), so `npm run gen` uses it to write spec/generated/rules.ts and nothing
// else ever restates a rule's basis. A rule is *documented* when one of the vendor's documents states it (its words
// are quoted, and spec/basis-quotes.test.ts finds them in the source file) and *assumed* otherwise (`why` says so).
// The contract suite fails a vendor only on a documented rule; an assumed one it breaks is a finding.
//
// Rule ids name where a basis is written and what it covers: `<label>:<key>`, the label being the component's name
// and the path inside it (`Txt2ImgRequest.seed:minimum`, `ImageObject.file_size:*`, `ResultResponse.oneOf[PendingStatus]:*`),
// an inline response's operation and status (`generateSync.200:content`), an operation (`submitAsync:success`).
// Enum values may carry their own basis: `Txt2ImgRequest.scheduler:enum=euler`.

export type Basis = 'documented' | 'assumed';

export interface RuleBasis {
  readonly basis: Basis;
  /** A key of the spec's `x-infercheck-sources`; required when documented. */
  readonly source?: string;
  /** Where in the source: a section (`§1.2 [AE]`) or a heading of the page. */
  readonly where?: string;
  /** The source's own words; required when documented, found in the source file by spec/basis-quotes.test.ts. */
  readonly quote?: string;
  /** Why the rule is assumed (required then), or what a documented rule leaves open. */
  readonly why?: string;
}

/**
 * What a rule constrains: a request parameter or the request body as a whole, a response body's schema, a path
 * parameter, an answer's status or content type, a response header, an operation's list of statuses, the request's
 * content types, the job states.
 */
export type RuleKind = 'request' | 'response-body' | 'path' | 'response' | 'header' | 'operation' | 'request-body' | 'job-states';

export interface SpecRule extends RuleBasis {
  /** `<label>:<key>`, e.g. `Txt2ImgRequest.seed:minimum`. */
  readonly id: string;
  readonly kind: RuleKind;
  /** What is constrained, in words (for the audit table and for messages). */
  readonly constraint: string;
}

export const BASIS_KEYWORD = 'x-infercheck-basis';

/** JSON Schema keywords that constrain a value, each of which must rest on something. */
export const CONSTRAINT_KEYWORDS = ['type', 'enum', 'const', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'format', 'required', 'minItems', 'maxItems', 'additionalProperties'] as const;

/** Keys of a request schema's basis that are not JSON Schema keywords: how values of the wrong JSON type are read. */
export const REQUEST_POLICY_KEYS = {
  null: 'null for an optional parameter is rejected (a vendor may read it as absent)',
  strings: 'a number or boolean sent as its string ("4", "true") is rejected (a vendor may read it as the value)',
} as const;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

function fail(where: string, problem: string): never {
  throw new Error(`spec ${BASIS_KEYWORD} at ${where}: ${problem}`);
}

/** Reads one basis entry, or throws naming where it is and what is wrong. */
export function parseRuleBasis(raw: Json | undefined, where: string, sources: ReadonlySet<string>): RuleBasis {
  if (!isObject(raw)) fail(where, 'expected { basis, source, where, quote } or { basis: assumed, why }');
  const known = new Set(['basis', 'source', 'where', 'quote', 'why', 'values']);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0) fail(where, `unknown keys ${unknown.join(', ')}`);
  const basis = raw['basis'];
  if (basis !== 'documented' && basis !== 'assumed') fail(where, `basis must be documented or assumed, got ${JSON.stringify(basis)}`);
  const text = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') fail(where, `${key} must be a non-empty string`);
    return value;
  };
  const source = text('source');
  const quote = text('quote');
  const why = text('why');
  const at = text('where');
  if (source !== undefined && !sources.has(source)) fail(where, `unknown source "${source}" (known: ${[...sources].join(', ')})`);
  if (basis === 'documented' && (source === undefined || quote === undefined)) fail(where, 'a documented rule names its source and quotes it');
  if (basis === 'assumed' && why === undefined) fail(where, 'an assumed rule says why');
  if (quote !== undefined && source === undefined) fail(where, 'a quote needs its source');
  return { basis, ...(source ? { source } : {}), ...(at ? { where: at } : {}), ...(quote ? { quote } : {}), ...(why ? { why } : {}) };
}

/** The name a $ref points at (`#/components/schemas/PendingStatus` → `PendingStatus`). */
export function refName(node: Json | undefined): string | undefined {
  const ref = isObject(node) ? node['$ref'] : undefined;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

/** The label of a schema's child: a property, the array items, or a branch of oneOf/anyOf/allOf. */
export function childLabel(parent: string, kind: 'properties' | 'items' | 'oneOf' | 'anyOf' | 'allOf', key: string | number, node?: Json): string {
  if (kind === 'properties') return `${parent}.${key}`;
  if (kind === 'items') return `${parent}[]`;
  return `${parent}.${kind}[${refName(node) ?? key}]`;
}

function short(value: Json | undefined): string {
  const text = JSON.stringify(value);
  return text === undefined ? '' : text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

interface Usage {
  /** response component → "400 on generateSync, submitAsync" */
  readonly responses: Map<string, string[]>;
  /** header component → the header name and where it is sent */
  readonly headers: Map<string, { name: string; at: string[] }>;
}

function usages(spec: JsonObject): Usage {
  const responses = new Map<string, string[]>();
  const headers = new Map<string, { name: string; at: string[] }>();
  const components = isObject(spec['components']) ? spec['components'] : {};
  const componentResponses = isObject(components['responses']) ? components['responses'] : {};
  const noteHeaders = (response: Json | undefined, at: string): void => {
    if (!isObject(response) || !isObject(response['headers'])) return;
    for (const [name, header] of Object.entries(response['headers'])) {
      const component = refName(header);
      if (!component) continue;
      const entry = headers.get(component) ?? { name: name.toLowerCase(), at: [] };
      entry.at.push(at);
      headers.set(component, entry);
    }
  };
  for (const item of Object.values(isObject(spec['paths']) ? spec['paths'] : {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || typeof op['operationId'] !== 'string') continue;
      for (const [status, response] of Object.entries(isObject(op['responses']) ? op['responses'] : {})) {
        const component = refName(response);
        const at = `${op['operationId']} ${status}`;
        if (component) {
          responses.set(component, [...(responses.get(component) ?? []), at]);
          noteHeaders(componentResponses[component], at);
        } else noteHeaders(response, at);
      }
    }
  }
  return { responses, headers };
}

function constraintText(label: string, key: string, node: JsonObject, usage: Usage, context: 'schema' | 'response' | 'header' | 'operation' | 'body' | 'states'): string {
  if (context === 'schema') {
    if (key === '*') return `${label}: its shape`;
    if (key in REQUEST_POLICY_KEYS) return `${label}: ${REQUEST_POLICY_KEYS[key as keyof typeof REQUEST_POLICY_KEYS]}`;
    if (key === 'required') return `${label} requires ${short(node['required'])}`;
    if (key === 'additionalProperties') return `${label}: additionalProperties ${short(node['additionalProperties'])}`;
    return `${label} ${key} ${short(node[key])}`;
  }
  if (context === 'response') {
    const at = usage.responses.get(label)?.join(', ');
    const where = at ?? label.replace('.', ' ');
    if (key === 'status') return `${label}: the answer ${where}`;
    return `${label}: content ${Object.keys(isObject(node['content']) ? node['content'] : {}).join(' or ') || '(none)'} (${where})`;
  }
  if (context === 'header') {
    const header = usage.headers.get(label);
    const name = header?.name ?? label;
    const at = header ? ` on ${header.at.join(', ')}` : '';
    if (key === 'presence') return `${name} is sent${at}`;
    const schema = isObject(node['schema']) ? node['schema'] : {};
    const form = schema['pattern'] !== undefined ? `matches ${String(schema['pattern'])}` : schema['minLength'] !== undefined ? `is at least ${String(schema['minLength'])} long` : 'has its documented form';
    return `${name} ${form}${at}`;
  }
  if (context === 'operation') return key === 'responses' ? `${label} answers only the statuses it lists` : `${label}: a success is the listed 2xx`;
  if (context === 'body') return `${label}: request content types ${Object.keys(isObject(node['content']) ? node['content'] : {}).join(', ')}`;
  return 'job states follow QUEUED → PROCESSING → COMPLETED | FAILED, never backwards';
}

/**
 * Every rule of the spec, checked: each entry well-formed, every constraint of a component schema covered (the
 * request schema's properties keyword by keyword), every response's status and content, every header's presence and
 * form, every operation's list of statuses. Throws on the first gap, naming it.
 */
export function collectSpecRules(spec: JsonObject): SpecRule[] {
  const info = isObject(spec['info']) ? spec['info'] : {};
  const sources = new Set(Object.keys(isObject(info['x-infercheck-sources']) ? info['x-infercheck-sources'] : {}));
  const usage = usages(spec);
  const rules: SpecRule[] = [];
  const basisOf = (node: JsonObject): JsonObject => (isObject(node[BASIS_KEYWORD]) ? node[BASIS_KEYWORD] : {});
  let schemaKind: RuleKind = 'response-body';
  const add = (label: string, key: string, raw: Json | undefined, node: JsonObject, context: Parameters<typeof constraintText>[4]): void => {
    const id = `${label}:${key}`;
    const parsed = parseRuleBasis(raw, id, sources);
    const kind: RuleKind = ({ schema: schemaKind, response: 'response', header: 'header', operation: 'operation', body: 'request-body', states: 'job-states' } as const)[context];
    rules.push({ id, kind, constraint: constraintText(label, key, node, usage, context), ...parsed });
    const values = isObject(raw) ? raw['values'] : undefined;
    if (values !== undefined) {
      if (key !== 'enum' || !isObject(values)) fail(id, '`values` belongs to an enum and maps its values to their basis');
      const listed = (Array.isArray(node['enum']) ? (node['enum'] as Json[]) : []).map(String);
      for (const [value, entry] of Object.entries(values)) {
        if (!listed.includes(value)) fail(id, `values names ${value}, which the enum does not list`);
        rules.push({ id: `${id}=${value}`, kind, constraint: `${label} accepts ${JSON.stringify(value)}`, ...parseRuleBasis(entry, `${id}=${value}`, sources) });
      }
    }
  };
  const components = isObject(spec['components']) ? spec['components'] : {};
  const pathSchemas = new Set<string>();
  for (const parameter of Object.values(isObject(components['parameters']) ? components['parameters'] : {})) {
    const name = refName(isObject(parameter) ? parameter['schema'] : undefined);
    if (name) pathSchemas.add(name);
  }
  const requestSchemas = new Set<string>();
  for (const body of Object.values(isObject(components['requestBodies']) ? components['requestBodies'] : {})) {
    for (const media of Object.values(isObject(body) && isObject(body['content']) ? body['content'] : {})) {
      const name = refName(isObject(media) ? media['schema'] : undefined);
      if (name) requestSchemas.add(name);
    }
  }

  // Schemas: every constraint keyword rests on its own entry, on the node's '*', or on an enclosing node's '*'. A
  // request parameter (a property of a request body's schema) gives each of its constraints an entry of its own.
  const walkSchema = (node: Json | undefined, label: string, covered: boolean, strict: boolean, strictProperties: boolean): void => {
    if (!isObject(node)) return;
    const basis = basisOf(node);
    if (strict && '*' in basis) fail(`${label}:*`, 'a request parameter gives each constraint its own entry, not *');
    for (const [key, raw] of Object.entries(basis)) {
      if (key !== '*' && !(key in node) && !(key in REQUEST_POLICY_KEYS)) fail(`${label}:${key}`, `the schema has no ${key}`);
      add(label, key, raw, node, 'schema');
    }
    const here = covered || '*' in basis;
    for (const keyword of CONSTRAINT_KEYWORDS) {
      if (!(keyword in node) || keyword in basis) continue;
      if (strict) fail(`${label}:${keyword}`, `each constraint of a request parameter rests on its own entry (${keyword} has none)`);
      if (!here) fail(`${label}:${keyword}`, `${keyword} rests on nothing (give it an entry, or the schema a '*')`);
    }
    const properties = isObject(node['properties']) ? node['properties'] : {};
    for (const [name, child] of Object.entries(properties)) walkSchema(child, childLabel(label, 'properties', name), here, strictProperties, false);
    if (node['items'] !== undefined) walkSchema(node['items'], childLabel(label, 'items', 0), here, strict, false);
    for (const kind of ['oneOf', 'anyOf', 'allOf'] as const) {
      const branches = node[kind];
      if (Array.isArray(branches)) branches.forEach((branch, i) => walkSchema(branch, childLabel(label, kind, i, branch), here, strict, false));
    }
  };
  for (const [name, schema] of Object.entries(isObject(components['schemas']) ? components['schemas'] : {})) {
    if (!isObject(schema) || !isObject(schema[BASIS_KEYWORD])) fail(name, 'every component schema says what it rests on');
    const request = requestSchemas.has(name);
    if (request) {
      for (const key of ['required', ...Object.keys(REQUEST_POLICY_KEYS)]) {
        if (!(key in basisOf(schema))) fail(`${name}:${key}`, 'a request schema says what its required list and its reading of null and strings rest on');
      }
    }
    schemaKind = request ? 'request' : pathSchemas.has(name) ? 'path' : 'response-body';
    walkSchema(schema, name, false, false, request);
  }

  const responseRules = (node: Json | undefined, label: string): void => {
    if (!isObject(node) || node['$ref'] !== undefined) return;
    const basis = basisOf(node);
    if (!('status' in basis)) fail(`${label}:status`, 'every response says what its status rests on');
    add(label, 'status', basis['status'], node, 'response');
    if (node['content'] !== undefined) {
      if (!('content' in basis)) fail(`${label}:content`, 'every response with a body says what its content type rests on');
      add(label, 'content', basis['content'], node, 'response');
    }
  };
  for (const [name, response] of Object.entries(isObject(components['responses']) ? components['responses'] : {})) responseRules(response, name);

  for (const [name, header] of Object.entries(isObject(components['headers']) ? components['headers'] : {})) {
    if (!isObject(header)) continue;
    const basis = basisOf(header);
    if (header['required'] === true) add(name, 'presence', basis['presence'], header, 'header');
    else if ('presence' in basis) fail(`${name}:presence`, 'an optional header has no presence rule');
    const schema = isObject(header['schema']) ? header['schema'] : {};
    if (schema['pattern'] !== undefined || schema['minLength'] !== undefined || schema['format'] !== undefined) add(name, 'format', basis['format'], header, 'header');
  }

  for (const [name, body] of Object.entries(isObject(components['requestBodies']) ? components['requestBodies'] : {})) {
    if (isObject(body)) add(name, 'content', basisOf(body)['content'], body, 'body');
  }

  for (const item of Object.values(isObject(spec['paths']) ? spec['paths'] : {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || typeof op['operationId'] !== 'string') continue;
      const id = op['operationId'];
      const basis = basisOf(op);
      add(id, 'responses', basis['responses'], op, 'operation');
      add(id, 'success', basis['success'], op, 'operation');
      for (const [status, response] of Object.entries(isObject(op['responses']) ? op['responses'] : {})) responseRules(response, `${id}.${status}`);
    }
  }

  const states = spec['x-infercheck-job-states'];
  if (isObject(states)) add('job-states', 'transitions', basisOf(states)['transitions'], states, 'states');

  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) fail(rule.id, 'two entries with one id');
    ids.add(rule.id);
  }
  return rules;
}
