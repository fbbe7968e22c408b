// The scripted vendor (vendor-script.ts) on a real port of 127.0.0.1, shared by the contract suite's tests (which run
// `infercheck contracts` in a child process, where nock in the test process would not see its requests) and the load
// engine's fail-safe tests. By default it keeps every documented rule; quirks break chosen ones. Besides that it can
// die halfway (close its port and drop every connection: the client then gets ECONNREFUSED), freeze (accept requests
// and never answer), answer slowly, or — request by request, through `intercept` — freeze, drop or answer one route's
// n-th request as a test needs (a frozen status route, a 502 on exactly the result read, a submit whose connection
// drops). It logs every request, counts them per route, and keeps its own count of the billable requests it took on
// — the ground truth a money test compares the suite's report against.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DROP, VENDOR_KEY, createVendorScript, type VendorLedger, type VendorScript, type VendorScriptOptions } from './vendor-script.ts';

/** The API's routes as a load test scripts them. */
export type Route = 'submit' | 'status' | 'result' | 'v1' | 'other';

/** What to do with one request instead of the vendor script's answer: let it answer, or freeze, drop, or answer so. */
export type Action = 'normal' | 'freeze' | 'drop' | { readonly status: number; readonly body?: unknown };

export interface ScriptedVendorOptions extends Omit<VendorScriptOptions, 'baseUrl'> {
  /** Answers this many requests, then dies: its port closes and every open connection is dropped. */
  readonly dieAfter?: number;
  /** Answers this many requests, then stops answering (connections stay open, nothing comes back). */
  readonly freezeAfter?: number;
  /** Waits this long before each answer. */
  readonly delayMs?: number;
  /** Decides each request by its route and its index among that route's requests (from 0). */
  readonly intercept?: (route: Route, nth: number) => Action;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  /** The status answered; undefined when it was dropped or never answered. */
  readonly status?: number;
}

export interface ScriptedVendor {
  readonly url: string;
  readonly key: string;
  /** Its own count of what it received, took on and charged. */
  ledger(): VendorLedger;
  balance(): number;
  readonly log: readonly LoggedRequest[];
  /** Requests received per route. */
  readonly received: Readonly<Record<Route, number>>;
  /** Resolves once `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  readonly dead: boolean;
  /** Dies now: the port closes and every connection is dropped; resolves once the server is closed. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export function routeOf(method: string, url: string): Route {
  const path = url.split('?')[0]!;
  if (method === 'POST' && /^\/v2\/[^/]+$/.test(path) && path !== '/v2/requests') return 'submit';
  if (method === 'POST' && /^\/v1\/[^/]+$/.test(path)) return 'v1';
  if (method === 'GET' && /^\/v2\/requests\/[^/]+\/status$/.test(path)) return 'status';
  if (method === 'GET' && /^\/v2\/requests\/[^/]+$/.test(path)) return 'result';
  return 'other';
}

export async function startScriptedVendor(options: ScriptedVendorOptions = {}): Promise<ScriptedVendor> {
  const log: LoggedRequest[] = [];
  const received: Record<Route, number> = { submit: 0, status: 0, result: 0, v1: 0, other: 0 };
  const sockets = new Set<Socket>();
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  let script: VendorScript | undefined;
  let answered = 0;
  let dead = false;

  const die = (): void => {
    if (dead) return;
    dead = true;
    server.close();
    for (const socket of sockets) socket.destroy();
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: { method: string; path: string; body: string; status?: number } = { method: req.method ?? 'GET', path: req.url ?? '/', body };
      log.push(entry);
      for (const w of waiting.filter((w) => log.length >= w.count)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
      const route = routeOf(entry.method, entry.path);
      const action = options.intercept?.(route, received[route]++) ?? 'normal';
      if (dead) return void req.socket.destroy();
      if (options.freezeAfter !== undefined && answered >= options.freezeAfter) return; // held open, never answered
      if (action === 'freeze') return; // never answered; the socket stays open
      if (action === 'drop') return void req.socket.destroy();
      const answer = (): void => {
        if (dead) return void req.socket.destroy();
        const reply =
          action === 'normal'
            ? script!.handle(entry.method, entry.path, req.headers, req.method === 'GET' || req.method === 'DELETE' ? undefined : body)
            : ([action.status, action.body ?? { error: `scripted ${action.status}` }, { 'content-type': 'application/json' }] as const);
        answered++;
        if (reply === DROP) {
          req.socket.destroy();
        } else {
          const [status, payload, headers] = reply;
          entry.status = status;
          const bytes = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
          res.writeHead(status, headers);
          res.end(bytes);
        }
        if (options.dieAfter !== undefined && answered >= options.dieAfter) die();
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  script = createVendorScript({ ...options, baseUrl: url });
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));

  return {
    url,
    key: VENDOR_KEY,
    ledger: () => script!.ledger(),
    balance: () => script!.balance(),
    log,
    received,
    arrived: (count) => (log.length >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
    get dead() {
      return dead;
    },
    kill: async () => {
      die();
      await closed;
    },
    close: async () => {
      die();
      await closed;
    },
  };
}
