// Sending one request and capturing the exchange. The only place the suite touches the network (through an injected
// fetch, so nock, a recording or undici can stand behind it). The API key is added here and redacted here: an
// Exchange never holds it (core/redact.ts).
import { isJsonMediaType, judgeResponse, mediaTypeOf, type ConformanceRule, type ConformanceVerdict, type Violation } from '../core/conformance.ts';
import { redactDeep, redactHeaders, redactText } from '../core/redact.ts';
import type { Exchange } from './types.ts';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface SendOptions {
  readonly caseId: string;
  readonly operationId: string | null;
  readonly model?: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON value to send (serialised here) … */
  readonly json?: unknown;
  /** … or a raw body, for deliberately broken requests. */
  readonly bodyText?: string;
}

export interface Transport {
  readonly fetch: FetchFn;
  /** Secrets to redact from everything captured (the API key, the wrong key a case sends). */
  readonly secrets: readonly string[];
  readonly timeoutMs: number;
  readonly now: () => number;
}

export async function send(transport: Transport, options: SendOptions): Promise<Exchange> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
  const bodyText = options.bodyText ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const redactedRequest = {
    method: options.method,
    url: redactText(options.url, transport.secrets),
    headers: redactHeaders(redactDeep(headers, transport.secrets)),
    ...(bodyText === undefined ? {} : { bodyText: redactText(bodyText, transport.secrets) }),
    ...(options.json === undefined ? {} : { json: redactDeep(options.json, transport.secrets) }),
  };
  const base = {
    caseId: options.caseId,
    operationId: options.operationId,
    ...(options.model === undefined ? {} : { model: options.model }),
    request: redactedRequest,
  };
  const startedAt = transport.now();
  try {
    const response = await transport.fetch(options.url, {
      method: options.method,
      headers,
      ...(bodyText === undefined ? {} : { body: bodyText }),
      signal: AbortSignal.timeout(transport.timeoutMs),
      redirect: 'manual',
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const finishedAt = transport.now();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    const mediaType = mediaTypeOf(response.headers.get('content-type'));
    let json: unknown;
    let jsonError: string | undefined;
    if (isJsonMediaType(mediaType)) {
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch (err) {
        jsonError = err instanceof Error ? err.message : String(err);
      }
    }
    return {
      ...base,
      response: {
        status: response.status,
        headers: redactHeaders(responseHeaders),
        mediaType,
        bytes,
        ...(json === undefined ? {} : { json: redactDeep(json, transport.secrets) }),
        ...(jsonError === undefined ? {} : { jsonError }),
      },
      startedAt,
      finishedAt,
    };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ...base, error: redactText(message, transport.secrets), startedAt, finishedAt: transport.now() };
  }
}

/** The body text of a response, decoded, for messages (never more than `limit` characters). */
export function bodyPreview(exchange: Exchange, limit = 200): string {
  if (!exchange.response) return exchange.error ?? '(no response)';
  if (exchange.response.json !== undefined) return JSON.stringify(exchange.response.json).slice(0, limit);
  if (exchange.response.mediaType.startsWith('image/')) return `<${exchange.response.bytes.length} bytes ${exchange.response.mediaType}>`;
  return new TextDecoder().decode(exchange.response.bytes.subarray(0, limit));
}

/** `METHOD URL → status`, for messages. */
export function describe(exchange: Exchange): string {
  const path = (() => {
    try {
      return new URL(exchange.request.url).pathname;
    } catch {
      return exchange.request.url;
    }
  })();
  return `${exchange.request.method} ${path} → ${exchange.response ? exchange.response.status : exchange.error ?? 'no response'}`;
}

/** A JSON object body, or undefined. */
export function jsonObject(exchange: Exchange | undefined): Record<string, unknown> | undefined {
  const json = exchange?.response?.json;
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

const verdicts = new WeakMap<Exchange, ConformanceVerdict>();

/**
 * The one conformance judge's verdict on an exchange (core/conformance.ts), computed once and shared by the four
 * conformance checks that each report one of its rules. Undefined for exchanges outside the spec or without a response.
 */
export function conformanceOf(exchange: Exchange): ConformanceVerdict | undefined {
  if (exchange.operationId === null || !exchange.response) return undefined;
  let verdict = verdicts.get(exchange);
  if (!verdict) verdicts.set(exchange, (verdict = judgeResponse(exchange.operationId, exchange.response)));
  return verdict;
}

/** Whether the judge had something to say about `rule` for this exchange. */
export function conformanceApplies(exchange: Exchange, rule: ConformanceRule): boolean {
  return conformanceOf(exchange)?.applied.has(rule) ?? false;
}

/** The judge's violations of `rule` on this exchange. */
export function conformanceViolations(exchange: Exchange, rule: ConformanceRule): Violation[] {
  return (conformanceOf(exchange)?.violations ?? []).filter((v) => v.rule === rule);
}
