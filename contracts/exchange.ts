// Sending one request and capturing the exchange. The only place the suite touches the network (through an injected
// fetch, so nock, a recording or undici can stand behind it). The API key is redacted here: an Exchange never holds
// it (core/redact.ts). Below `send`: the small readers of what an exchange says that the checks, the case kinds and
// the conflict probes all use (checks/helpers.ts re-exports them), so nothing outside checks/ imports from checks/;
// and the one conformance judge's verdict on an exchange (core/conformance.ts), shared by the four conformance checks.
import { isJsonMediaType, judgeResponse, mediaTypeOf, type ConformanceRule, type ConformanceVerdict, type Violation } from '../core/conformance.ts';
import { redactDeep, redactHeaders, redactText } from '../core/redact.ts';
import type { Exchange, JobTrace } from './types.ts';

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
  /** Which credential the request carries (the header itself is redacted; reproducers need to know which). */
  readonly auth?: 'key' | 'none' | 'wrong' | 'bearer';
}

export interface Transport {
  readonly fetch: FetchFn;
  /** Secrets to redact from everything captured (the API key, the wrong key a case sends). */
  readonly secrets: readonly string[];
  readonly timeoutMs: number;
  readonly now: () => number;
}

/** The most specific code of a transport error: `ECONNREFUSED`, `UND_ERR_SOCKET`, or the error's name (`TimeoutError`). */
export function transportErrorCode(err: unknown): string {
  let cursor: unknown = err;
  for (let depth = 0; cursor && depth < 5; depth++) {
    const code = (cursor as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cursor = (cursor as { cause?: unknown }).cause;
  }
  return err instanceof Error ? err.name : 'Error';
}

/** Sends one request; `signal` (the run's stop) aborts it as well as the transport's own timeout. */
export async function send(transport: Transport, options: SendOptions, signal?: AbortSignal): Promise<Exchange> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
  const bodyText = options.bodyText ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const redactedRequest = {
    method: options.method,
    url: redactText(options.url, transport.secrets),
    headers: redactHeaders(redactDeep(headers, transport.secrets)),
    ...(bodyText === undefined ? {} : { bodyText: redactText(bodyText, transport.secrets) }),
    ...(options.json === undefined ? {} : { json: redactDeep(options.json, transport.secrets) }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
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
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(transport.timeoutMs)]) : AbortSignal.timeout(transport.timeoutMs),
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
    const errorCode = transportErrorCode(err);
    const message = err instanceof Error ? `${err.name}: ${err.message}${errorCode !== err.name ? ` (${errorCode})` : ''}` : String(err);
    return { ...base, error: redactText(message, transport.secrets), errorCode, startedAt, finishedAt: transport.now() };
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

export function isSuccess(exchange: Exchange | undefined): boolean {
  const status = exchange?.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

export function numberHeader(exchange: Exchange, name: string): number | undefined {
  const raw = exchange.response?.headers[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** The status a status/result body reports, whatever the HTTP code (422 bodies carry FAILED). */
export function reportedStatus(exchange: Exchange | undefined): string | undefined {
  const status = jsonObject(exchange)?.['status'];
  return typeof status === 'string' ? status : undefined;
}

/** The last status the job's polls reported. */
export function finalStatus(job: Pick<JobTrace, 'polls'>): string | undefined {
  for (let i = job.polls.length - 1; i >= 0; i--) {
    const status = reportedStatus(job.polls[i]);
    if (status) return status;
  }
  return undefined;
}

/** Equal within a relative tolerance (credits are decimals the vendor rounds; 1e-6 of the larger value). */
export function closeTo(a: number, b: number, tolerance = 1e-6): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
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
