// Read access to the spec for code that runs in Node: the model list, parameter bounds, the job state machine and
// the documented conflicts all come from spec/generated/openapi.json, never from a second hand-written copy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODELS, OPERATIONS, SPEC_VERSION, type ModelId } from '../spec/generated/operations.ts';
import type { OperationEntry } from './operation-types.ts';

export { MODELS, OPERATIONS, SPEC_VERSION, type ModelId };

export const SPEC_JSON_PATH = fileURLToPath(new URL('../spec/generated/openapi.json', import.meta.url));

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly description?: string;
  /** What each constraint rests on (core/spec-rules.ts): documented or assumed, with the source. */
  readonly 'x-infercheck-basis'?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface SpecConflict {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly { readonly source: string; readonly says: string }[];
  readonly decision: string;
  readonly probe: { readonly kind: string; readonly [key: string]: unknown };
}

export interface JobStateMachine {
  readonly initial: string;
  readonly terminal: readonly string[];
  readonly transitions: Readonly<Record<string, readonly string[]>>;
}

/** A document the spec rests on (`info.x-infercheck-sources`), its file relative to the checkout's parent folder. */
export interface SpecSource {
  readonly file: string;
  readonly title: string;
}

interface SpecDocument {
  readonly info: { readonly version: string; readonly 'x-infercheck-sources': Readonly<Record<string, SpecSource>> };
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly headers: Readonly<Record<string, { readonly required?: boolean; readonly schema: JsonSchema }>>;
    readonly requestBodies: Readonly<Record<string, { readonly content: Record<string, { readonly examples?: Record<string, { readonly value: unknown }> }> }>>;
  };
  readonly 'x-infercheck-conflicts': readonly SpecConflict[];
  readonly 'x-infercheck-job-states': JobStateMachine;
  readonly [key: string]: unknown;
}

let cached: SpecDocument | undefined;

/** The whole spec document (parsed once). */
export function specDocument(): SpecDocument {
  cached ??= JSON.parse(readFileSync(SPEC_JSON_PATH, 'utf8')) as SpecDocument;
  return cached;
}

export function componentSchema(name: string): JsonSchema {
  const schema = specDocument().components.schemas[name];
  if (!schema) throw new Error(`spec: no component schema named ${name}`);
  return schema;
}

/** The text-to-image request parameters, name → schema, in spec order. */
export function txt2imgParameters(): ReadonlyArray<readonly [string, JsonSchema]> {
  return Object.entries(componentSchema('Txt2ImgRequest').properties ?? {});
}

export function requiredParameters(): readonly string[] {
  return componentSchema('Txt2ImgRequest').required ?? [];
}

/** The pages' own example payloads, example name (the model slug) → body. */
export function requestExamples(): Readonly<Record<string, Record<string, unknown>>> {
  const examples = specDocument().components.requestBodies['Txt2Img']?.content['application/json']?.examples ?? {};
  return Object.fromEntries(Object.entries(examples).map(([name, ex]) => [name, ex.value as Record<string, unknown>]));
}

/** The documents the spec's rules rest on, by key (seed-scifi, seed-epicrealism, reference). */
export function specSources(): Readonly<Record<string, SpecSource>> {
  return specDocument().info['x-infercheck-sources'];
}

export function conflicts(): readonly SpecConflict[] {
  return specDocument()['x-infercheck-conflicts'];
}

export function jobStateMachine(): JobStateMachine {
  return specDocument()['x-infercheck-job-states'];
}

export function operation(operationId: string): OperationEntry {
  const op = OPERATIONS.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`spec: no operation ${operationId}`);
  return op;
}

export function isModelId(value: string): value is ModelId {
  return (MODELS as readonly string[]).includes(value);
}
