// A tiny vendor on 127.0.0.1 whose behaviour a test scripts request by request: conforming answers by default (every
// job COMPLETED at its first poll), and a hook to freeze, drop, fail or die. For the fail-safe tests of the engine
// where the embedded mock's fault options are not precise enough (a frozen vendor, a dying one, a 502 on exactly the
// result read). Counts what it received, so a test can prove what was (not) sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';

export type Route = 'submit' | 'status' | 'result' | 'v1' | 'other';

/** What to do with one request: answer normally, or as scripted. */
export type Action = 'normal' | 'freeze' | 'drop' | { readonly status: number; readonly body?: unknown };

export interface ScriptedVendor {
  readonly url: string;
  readonly received: Record<Route, number>;
  /** destroys every connection and stops listening: the vendor died */
  kill(): Promise<void>;
  close(): Promise<void>;
}

function routeOf(req: IncomingMessage): Route {
  const path = (req.url ?? '').split('?')[0]!;
  if (req.method === 'POST' && /^\/v2\/[^/]+$/.test(path)) return 'submit';
  if (req.method === 'POST' && /^\/v1\/[^/]+$/.test(path)) return 'v1';
  if (req.method === 'GET' && /^\/v2\/requests\/[^/]+\/status$/.test(path)) return 'status';
  if (req.method === 'GET' && /^\/v2\/requests\/[^/]+$/.test(path)) return 'result';
  return 'other';
}

const METRICS = { inference_time: 0.02, queue_time: 0, total_time: 0.02, cost: 0.002, remaining_credits: 9.5 };

function normal(route: Route, req: IncomingMessage, base: string): { status: number; body: unknown } {
  const id = (req.url ?? '').split('/')[3] ?? randomUUID();
  switch (route) {
    case 'submit': {
      const rid = randomUUID();
      return { status: 200, body: { request_id: rid, status: 'QUEUED', poll_url: `${base}/v1/requests/${rid}`, status_url: `${base}/v2/requests/${rid}/status`, response_url: `${base}/v2/requests/${rid}` } };
    }
    case 'status':
      return { status: 200, body: { status: 'COMPLETED', request_id: id, metrics: METRICS } };
    case 'result':
      return { status: 200, body: { status: 'COMPLETED', request_id: id, error: null, output: `${base}/images/${id}/0.jpg`, metrics: METRICS } };
    default:
      return { status: 404, body: { error: 'not found' } };
  }
}

export async function startScriptedVendor(script: (route: Route, nth: number) => Action = () => 'normal'): Promise<ScriptedVendor> {
  const received: Record<Route, number> = { submit: 0, status: 0, result: 0, v1: 0, other: 0 };
  const sockets = new Set<Socket>();
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const route = routeOf(req);
      const nth = received[route]++;
      const action = script(route, nth);
      if (action === 'freeze') return; // never answers; the socket stays open
      if (action === 'drop') return void req.socket.destroy();
      const { status, body } = action === 'normal' ? normal(route, req, base) : { status: action.status, body: action.body ?? { error: `scripted ${action.status}` } };
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kill = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return { url: base, received, kill, close: () => (server.listening ? kill() : Promise.resolve()) };
}
