// `infercheck contracts`: validates the flags (a bad one is a UsageError: one line, exit 2), states the budget, then
// runs the Playwright suite (contracts/playwright.config.ts, project = the target kind) with the run's options in
// environment variables — never the API key, only the name of the variable holding it — and reads back the
// outcomes.json its reporter wrote. Exit 0 only when no check failed.
//
// Why spawn Playwright rather than call the engine directly: the JSON, JUnit and HTML reports are Playwright's own,
// and a CI gate that runs `npx playwright test -c contracts/playwright.config.ts` gets exactly what this command gets.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DEFAULT_LIVE_KEY_ENV, UsageError, billableBudget, isBillable, parseTarget, readApiKey, type TargetSpec } from '../core/target.ts';
import { MODELS, isModelId, type ModelId } from '../core/spec.ts';
import type { ContractOutcomes } from '../core/result-files.ts';
import { MANIFEST_FILE } from './cassette.ts';
import { DEFAULT_OUT_DIR, toEnv, type RunConfig, type TargetOption } from './run-config.ts';

interface ContractsFlags {
  target?: string;
  apiKeyEnv: string;
  models?: string;
  failPrompt?: string;
  rpm?: string;
  record?: string;
  replay?: string;
  maxBillable?: string;
  out: string;
  grep?: string;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = join(REPO_ROOT, 'contracts', 'playwright.config.ts');

function wholeNumber(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${text}"`);
  return value;
}

/** Turns the flags into a run, or throws UsageError naming the first bad flag. Pure except for reading env and the replay dir. */
export function runConfigFromFlags(flags: ContractsFlags, env: NodeJS.ProcessEnv = process.env): { config: RunConfig; spec: TargetSpec | undefined } {
  if (flags.record !== undefined && flags.replay !== undefined) throw new UsageError('--record and --replay cannot be combined: a replay sends nothing to record');
  if (flags.replay !== undefined && flags.target !== undefined) throw new UsageError('--replay runs offline from the recording; leave out --target');
  let models: ModelId[] = [...MODELS];
  if (flags.models !== undefined) {
    const names = flags.models.split(',').map((m) => m.trim()).filter(Boolean);
    const unknown = names.filter((m) => !isModelId(m));
    if (names.length === 0 || unknown.length > 0) throw new UsageError(`--models must be a comma-separated list of ${MODELS.join(', ')}; unknown: ${unknown.join(', ') || '(empty)'}`);
    models = names as ModelId[];
  }
  if (flags.failPrompt !== undefined && flags.failPrompt.trim() === '') throw new UsageError('--fail-prompt must not be empty');
  const rpm = wholeNumber('--rpm', flags.rpm, 1);
  const maxBillable = wholeNumber('--max-billable', flags.maxBillable, 0);
  if (flags.grep !== undefined) {
    try {
      new RegExp(flags.grep);
    } catch (err) {
      throw new UsageError(`--grep is not a valid regular expression: ${(err as Error).message}`);
    }
  }
  let target: TargetOption;
  let spec: TargetSpec | undefined;
  if (flags.replay !== undefined) {
    if (!existsSync(join(flags.replay, MANIFEST_FILE))) throw new UsageError(`--replay ${flags.replay}: no ${MANIFEST_FILE} there (record one with --record DIR)`);
    target = { kind: 'replay', dir: flags.replay };
  } else {
    spec = parseTarget(flags.target ?? 'mock', flags.apiKeyEnv);
    if (spec.kind === 'mock') target = { kind: 'mock' };
    else {
      readApiKey(spec, env); // fails early, in one line, when the variable is empty; the value stays in env
      target = { kind: spec.kind, baseUrl: spec.baseUrl, apiKeyEnv: spec.apiKeyEnv };
    }
    if (maxBillable !== undefined) billableBudget(spec, maxBillable);
  }
  return {
    config: {
      target,
      models,
      ...(flags.failPrompt !== undefined ? { failPrompt: flags.failPrompt } : {}),
      ...(rpm !== undefined ? { rpm } : {}),
      ...(maxBillable !== undefined ? { maxBillable } : {}),
      ...(flags.record !== undefined ? { record: flags.record } : {}),
      outDir: flags.out,
      ...(flags.grep !== undefined ? { grep: flags.grep } : {}),
    },
    spec,
  };
}

function playwrightCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
}

export async function runContractsCommand(flags: ContractsFlags): Promise<number> {
  const { config, spec } = runConfigFromFlags(flags);
  if (spec && isBillable(spec)) {
    console.log(
      config.maxBillable === undefined
        ? `contracts: --target ${spec.kind} spends credits and no --max-billable was given: running the free (4xx) checks only; billable checks are reported as skipped ("needs --max-billable")`
        : `contracts: --target ${spec.kind} spends credits: at most ${config.maxBillable} billable requests (--max-billable), free (4xx) checks first`,
    );
  }
  if (!config.failPrompt && config.target.kind !== 'mock' && config.target.kind !== 'replay') {
    console.log('contracts: no --fail-prompt: checks that need a FAILED job are reported as skipped');
  }
  const outcomesFile = join(config.outDir, 'outcomes.json');
  for (const stale of ['outcomes.json', 'failures.json', 'drift.json']) rmSync(join(config.outDir, stale), { force: true });
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [playwrightCli(), 'test', '-c', CONFIG, '--project', config.target.kind], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...toEnv(config) },
    });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (!existsSync(outcomesFile)) throw new Error(`contracts: the suite wrote no ${outcomesFile} (Playwright exited ${code}); see the output above`);
  const outcomes = JSON.parse(readFileSync(outcomesFile, 'utf8')) as ContractOutcomes;
  const failed = outcomes.checks.filter((c) => c.failed > 0);
  if (failed.length > 0) console.log(`contracts: FAILED — ${failed.map((c) => `${c.id} (${c.failed})`).join(', ')}; details in ${join(config.outDir, 'failures.json')}`);
  else if (code !== 0) console.log(`contracts: no check failed, but Playwright exited ${code}; see the output above`);
  return failed.length > 0 || code !== 0 ? 1 : 0;
}

export function registerContractsCommand(program: Command): void {
  program
    .command('contracts')
    .description('run the contract catalogue against the mock, the live API, a URL or a recording')
    .option('--target <target>', 'mock | live | URL (default: mock)')
    .option('--api-key-env <var>', 'environment variable holding the API key for live or URL targets', DEFAULT_LIVE_KEY_ENV)
    .option('--models <list>', `comma-separated models (default: ${MODELS.join(',')})`)
    .option('--fail-prompt <text>', 'a prompt the target fails with a content-policy error (enables the FAILED-job checks)')
    .option('--rpm <n>', 'the rate limit to verify (429 + reset header); the suite paces itself below it')
    .option('--record <dir>', 'save the exchanges as nock cassettes (API key redacted)')
    .option('--replay <dir>', 'run offline from a recording; writes drift.json')
    .option('--max-billable <n>', 'most billable requests to send to a live or URL target (default 0: free checks only)')
    .option('--out <dir>', 'where the reports go', DEFAULT_OUT_DIR)
    .option('--grep <pattern>', 'run only the cases whose id matches (e.g. "^auth/", "boundary/v2/.*/seed")')
    .action(async (flags: ContractsFlags) => {
      process.exitCode = await runContractsCommand(flags);
    });
}
