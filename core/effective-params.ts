// What a text-to-image request asks for as the vendor applies it: each parameter's value read as the spec's type, or
// — absent or null — its documented default (seed-scifi "Default: …"), never `Number(null)` = 0. The one helper for
// every check that compares an output with its input (image count vs samples, JPEG size vs img_width × img_height,
// the seed echoed, base64 mode), for the conflict probes, and for the mock, which reads multipart form fields (every
// value a string, reference §1.2) through the same `readAs`. Each value says how it was arrived at and the rules that
// reading rests on: a default is documented; reading null as absent, or "4" as 4, is an assumption (spec
// Txt2ImgRequest `null`, `strings`), so a judgement that depends on it is a finding, not a failure.
import { parameterRule, requestRule, type SpecRule } from './rule-basis.ts';
import { txt2imgParameters, type JsonSchema } from './spec.ts';

export interface EffectiveValue {
  /** The value the vendor applies; undefined when what was sent cannot be read as the parameter's type. */
  readonly value: unknown;
  /** sent as the type · read from its string form · the default (absent or null) · unreadable. */
  readonly from: 'sent' | 'read' | 'default' | 'unreadable';
  /** The spec rules this reading rests on (the default's rule; the assumed null and strings readings). */
  readonly rules: readonly SpecRule[];
}

let schemas: ReadonlyMap<string, JsonSchema> | undefined;
function parameterSchema(name: string): JsonSchema | undefined {
  schemas ??= new Map(txt2imgParameters());
  return schemas.get(name);
}

function typeOf(schema: JsonSchema): string | undefined {
  return typeof schema.type === 'string' ? schema.type : undefined;
}

function hasType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    default:
      return value !== undefined;
  }
}

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A string read as a parameter's type, the way a form field or a legacy client's "4" is (reference §1.2): "20" → 20
 * for an integer, "7.5" → 7.5 for a number, "true"/"false" (any case: Python's form encoders send "True") for a
 * boolean. Anything else — and any string for a string parameter or one the spec does not know — stays as it is.
 */
export function readAs(name: string, text: string): unknown {
  const schema = parameterSchema(name);
  const trimmed = text.trim();
  switch (schema && typeOf(schema)) {
    case 'integer':
      return INTEGER.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : text;
    case 'number':
      return DECIMAL.test(trimmed) ? Number(trimmed) : text;
    case 'boolean':
      return /^true$/i.test(trimmed) ? true : /^false$/i.test(trimmed) ? false : text;
    default:
      return text;
  }
}

/** The value of `name` the vendor applies for `params` (the body as sent), and what that reading rests on. */
export function effectiveParameter(params: Readonly<Record<string, unknown>> | undefined, name: string): EffectiveValue {
  const schema = parameterSchema(name);
  const sent = params?.[name];
  const fallback = (extra: readonly SpecRule[]): EffectiveValue =>
    schema?.default === undefined ? { value: undefined, from: 'default', rules: extra } : { value: schema.default, from: 'default', rules: [...extra, parameterRule(name, 'default')] };
  if (sent === undefined) return fallback([]);
  if (sent === null) return fallback(schema ? [requestRule('null')] : []);
  const type = schema && typeOf(schema);
  if (!schema || hasType(sent, type)) return { value: sent, from: 'sent', rules: [] };
  if (typeof sent === 'string') {
    const read = readAs(name, sent);
    if (hasType(read, type)) return { value: read, from: 'read', rules: [requestRule('strings')] };
  }
  return { value: undefined, from: 'unreadable', rules: [] };
}

/** Just the value (undefined when unreadable). */
export function effectiveValue(params: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  return effectiveParameter(params, name).value;
}

/** Every parameter the spec gives a default or the body sets, as the vendor applies it (unreadable ones left out). */
export function effectiveParameters(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name] of txt2imgParameters()) {
    const { value } = effectiveParameter(params, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
