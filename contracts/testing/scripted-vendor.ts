// The scripted vendor (vendor-script.ts) on a real port of 127.0.0.1, for tests that run `infercheck contracts` in a
// child process (nock in the test process would not see its requests). Besides breaking documented rules it can die
// halfway (close its port and drop every connection: the client then gets ECONNREFUSED), freeze (accept requests and
// never answer), or answer slowly; it logs every request and keeps its own count of the billable requests it took on
// — the ground truth a money test compares the suite's report against.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DROP, VENDOR_KEY, createVendorScript, type VendorLedger, type VendorScript, type VendorScriptOptions } from './vendor-script.ts';

export interface ScriptedVendorOptions extends Omit<VendorScriptOptions, 'baseUrl'> {
  /** Answers this many requests, then dies: its port closes and every open connection is dropped. */
  readonly dieAfter?: number;
  /** Answers this many requests, then stops answering (connections stay open, nothing comes back). */
  readonly freezeAfter?: number;
  /** Waits this long before each answer. */
  readonly delayMs?: number;
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
  /** Resolves once `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  readonly dead: boolean;
  close(): Promise<void>;
}

export async function startScriptedVendor(options: ScriptedVendorOptions = {}): Promise<ScriptedVendor> {
  const log: LoggedRequest[] = [];
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
      if (dead) return void req.socket.destroy();
      if (options.freezeAfter !== undefined && answered >= options.freezeAfter) return; // held open, never answered
      const answer = (): void => {
        if (dead) return void req.socket.destroy();
        const reply = script!.handle(entry.method, entry.path, req.headers, req.method === 'GET' || req.method === 'DELETE' ? undefined : body);
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

  return {
    url,
    key: VENDOR_KEY,
    ledger: () => script!.ledger(),
    balance: () => script!.balance(),
    log,
    arrived: (count) => (log.length >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
    get dead() {
      return dead;
    },
    close: async () => {
      die();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
