// API keys never appear in a report, log, recording or test output. Everything that writes an exchange to disk or to
// the console passes it through here first.

export const REDACTED = '[REDACTED]';

/** Header names whose values are secrets, lower case. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set(['x-api-key', 'authorization', 'proxy-authorization', 'cookie', 'x-admin-token']);

/** Segmind keys are `SG_` + hex (reference §1.1); third-party clients accept `sg_` and longer tails. */
const KEY_PATTERN = /\b[Ss][Gg]_[A-Za-z0-9]{8,}\b/g;

export function redactHeaders<T extends Record<string, unknown>>(headers: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out as T;
}

/** Replaces every known secret and anything shaped like a Segmind key inside a string. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(KEY_PATTERN, REDACTED);
}

/** Deep copy of a JSON-like value with secrets redacted in header maps and strings. */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_HEADERS.has(k.toLowerCase()) && v !== undefined ? REDACTED : redactDeep(v, secrets);
    }
    return out as T;
  }
  return value;
}
