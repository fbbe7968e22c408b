// Which rule a judgement rests on, and whether the vendor's documents state it: lookups into the generated rule
// table (spec/generated/rules.ts, from the spec's `x-infercheck-basis`, core/spec-rules.ts). Every check that judges
// a response or a request against the spec names the rule it applied through these, so a violation carries its
// basis: documented (a FAIL) or assumed (a finding, unless --strict). Nothing here restates a rule.
import { RULES } from '../spec/generated/rules.ts';
import { componentSchema, operation, type JsonSchema } from './spec.ts';
import { BASIS_KEYWORD, childLabel, refName, type Basis, type RuleBasis, type SpecRule } from './spec-rules.ts';

export { RULES, type Basis, type RuleBasis, type SpecRule };

/** A rule a judgement rests on: a spec rule (by id) or a check's own rule, with its basis. */
export interface RuleRef extends RuleBasis {
  /** `Txt2ImgRequest.seed:minimum`, or `<check>` / `<check>:<name>` for a check's own rule. */
  readonly id: string;
}

export function specRule(id: string): SpecRule {
  const rule = RULES[id];
  if (!rule) throw new Error(`spec: no rule ${id} (spec/generated/rules.ts)`);
  return rule;
}

/** The weakest of several bases: a judgement is documented only if every rule it rests on is. */
export function combinedBasis(rules: readonly Pick<RuleBasis, 'basis'>[]): Basis {
  return rules.some((r) => r.basis === 'assumed') ? 'assumed' : 'documented';
}

/**
 * What a judgement resting on `rules` comes to, as a result file states it: its basis (documented only if every rule
 * is), the rule ids, and the source of a rule that decides that basis.
 */
export function ruleSummary(rules: readonly RuleRef[]): { readonly basis: Basis; readonly rule: string; readonly source: string } {
  const basis = combinedBasis(rules);
  const deciding = rules.find((r) => r.basis === basis) ?? rules[0]!;
  return { basis, rule: [...new Set(rules.map((r) => r.id))].join(' + '), source: sourceText(deciding) };
}

/** "seed-scifi (Parameters): “Default: -1”" or "assumed: the pages give no range…", for reports and tables. */
export function sourceText(rule: RuleBasis): string {
  const quote = rule.quote ? ` “${rule.quote}”` : '';
  const at = rule.source ? `${rule.source}${rule.where ? ` ${rule.where}` : ''}${quote}` : '';
  if (rule.basis === 'documented') return `${at}${rule.why ? ` (${rule.why})` : ''}`;
  return `assumed: ${rule.why ?? ''}${at ? ` (${at})` : ''}`;
}

const REQUEST = 'Txt2ImgRequest';

/**
 * The rule of one request parameter's constraint: `type`, `default`, `minimum`, `maximum`, `enum`, `minLength`, … —
 * for `enum` with a value, that value's own rule when it has one (`scheduler` `euler` is assumed, `UniPC` documented).
 */
export function parameterRule(parameter: string, keyword: string, value?: unknown): SpecRule {
  if (keyword === 'enum' && value !== undefined) {
    const own = RULES[`${REQUEST}.${parameter}:enum=${String(value)}`];
    if (own) return own;
  }
  return specRule(`${REQUEST}.${parameter}:${keyword}`);
}

/** A rule of the request body as a whole: `required`, `null` (null for an optional parameter), `strings` (numbers as strings). */
export function requestRule(key: 'required' | 'null' | 'strings' | 'additionalProperties' | 'type'): SpecRule {
  return specRule(`${REQUEST}:${key}`);
}

/** The rule of an operation's whole list of statuses (`responses`) or of its success code (`success`). */
export function operationRule(operationId: string, key: 'responses' | 'success'): SpecRule {
  return specRule(`${operation(operationId).operationId}:${key}`);
}

/** The rule of a documented answer's status or content type; undefined when the status is not documented. */
export function responseRule(operationId: string, status: number, key: 'status' | 'content'): SpecRule | undefined {
  const entry = operation(operationId).responses[String(status)];
  return entry ? specRule(`${entry.rules.response}:${key}`) : undefined;
}

/** The rule of a documented response header's presence or form; undefined when the header is not documented there. */
export function headerRule(operationId: string, status: number, header: string, key: 'presence' | 'format'): SpecRule | undefined {
  const label = operation(operationId).responses[String(status)]?.rules.headers[header.toLowerCase()];
  return label ? RULES[`${label}:${key}`] : undefined;
}

/** The rule the job states rest on (x-infercheck-job-states). */
export function jobStatesRule(): SpecRule {
  return specRule('job-states:transitions');
}

type Node = JsonSchema | boolean;

/** One step down a schema, with the $ref site (the usage, whose basis shadows the component's) kept beside its target. */
interface Position {
  /** Nearest first: the $ref site, then what it points at. */
  readonly nodes: ReadonlyArray<{ readonly node: Node; readonly label: string }>;
}

function resolve(node: Node | undefined, label: string): Position | undefined {
  if (node === undefined) return undefined;
  const nodes: Array<{ node: Node; label: string }> = [{ node, label }];
  let cursor: Node = node;
  for (let hops = 0; hops < 8 && typeof cursor === 'object'; hops++) {
    const name = refName(cursor as never);
    if (!name) break;
    cursor = componentSchema(name);
    nodes.push({ node: cursor, label: name });
  }
  return { nodes };
}

function schemaOf(position: Position): JsonSchema | undefined {
  const last = position.nodes[position.nodes.length - 1]!.node;
  return typeof last === 'object' ? last : undefined;
}

/** The branch of a oneOf that the instance's discriminating field names (the job bodies, by `status`). */
function branchFor(schema: JsonSchema, instance: unknown, parentLabel: string): Position | undefined {
  const branches = schema['oneOf'];
  if (!Array.isArray(branches) || instance === null || typeof instance !== 'object') return undefined;
  const tag = schema.required?.[0];
  if (!tag) return undefined;
  const value = (instance as Record<string, unknown>)[tag];
  for (const [i, branch] of (branches as Node[]).entries()) {
    const position = resolve(branch, childLabel(parentLabel, 'oneOf', i, branch as never));
    const target = position && schemaOf(position);
    const field = target?.properties?.[tag];
    if (field && (field.const === value || (Array.isArray(field.enum) && field.enum.includes(value)))) return position;
  }
  return undefined;
}

function basisEntries(node: Node): Readonly<Record<string, unknown>> {
  return typeof node === 'object' && node[BASIS_KEYWORD] && typeof node[BASIS_KEYWORD] === 'object' ? (node[BASIS_KEYWORD] as Record<string, unknown>) : {};
}

/**
 * The rule an Ajv error of a generated validator broke, found by walking the spec's schema along the error's
 * instance path (Ajv's own schemaPath is relative to whatever branch it compiled, so it cannot be trusted to say
 * where in the spec): the keyword's own entry on the node where the error sits, else the nearest `*` above it — a
 * $ref's usage shadowing the referenced component (the result endpoint's pending branch is assumed, the status
 * endpoint's is documented).
 */
export function schemaErrorRule(schemaName: string, instance: unknown, error: { readonly instancePath?: string; readonly keyword: string }): SpecRule {
  const chain: Position[] = [];
  let position = resolve(componentSchema(schemaName), schemaName)!;
  let value: unknown = instance;
  const descend = (): void => {
    chain.push(position);
    const schema = schemaOf(position);
    const branch = schema && branchFor(schema, value, position.nodes[position.nodes.length - 1]!.label);
    if (branch) {
      position = branch;
      descend();
    }
  };
  descend();
  const segments = (error.instancePath ?? '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const segment of segments) {
    const schema = schemaOf(position);
    if (!schema) break;
    const label = position.nodes[position.nodes.length - 1]!.label;
    let next: Position | undefined;
    if (schema.properties && segment in schema.properties) next = resolve(schema.properties[segment], childLabel(label, 'properties', segment));
    else if (schema['items'] !== undefined && /^\d+$/.test(segment)) next = resolve(schema['items'] as Node, childLabel(label, 'items', 0));
    if (!next) break;
    position = next;
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    descend();
  }
  const leaf = chain[chain.length - 1]!;
  for (const { node, label } of leaf.nodes) {
    if (error.keyword in basisEntries(node)) return specRule(`${label}:${error.keyword}`);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const { node, label } of chain[i]!.nodes) if ('*' in basisEntries(node)) return specRule(`${label}:*`);
  }
  throw new Error(`spec: no basis covers ${schemaName}${error.instancePath ?? ''} ${error.keyword} (spec/generated/rules.ts)`);
}
