// Parameter boundaries, generated from the spec's Txt2ImgRequest schema (core/spec.ts txt2imgParameters(),
// requiredParameters()): no hand-written list of parameters. For every parameter: each bound (or every enum value)
// must be accepted; each value just outside (±0.01 for numbers, ±1 for integers, a value not in an enum, a fraction
// for integers), each wrong type and a missing required field must be rejected.
//
// Why every generated case is judged by today's generated validator before it is used: Schemathesis' users keep
// reporting `negative_data_rejection` false positives where the "negative" case was in fact valid (anchors §2.1:
// schemathesis#2312, #2726, #2900, #3073, and #4332 where shrinking removed the only invalid part). Here a negative
// case changes exactly one field of a valid body and is dropped unless the spec's own validator rejects the result;
// a positive case is dropped unless it validates. The oracle is the spec, never this file's guesswork.
import { parameterRule, requestRule, type SpecRule } from '../core/rule-basis.ts';
import { requiredParameters, txt2imgParameters, type JsonSchema } from '../core/spec.ts';
import { validatorFor } from './spec-access.ts';

export type BoundaryKind =
  | 'bound' // a documented minimum/maximum, or the minimum length
  | 'enum-value' // one of the listed values
  | 'plain-value' // a parameter with no bounds: one ordinary value
  | 'outside-bound' // just below the minimum or just above the maximum
  | 'not-in-enum'
  | 'fraction' // a non-integer for an integer
  | 'too-short'
  | 'wrong-type'
  | 'missing-required';

export interface BoundaryCase {
  readonly parameter: string;
  readonly kind: BoundaryKind;
  /** Short, stable label used in case ids, e.g. "max", "min-0.01", "string". */
  readonly label: string;
  readonly expect: 'accept' | 'reject';
  /** The value sent; absent for missing-required. */
  readonly value?: unknown;
  readonly omit?: true;
}

const NUMBER_STEP = 0.01; // the "just outside" for numbers
const INTEGER_STEP = 1;

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (typeof schema.type === 'string') return schema.type;
  if (schema.enum && schema.enum.every((v) => typeof v === 'string')) return 'string';
  if (schema.enum && schema.enum.every((v) => Number.isInteger(v))) return 'integer';
  return undefined;
}

/** Decimal-safe a ± b (0.1 - 0.01 must be 0.09, not 0.09000000000000001). */
function shift(value: number, delta: number): number {
  return Number((value + delta).toFixed(10));
}

/** One value of each JSON type other than the parameter's own, so "wrong type" covers the whole type lattice. */
function wrongTypeValues(type: string | undefined, sample: unknown): Array<[string, unknown]> {
  const all: Array<[string, unknown]> = [
    ['string', typeof sample === 'number' || typeof sample === 'boolean' ? String(sample) : 'text'],
    ['number', 1.5],
    ['integer', 1],
    ['boolean', true],
    ['null', null],
    ['array', [sample ?? 'x']],
    ['object', { value: sample ?? 'x' }],
  ];
  return all.filter(([name]) => {
    if (name === type) return false;
    if (type === 'number' && name === 'integer') return false; // an integer is a number
    if (type === 'integer' && name === 'number') return false; // covered by the fraction case
    return true;
  });
}

/** The raw cases of one parameter, before the validator filter (exported for tests with synthetic schemas). */
export function casesOf(name: string, schema: JsonSchema, required: boolean): BoundaryCase[] {
  const out: BoundaryCase[] = [];
  const accept = (kind: BoundaryKind, label: string, value: unknown) => out.push({ parameter: name, kind, label, expect: 'accept', value });
  const reject = (kind: BoundaryKind, label: string, value: unknown) => out.push({ parameter: name, kind, label, expect: 'reject', value });
  const type = typeOf(schema);
  let sample: unknown;

  if (schema.enum) {
    for (const value of schema.enum) accept('enum-value', String(value), value);
    sample = schema.enum[0];
    if (type === 'string') reject('not-in-enum', 'not-listed', `not-a-${name}`);
    if (type === 'integer') {
      const numbers = schema.enum as number[];
      let candidate = Math.max(...numbers) + INTEGER_STEP;
      const between = numbers.find((v) => !numbers.includes(v + INTEGER_STEP) && v !== Math.max(...numbers));
      if (between !== undefined) candidate = between + INTEGER_STEP; // e.g. 513: just off a listed size
      reject('not-in-enum', String(candidate), candidate);
      reject('fraction', String(shift(numbers[0] ?? 0, 0.5)), shift(numbers[0] ?? 0, 0.5));
    }
  } else if (type === 'integer' || type === 'number') {
    const step = type === 'integer' ? INTEGER_STEP : NUMBER_STEP;
    if (typeof schema.minimum === 'number') {
      accept('bound', 'min', schema.minimum);
      reject('outside-bound', `min-${step}`, shift(schema.minimum, -step));
    }
    if (typeof schema.maximum === 'number') {
      accept('bound', 'max', schema.maximum);
      reject('outside-bound', `max+${step}`, shift(schema.maximum, step));
    }
    if (schema.minimum === undefined && schema.maximum === undefined) accept('plain-value', 'value', type === 'integer' ? 1 : 1.5);
    sample = schema.minimum ?? schema.maximum ?? 1;
    if (type === 'integer') reject('fraction', 'fraction', shift(Number(sample), 0.5));
  } else if (type === 'string') {
    const min = schema.minLength ?? 0;
    if (min > 0) {
      accept('bound', 'min-length', 'x'.repeat(min));
      reject('too-short', 'too-short', 'x'.repeat(min - 1));
    } else {
      accept('plain-value', 'value', 'blurry');
    }
    if (typeof schema.maxLength === 'number') {
      accept('bound', 'max-length', 'x'.repeat(schema.maxLength));
      reject('outside-bound', 'too-long', 'x'.repeat(schema.maxLength + 1));
    }
    sample = 'x'.repeat(Math.max(1, min));
  } else if (type === 'boolean') {
    accept('enum-value', 'true', true);
    accept('enum-value', 'false', false);
    sample = true;
  }
  for (const [label, value] of wrongTypeValues(type, sample)) reject('wrong-type', label, value);
  if (required) out.push({ parameter: name, kind: 'missing-required', label: 'missing', expect: 'reject', omit: true });
  return out;
}

/**
 * The spec rule a boundary case puts to the test (core/rule-basis.ts): the bound, the enum (or that value's own rule),
 * the type, the minimum length, the required list — and for the wrong types that a vendor may read otherwise, the
 * request's `null` rule (an optional parameter sent as null: rejected, or read as absent?) and `strings` rule (a
 * number sent as "20": rejected, or read as 20?), both assumed. A value the spec gives as the default rests on the
 * default's rule: refusing seed -1 breaks the documented default, whatever the seed's (assumed) range.
 */
export function boundaryRule(boundary: BoundaryCase): SpecRule {
  const { parameter, kind, label, value } = boundary;
  const schema = txt2imgParameters().find(([name]) => name === parameter)?.[1];
  switch (kind) {
    case 'missing-required':
      return requestRule('required');
    case 'enum-value':
      if (schema?.enum === undefined) return parameterRule(parameter, 'type'); // a boolean's two values
      return schema.default === value ? parameterRule(parameter, 'default') : parameterRule(parameter, 'enum', value);
    case 'not-in-enum':
      return parameterRule(parameter, 'enum');
    case 'bound':
      if (schema?.default === value) return parameterRule(parameter, 'default');
      // A string of the minimum length is a string: accepting it rests on the type, whatever the bound rests on.
      if (label === 'min-length' || label === 'max-length') return parameterRule(parameter, 'type');
      return parameterRule(parameter, label === 'min' ? 'minimum' : 'maximum');
    case 'outside-bound':
      return parameterRule(parameter, label.startsWith('min') ? 'minimum' : label.startsWith('max') ? 'maximum' : 'maxLength');
    case 'too-short':
      return parameterRule(parameter, 'minLength');
    case 'wrong-type': {
      if (value === null) return requiredParameters().includes(parameter) ? requestRule('required') : requestRule('null');
      const type = schema && typeOf(schema);
      if (typeof value === 'string' && (type === 'integer' || type === 'number' || type === 'boolean')) return requestRule('strings');
      return parameterRule(parameter, 'type');
    }
    case 'fraction':
    case 'plain-value':
      return parameterRule(parameter, 'type');
  }
}

/** The request body a boundary case sends: a minimal valid body with exactly one field changed or removed. */
export function boundaryBody(base: Readonly<Record<string, unknown>>, boundary: BoundaryCase): Record<string, unknown> {
  const body: Record<string, unknown> = { ...base };
  if (boundary.omit) delete body[boundary.parameter];
  else body[boundary.parameter] = boundary.value;
  return body;
}

/**
 * Every boundary case of the spec's text-to-image parameters, each confirmed by the generated validator against
 * `base` (a minimal valid body): accept-cases validate, reject-cases do not. Cases the validator disagrees with are
 * returned in `dropped` so a test can show none are lost silently.
 */
export function boundaryCases(base: Readonly<Record<string, unknown>>): { cases: BoundaryCase[]; dropped: BoundaryCase[] } {
  const validate = validatorFor('Txt2ImgRequest');
  const required = new Set(requiredParameters());
  const cases: BoundaryCase[] = [];
  const dropped: BoundaryCase[] = [];
  for (const [name, schema] of txt2imgParameters()) {
    for (const boundary of casesOf(name, schema, required.has(name))) {
      const valid = validate(boundaryBody(base, boundary));
      if (valid === (boundary.expect === 'accept')) cases.push(boundary);
      else dropped.push(boundary);
    }
  }
  return { cases, dropped };
}
