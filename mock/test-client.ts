// A tiny node:http client for the mock's tests: full control over Host, raw and slow bodies, which fetch forbids.
import { request } from 'node:http';

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
}

export function send(baseUrl: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const url = new URL(path, baseUrl);
  const raw =
    options.body === undefined ? undefined : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (raw !== undefined && options.trickleMs === undefined) headers['content-length'] ??= String(Buffer.byteLength(raw));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? (raw === undefined ? 'GET' : 'POST'), headers, agent: false },
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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
