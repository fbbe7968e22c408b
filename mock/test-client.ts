// A tiny node:http client for the mock's tests: full control over Host, raw and slow bodies, which fetch forbids.
import { request } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  text(): string;
  json(): any;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A JSON-able value (sent as JSON), a raw string/Buffer, or undefined. */
  body?: unknown;
  /** Send the body in pieces this many ms apart (a slow body). */
  trickleMs?: number;
  /** Bytes per piece when trickling (default 1). */
  pieceBytes?: number;
  /** Instead of `body`: this many filler bytes, declared in content-length and written as fast as the server takes them. */
  bodyBytes?: number;
}

export function send(baseUrl: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const url = new URL(path, baseUrl);
  const raw =
    options.body === undefined ? undefined : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (raw !== undefined && options.trickleMs === undefined) headers['content-length'] ??= String(Buffer.byteLength(raw));
  if (options.bodyBytes !== undefined) headers['content-length'] ??= String(options.bodyBytes);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? (raw === undefined && options.bodyBytes === undefined ? 'GET' : 'POST'), headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: () => body.toString('utf8'), json: () => JSON.parse(body.toString('utf8')) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.bodyBytes !== undefined) return void pumpFiller(req, options.bodyBytes);
    if (raw === undefined) return void req.end();
    if (options.trickleMs === undefined) return void req.end(raw);
    const bytes = Buffer.from(raw);
    let i = 0;
    const tick = (): void => {
      if (req.destroyed) return;
      if (i >= bytes.length) return void req.end();
      const piece = options.pieceBytes ?? 1;
      req.write(bytes.subarray(i, i + piece));
      i += piece;
      setTimeout(tick, options.trickleMs).unref();
    };
    tick();
  });
}

/** Writes `total` filler bytes with backpressure, stopping quietly when the request is destroyed. */
function pumpFiller(req: ReturnType<typeof request>, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let queued = 0;
  const go = (): void => {
    while (queued < total) {
      if (req.destroyed || req.writableEnded) return;
      const piece = queued + chunk.length <= total ? chunk : chunk.subarray(0, total - queued);
      queued += piece.length;
      if (!req.write(piece)) return void req.once('drain', go);
    }
    req.end();
  };
  go();
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One HTTP/1.1 response read off a raw socket (the mock always frames its answers with content-length). */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Splits a byte stream into the complete HTTP/1.1 responses it holds, in order; an incomplete tail is left out.
 * Only content-length framing is understood, which is all the mock sends.
 */
export function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd === -1) return out;
    const lines = bytes.subarray(at, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (headEnd + 4 + length > bytes.length) return out;
    out.push({ status, headers, body: bytes.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8') });
    at = headEnd + 4 + length;
  }
}

/** How a raw connection ended, seen from the client. */
export interface RawEnd {
  /** 'end': the server closed cleanly (FIN); 'reset': ECONNRESET / EPIPE; 'timeout': still open at the deadline. */
  readonly how: 'end' | 'reset' | 'timeout';
  readonly afterMs: number;
  /** Everything received before the end. */
  readonly received: Buffer;
  /** Responses complete before any reset or error was seen (what a careful client could have read). */
  readonly beforeError: readonly RawResponse[];
  readonly responses: readonly RawResponse[];
  /** Body bytes the kernel accepted from `pump` (0 without one). */
  readonly bodyBytesAccepted: number;
}

/** A raw TCP client for what node:http and fetch will not send: pipelines, garbage, half-closes, endless bodies. */
export interface RawClient {
  readonly socket: Socket;
  /** Writes `total` bytes of body as fast as the server takes them (backpressure respected) until done or closed. */
  pump(total: number, chunkBytes?: number): void;
  /** Resolves once `n` complete responses arrived (or rejects at the deadline). */
  responses(n: number, timeoutMs: number): Promise<RawResponse[]>;
  /** Resolves when the connection ends, or with how: 'timeout' at the deadline (the socket is then destroyed). */
  ended(timeoutMs: number): Promise<RawEnd>;
}

export function rawConnect(baseUrl: string): Promise<RawClient> {
  const url = new URL(baseUrl);
  const socket = connectTcp(Number(url.port), url.hostname);
  const started = performance.now();
  const chunks: Buffer[] = [];
  let received = Buffer.alloc(0);
  let beforeError: RawResponse[] | null = null;
  let accepted = 0;
  let settled: RawEnd | null = null;
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const w of [...waiters]) w();
  };
  const finish = (how: RawEnd['how']): void => {
    if (settled) return;
    received = Buffer.concat(chunks);
    const responses = parseResponses(received);
    settled = { how, afterMs: performance.now() - started, received, beforeError: beforeError ?? responses, responses, bodyBytesAccepted: accepted };
    wake();
  };
  socket.on('data', (c: Buffer) => {
    chunks.push(c);
    wake();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    beforeError ??= parseResponses(Buffer.concat(chunks));
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') finish('reset');
  });
  socket.on('close', () => finish(beforeError ? 'reset' : 'end'));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({
        socket,
        pump(total, chunkBytes = 64 * 1024) {
          const chunk = Buffer.alloc(chunkBytes, 0x61);
          let queued = 0;
          const go = (): void => {
            while (queued < total && !socket.destroyed && socket.writable) {
              const piece = queued + chunk.length <= total ? chunk : chunk.subarray(0, total - queued);
              queued += piece.length;
              const ok = socket.write(piece, (err) => {
                if (!err) accepted += piece.length;
              });
              if (!ok) return void socket.once('drain', go);
            }
          };
          go();
        },
        responses(n, timeoutMs) {
          return new Promise((done, fail) => {
            const check = (): void => {
              const found = parseResponses(Buffer.concat(chunks));
              if (found.length >= n) {
                cleanup();
                done(found);
              } else if (settled) {
                cleanup();
                fail(new Error(`connection ended (${settled.how}) after ${found.length} of ${n} responses: ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 400))}`));
              }
            };
            const timer = setTimeout(() => {
              cleanup();
              fail(new Error(`${parseResponses(Buffer.concat(chunks)).length} of ${n} responses within ${timeoutMs} ms: ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 400))}`));
            }, timeoutMs);
            const cleanup = (): void => {
              clearTimeout(timer);
              waiters.delete(check);
            };
            waiters.add(check);
            check();
          });
        },
        ended(timeoutMs) {
          return new Promise((done) => {
            const check = (): void => {
              if (!settled) return;
              clearTimeout(timer);
              waiters.delete(check);
              done(settled);
            };
            const timer = setTimeout(() => {
              finish('timeout');
              socket.destroy();
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
      });
    });
  });
}
