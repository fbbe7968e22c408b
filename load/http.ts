// The engine's HTTP: one undici Agent (a pool per origin, keep-alive, per-request header and body timeouts) under a
// function that sends one request and returns typed data — an HTTP answer with its parsed body and the instants it
// left and arrived, or a transport failure classified as refused / dropped / timeout / aborted. Nothing here judges,
// retries or counts: the job (job.ts) decides what an answer means.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { isJsonMediaType, mediaTypeOf } from '../core/conformance.ts';

/** Epoch milliseconds with sub-millisecond resolution, monotonic: performance.now() anchored to the epoch once. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface HttpAnswer {
  readonly kind: 'answer';
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly mediaType: string;
  readonly json?: unknown;
  readonly jsonError?: string;
  readonly bytes: number;
  readonly sentMs: number;
  readonly atMs: number;
}

/**
 * - refused: nothing reached the vendor (connection refused, DNS, connect timeout) — cannot have been billed
 * - dropped: the connection was closed or reset without an answer
 * - timeout: no answer within the request timeout
 * - aborted: the run abandoned the request
 */
export type FailureKind = 'refused' | 'dropped' | 'timeout' | 'aborted' | 'other';

export interface HttpFailure {
  readonly kind: 'failure';
  readonly failure: FailureKind;
  /** The error code (ECONNREFUSED, UND_ERR_SOCKET, UND_ERR_HEADERS_TIMEOUT, …) or the error's name. */
  readonly code: string;
  /** The error itself, for core/billable-budget.ts settlementForError. */
  readonly error: unknown;
  readonly sentMs: number;
  readonly atMs: number;
}

export type HttpResult = HttpAnswer | HttpFailure;

export const DEFAULT_CONNECTIONS = 256;

export interface HttpClientOptions {
  /** Per request: the longest wait for the answer's headers, and between body chunks. */
  readonly requestTimeoutMs: number;
  /**
   * Connections per origin (default DEFAULT_CONNECTIONS). Each costs a socket and a parser; a request that finds them
   * all busy waits for one, and its start is then measured when it really leaves (sentMs), so the wait shows up as a
   * late start, never as vendor latency.
   */
  readonly connections?: number;
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function codeOf(err: unknown): string {
  let cursor: unknown = err;
  for (let depth = 0; cursor && depth < 5; depth++) {
    const code = (cursor as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code;
    cursor = (cursor as { cause?: unknown }).cause;
  }
  const name = (err as { name?: unknown })?.name;
  return typeof name === 'string' ? name : 'Error';
}

export function classify(err: unknown): { failure: FailureKind; code: string } {
  const code = codeOf(err);
  if (REFUSED.has(code)) return { failure: 'refused', code };
  if (DROPPED.has(code)) return { failure: 'dropped', code };
  if (TIMEOUT.has(code)) return { failure: 'timeout', code };
  if (code === 'AbortError' || (err as { name?: string })?.name === 'AbortError' || (err as { code?: string })?.code === 'UND_ERR_ABORTED') return { failure: 'aborted', code: 'aborted' };
  return { failure: 'other', code };
}

export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * The client sends through undici's dispatch API with a small handler that gathers the body's chunks itself: no
 * stream object per response, which is most of what a request costs at thousands of polls per second
 * (bench/load-capacity.bench.ts). Every request in flight is abandoned when `abandon` fires.
 */
export class HttpClient {
  readonly #agent: Agent;
  readonly #active = new Set<Dispatcher.DispatchController>();
  #abandoned = false;

  constructor(options: HttpClientOptions & { readonly abandon?: AbortSignal }) {
    this.#agent = new Agent({
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      pipelining: 1,
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      connectTimeout: Math.min(10_000, options.requestTimeoutMs),
      keepAliveTimeout: 4_000,
    });
    options.abandon?.addEventListener(
      'abort',
      () => {
        this.#abandoned = true;
        const reason = Object.assign(new Error('abandoned by the run'), { name: 'AbortError' });
        for (const controller of this.#active) controller.abort(reason);
      },
      { once: true },
    );
  }

  /**
   * Sends one request; never throws. `sentMs` is the instant undici starts writing it on a socket (a request waiting
   * for a free connection has not left yet), or the dispatch instant when it never got one.
   */
  send(spec: RequestSpec): Promise<HttpResult> {
    const sentMs = nowMs();
    if (this.#abandoned) return Promise.resolve({ kind: 'failure', failure: 'aborted', code: 'aborted', error: new Error('abandoned by the run'), sentMs, atMs: sentMs });
    const url = this.#parse(spec.url);
    return new Promise<HttpResult>((resolve) => {
      const handler = new ResponseCollector(this.#active, resolve, sentMs);
      try {
        this.#agent.dispatch({ origin: url.origin, path: url.path, method: spec.method, headers: spec.headers, ...(spec.body !== undefined ? { body: spec.body } : {}) }, handler);
      } catch (err) {
        handler.onResponseError(undefined, err as Error);
      }
    });
  }

  /**
   * Pays the client's one-time costs before the first scheduled request: undici compiles its HTTP parser on the first
   * connection it makes, a pause of several ms that would make the first arrivals of a run late. One request to a
   * throwaway server on 127.0.0.1 does it; nothing reaches the target.
   */
  async warmUp(): Promise<void> {
    const server = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await this.send({ method: 'GET', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, headers: {} });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async close(): Promise<void> {
    await this.#agent.destroy();
  }

  // A job polls one status URL over and over: parse each URL once (a bounded cache, oldest out first).
  readonly #urls = new Map<string, { origin: string; path: string }>();
  #parse(text: string): { origin: string; path: string } {
    let parsed = this.#urls.get(text);
    if (!parsed) {
      const url = new URL(text);
      parsed = { origin: url.origin, path: url.pathname + url.search };
      if (this.#urls.size >= 20_000) this.#urls.delete(this.#urls.keys().next().value!);
      this.#urls.set(text, parsed);
    }
    return parsed;
  }
}

/**
 * One request's answer, gathered from undici's dispatch callbacks: a class, so a request costs one object and no
 * closures (at thousands of polls per second the garbage per request is what sets the process's memory).
 */
class ResponseCollector implements Dispatcher.DispatchHandler {
  #status = 0;
  #headers: Record<string, string> = {};
  #chunks: Buffer[] = [];
  #controller: Dispatcher.DispatchController | undefined;

  constructor(
    private readonly active: Set<Dispatcher.DispatchController>,
    private readonly resolve: (result: HttpResult) => void,
    /** taken at dispatch; moved to the instant the request is written on a socket */
    private sentMs: number,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.sentMs = nowMs();
    this.#controller = controller;
    this.active.add(controller);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.#status = statusCode;
    // undici hands the names lower-cased; a copy is made only when a header came more than once (an array) — most
    // answers are used as they are, one object fewer per request
    for (const name in headers) {
      if (typeof headers[name] === 'string' && name === name.toLowerCase()) continue;
      const out: Record<string, string> = {};
      for (const key in headers) {
        const value = headers[key];
        if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      this.#headers = out;
      return;
    }
    this.#headers = headers as Record<string, string>;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    const atMs = nowMs();
    const buffer = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    const mediaType = mediaTypeOf(this.#headers['content-type']);
    let json: unknown;
    let jsonError: string | undefined;
    if (isJsonMediaType(mediaType)) {
      try {
        json = JSON.parse(buffer.toString('utf8'));
      } catch (err) {
        jsonError = err instanceof Error ? err.message : String(err);
      }
    }
    const answer: { -readonly [K in keyof HttpAnswer]: HttpAnswer[K] } = { kind: 'answer', status: this.#status, headers: this.#headers, mediaType, bytes: buffer.length, sentMs: this.sentMs, atMs };
    if (json !== undefined) answer.json = json;
    if (jsonError !== undefined) answer.jsonError = jsonError;
    this.#done(answer);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, err: Error): void {
    this.#done({ kind: 'failure', ...classify(err), error: err, sentMs: this.sentMs, atMs: nowMs() });
  }

  #done(result: HttpResult): void {
    if (this.#controller) this.active.delete(this.#controller);
    this.resolve(result);
  }
}
