// What `--target` names, and the one rule about money: a billable target (the vendor, or any URL that claims to speak
// its API) is never sent a billable request without an explicit budget (`--max-billable`).

import { connect } from 'node:net';

export const LIVE_BASE_URL = 'https://api.segmind.com';
export const DEFAULT_LIVE_KEY_ENV = 'SEGMIND_API_KEY';

export type TargetSpec =
  | { readonly kind: 'mock' }
  | { readonly kind: 'live'; readonly baseUrl: string; readonly apiKeyEnv: string }
  | { readonly kind: 'url'; readonly baseUrl: string; readonly apiKeyEnv: string };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The target could not be reached before anything was sent: one line, exit 3 (core/exit-codes.ts). */
export class TargetUnreachable extends Error {
  override readonly name = 'TargetUnreachable';
}

/** `cannot connect to http://127.0.0.1:1 (ECONNREFUSED)`: the one wording of an unreachable target. */
export function unreachableMessage(baseUrl: string, problem: string): string {
  return `cannot connect to ${new URL(baseUrl).origin} (${problem})`;
}

/** Parses `--target <mock|live|URL>`; a URL must be http(s) with no credentials in it. */
export function parseTarget(arg: string, apiKeyEnv: string = DEFAULT_LIVE_KEY_ENV): TargetSpec {
  if (arg === 'mock') return { kind: 'mock' };
  if (arg === 'live') return { kind: 'live', baseUrl: LIVE_BASE_URL, apiKeyEnv };
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw new UsageError(`--target must be mock, live or an http(s) URL, got "${arg}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--target URL must be http or https, got "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new UsageError('--target URL must not carry credentials; put the key in the variable named by --api-key-env');
  }
  // The SDK's base URL ends in /v1 (reference §4.2); the API's paths start at the host, so strip it.
  const baseUrl = url.origin + url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return { kind: 'url', baseUrl, apiKeyEnv };
}

/** Reads the key for a live or URL target; never echoes it. */
/**
 * The key from the environment, without the whitespace around it: a key put in a variable from a file (a Kubernetes
 * Secret, `$(cat key.txt)` keeps none, `--from-file` does) often ends in a newline, which no header may carry.
 */
export function readApiKey(target: { readonly kind: string; readonly apiKeyEnv: string }, env: NodeJS.ProcessEnv = process.env): string {
  const key = env[target.apiKeyEnv]?.trim();
  if (!key) throw new UsageError(`--target ${target.kind} needs an API key in $${target.apiKeyEnv}, which is empty`);
  return key;
}

export function isBillable(target: TargetSpec): boolean {
  return target.kind !== 'mock';
}

/**
 * The budget a run may spend, in billable requests. Against the mock there is no money and no limit unless one is
 * given; against anything else the caller must say how much, and 0 means "free (4xx) checks only".
 */
export function billableBudget(target: TargetSpec, maxBillable: number | undefined): number {
  if (maxBillable !== undefined && (!Number.isInteger(maxBillable) || maxBillable < 0)) {
    throw new UsageError(`--max-billable must be a whole number ≥ 0, got ${maxBillable}`);
  }
  if (!isBillable(target)) return maxBillable ?? Number.POSITIVE_INFINITY;
  if (maxBillable === undefined) {
    throw new UsageError(`--target ${target.kind} spends credits: pass --max-billable N (0 runs only free checks)`);
  }
  return maxBillable;
}

/**
 * One TCP connection to the target before anything is sent: a target that cannot be reached is one line — `cannot
 * connect to http://127.0.0.1:1 (ECONNREFUSED)` — not hundreds of failed requests (and Node's fetch would not even
 * try some ports: it refuses the Fetch standard's "bad ports", 1 among them, without a word about why).
 */
export function connectProblem(baseUrl: string, timeoutMs = 10_000): Promise<string | undefined> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}
