// What the checks ask of the spec, answered from the generated artefacts only: the operation table
// (spec/generated/operations.ts), the standalone ajv validators (validators.mjs) and, for header value schemas that
// the operation table does not carry, the spec as JSON (through core/spec.ts). Nothing here restates the contract.
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generatedValidators from '../spec/generated/validators.mjs';
import { jobStateMachine, operation, specDocument, type JsonSchema } from '../core/spec.ts';
import type { ResponseEntry } from '../core/operation-types.ts';

const VALIDATORS = generatedValidators as unknown as Readonly<Record<string, ValidateFunction | undefined>>;

/** The generated validator for a component schema name (`SubmitResponse` → `validateSubmitResponse`). */
export function validatorFor(schemaName: string): ValidateFunction {
  const fn = VALIDATORS[`validate${schemaName}`];
  if (!fn) throw new Error(`spec: no generated validator for schema ${schemaName}`);
  return fn;
}

/** Validates and returns the errors (ajv's own), empty when valid. */
export function schemaErrorList(schemaName: string, value: unknown): ErrorObject[] {
  const validate = validatorFor(schemaName);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** Validates and returns a one-line summary of the errors (ajv's own paths and messages), or undefined if valid. */
export function schemaErrors(schemaName: string, value: unknown): string | undefined {
  const errors = schemaErrorList(schemaName, value);
  if (errors.length === 0) return undefined;
  return errors
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

/** The schema of a documented response header (lower-case name), resolved through the spec's $refs. */
export function headerSchema(operationId: string, status: number, headerName: string): JsonSchema | undefined {
  const op = operation(operationId);
  const paths = specDocument()['paths'] as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  const response = deref<{ headers?: Record<string, RefOr<HeaderObject>> }>(
    paths[op.path]?.[op.method.toLowerCase()]?.responses?.[String(status)] as RefOr<{ headers?: Record<string, RefOr<HeaderObject>> }>,
  );
  const entry = Object.entries(response?.headers ?? {}).find(([name]) => name.toLowerCase() === headerName);
  return entry ? deref<HeaderObject>(entry[1])?.schema : undefined;
}

/** Checks a header value against the small subset of JSON Schema the spec uses for headers (type string, pattern, minLength). */
export function headerValueProblem(schema: JsonSchema | undefined, value: string): string | undefined {
  if (!schema) return undefined;
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return `shorter than ${schema.minLength}`;
  const pattern = schema['pattern'];
  if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(value)) return `does not match ${pattern}`;
  return undefined;
}

export const JOB_STATES = jobStateMachine();

export function isTerminal(status: string): boolean {
  return JOB_STATES.terminal.includes(status);
}

/** Whether `to` may follow `from` in the spec's transition table (x-infercheck-job-states). */
export function transitionAllowed(from: string, to: string): boolean {
  return (JOB_STATES.transitions[from] ?? []).includes(to);
}
