// Servers a benchmark runs in processes of their own (so the load generator's event loop and the server's never
// share a core's time slice unseen): spawn, wait for the URL it prints, stop the whole process group, read its RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Served {
  readonly url: string;
  readonly child: ChildProcess;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a server and resolves with its base URL once `pattern` appears in its output (bounded wait). */
export function serve(command: string, args: string[], pattern: RegExp, name: string): Promise<Served> {
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 60 s: ${out.slice(-500)}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited ${code}: ${out.slice(-500)}`));
    });
  });
}

/** SIGTERM to the server's process group (Prism forks), SIGKILL after 5 s; always resolves. */
export function stop(served: Served): Promise<void> {
  const { child } = served;
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const signal = (name: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, name);
      } catch {
        child.kill(name);
      }
    };
    const kill = setTimeout(() => {
      signal('SIGKILL');
      setTimeout(resolve, 1000);
    }, 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    signal('SIGTERM');
  });
}

export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** The embedded mock in its own process (bench/support/mock-server.ts), with a sub-millisecond clock. */
export async function startMockProcess(options: Record<string, unknown>): Promise<Served & { readonly apiKey: string }> {
  const served = await serve(process.execPath, ['--import', 'tsx', 'bench/support/mock-server.ts', JSON.stringify(options)], /(http:\/\/127\.0\.0\.1:\d+)/, 'mock');
  return { ...served, apiKey: 'SG_0123456789abcdef' };
}

export interface MockArrival {
  readonly request_id: string;
  readonly model: string;
  readonly submitted_at_ms: number;
  readonly started_at_ms: number | null;
  readonly finished_at_ms: number | null;
  readonly queue_ms: number | null;
}

/** The mock's ground truth of every request submitted at or after `sinceMs`, paged. */
export async function mockTimeline(url: string, sinceMs: number): Promise<MockArrival[]> {
  const out: MockArrival[] = [];
  let since = sinceMs;
  for (;;) {
    const res = await fetch(`${url}/__mock/requests?since_ms=${Math.floor(since)}`);
    const body = (await res.json()) as { requests: MockArrival[]; truncated: boolean };
    const seen = new Set(out.map((r) => r.request_id));
    out.push(...body.requests.filter((r) => !seen.has(r.request_id)));
    if (!body.truncated || body.requests.length === 0) return out;
    since = body.requests[body.requests.length - 1]!.submitted_at_ms;
  }
}
