// `infercheck contracts` run in a child process against a scripted vendor on a real port (scripted-vendor.ts), as a
// user runs it: for the tests that judge the command's whole behaviour — its exit code, its files, what it printed,
// and that no process of it is left behind (each run's processes carry a mark in their environment).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractFailure, ContractOutcomes } from '../../core/result-files.ts';
import type { ScriptedVendor } from '../../core/testing/scripted-vendor.ts';

const BIN = fileURLToPath(new URL('../../bin/infercheck.mjs', import.meta.url));
/** The variable the key is handed down in (never on the command line). */
export const CLI_KEY_ENV = 'SCRIPTED_VENDOR_KEY';
const MARK = 'INFERCHECK_CONTRACTS_TEST_RUN';

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Epoch ms the child was started. */
  readonly startedAt: number;
  readonly out: string;
  readonly mark: string;
}

/** The mark of a run started by `runContractsCli` (each run's processes carry it in their environment). */
const marks = new WeakMap<ChildProcess, string>();

export function markOf(child: ChildProcess): string {
  return marks.get(child)!;
}

/** Runs `infercheck contracts` against the vendor into a new out folder; `during` may act on the child (a signal). */
export function runContractsCli(vendor: ScriptedVendor, args: readonly string[], during?: (child: ChildProcess) => void, env: Record<string, string> = {}): Promise<CliRun> {
  const out = mkdtempSync(join(tmpdir(), 'infercheck-contracts-'));
  const mark = randomUUID();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const startedAt = Date.now();
    const child = spawn(process.execPath, [BIN, 'contracts', '--target', vendor.url, '--api-key-env', CLI_KEY_ENV, '--out', out, ...args], {
      env: { ...process.env, [CLI_KEY_ENV]: vendor.key, [MARK]: mark, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started, startedAt, out, mark }));
    marks.set(child, mark);
    during?.(child);
  });
}

export function outcomesOf(run: CliRun): ContractOutcomes {
  return JSON.parse(readFileSync(join(run.out, 'outcomes.json'), 'utf8')) as ContractOutcomes;
}

export function failuresOf(run: CliRun): ContractFailure[] {
  return JSON.parse(readFileSync(join(run.out, 'failures.json'), 'utf8')) as ContractFailure[];
}

/** Processes (of this user) still carrying the run's mark in their environment: a runner or worker left behind. */
export function leftBehind(mark: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`${MARK}=${mark}`)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or another user's
    }
  }
  return pids;
}
