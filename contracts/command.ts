// `infercheck contracts`: validates the flags, the key and --out (a bad one is a UsageError: one line, exit 2) before
// touching any file, runs the catalogue once, in this process (invocation.ts: the run folder, the target, the money
// ledger, the engine, the result files), prints what it judged and spent, then lets Playwright turn the outcomes into
// its JSON, JUnit and HTML reports (contracts/playwright.config.ts: its global setup sees the outcomes are ready and
// runs nothing). A CI gate that runs `npx playwright test -c contracts/playwright.config.ts` gets the same catalogue,
// run once by that setup.
//
// Exit codes (the convention of every infercheck command): 0 every check passed; 1 a check failed; 2 bad input;
// 3 the target could not be reached, stopped answering, or the catalogue did not finish within --deadline;
// 130 / 143 stopped by SIGINT / SIGTERM. Whenever the run stops early, outcomes.json says how far it got.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { optionalDurationS } from '../core/duration.ts';
import { STAGE_EXIT_CODES, TARGET_ENVIRONMENT, helpSections, type CommandHelp } from '../core/cli-help.ts';
import { childStdio, emitResult, type CliResult } from '../core/cli-output.ts';
import { EXIT } from '../core/exit-codes.ts';
import { ownModule } from '../core/own-module.ts';
import { progressFields, startProgress } from '../core/progress.ts';
import type { ContractOutcomes, ContractRunStop } from '../core/result-files.ts';
import { checkCounts } from '../reports/analysis.ts';
import { DEFAULT_LIVE_KEY_ENV, UsageError, billableBudget, isBillable, parseTarget, readApiKey, type TargetSpec } from '../core/target.ts';
import { MODELS, isModelId, type ModelId } from '../core/spec.ts';
import { MANIFEST_FILE } from './cassette.ts';
import { checkContractsFolder, runInvocation } from './invocation.ts';
import { buildPlan } from './plan.ts';
import { DEFAULT_DEADLINE_S, DEFAULT_OUT_DIR, ENV, MOCK_FAIL_WORD, toEnv, type RunConfig, type TargetOption } from './run-config.ts';
import { formatSummary } from './summary.ts';

export { EXIT } from '../core/exit-codes.ts';

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
  deadline?: string;
  strict?: boolean;
  list?: boolean;
  junit?: boolean;
  json?: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = ownModule('./playwright.config.ts', import.meta.url);

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
  const deadlineS = optionalDurationS(flags.deadline, '--deadline');
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
      ...(deadlineS !== undefined ? { deadlineS } : {}),
      ...(flags.strict ? { strict: true } : {}),
      ...(flags.junit === false ? { junit: false } : {}),
    },
    spec,
  };
}

/**
 * The ids of the cases the run would send, in order: what `--list` prints and what `--grep` selects from. A pattern
 * that selects none is a usage error (exit 2, nothing touched), not a run of nothing.
 */
export function plannedCaseIds(config: RunConfig): string[] {
  const failPrompt = config.failPrompt ?? (config.target.kind === 'mock' ? `a lighthouse, ${MOCK_FAIL_WORD}` : undefined);
  const plan = buildPlan({ models: config.models, ...(failPrompt ? { failPrompt } : {}), ...(config.rpm ? { rpm: config.rpm } : {}), ...(config.grep ? { grep: new RegExp(config.grep) } : {}) });
  const ids = plan.cases.map((c) => c.id);
  if (ids.length === 0 && config.grep !== undefined) throw new UsageError(`--grep "${config.grep}" matches none of the cases (infercheck contracts --list prints their ids)`);
  return ids;
}

function playwrightCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
}

/**
 * Playwright's JSON, JUnit and HTML reports of the outcomes just written; resolves with its exit code once its runner
 * and every worker are gone. It runs in a process group of its own, so a signal reaches the runner and its workers
 * together, and whatever outlives the runner is ended with it: no worker is ever left behind.
 */
function playwrightReports(config: RunConfig, started: (stop: (signal: NodeJS.Signals) => void) => void): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [playwrightCli(), 'test', '-c', CONFIG, '--project', config.target.kind], {
      cwd: REPO_ROOT,
      stdio: childStdio(),
      detached: true,
      env: { ...process.env, ...toEnv(config), [ENV.outcomesReady]: '1' },
    });
    const group = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is gone already
      }
    };
    started(group);
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => {
      group('SIGKILL');
      resolve(exitCode ?? (signal ? 1 : 0));
    });
  });
}

function exitCodeOf(stop: ContractRunStop): number {
  return stop.reason === 'signal' ? EXIT[stop.signal] : EXIT.unreachable;
}

/** The one machine-readable result `--json` prints. */
function contractsResult(exitCode: number, config: RunConfig, outcomes: ContractOutcomes, files: readonly string[]): CliResult {
  const counts = checkCounts(outcomes.checks);
  return {
    command: 'contracts',
    exitCode,
    verdict: exitCode === EXIT.pass ? 'PASS' : exitCode === EXIT.failed ? 'FAIL' : 'INCOMPLETE',
    out: resolve(config.outDir),
    files: files.map((f) => join(resolve(config.outDir), f)),
    target: outcomes.target,
    checks: { total: counts.checks, passed: counts.passed, failed: counts.failedChecks, skipped: counts.skipped, findings: counts.findings },
    failedChecks: outcomes.checks.filter((c) => c.failed > 0).map((c) => c.id),
    cases: { planned: outcomes.run?.casesPlanned ?? outcomes.cases, done: outcomes.run?.casesDone ?? outcomes.cases },
    ...(outcomes.run?.stopped ? { stopped: outcomes.run.stopped.message } : {}),
    ...(outcomes.spend ? { spend: outcomes.spend.requests } : {}),
  };
}

export async function runContractsCommand(flags: ContractsFlags): Promise<number> {
  const { config, spec } = runConfigFromFlags(flags);
  const caseIds = plannedCaseIds(config);
  if (flags.list) {
    for (const id of caseIds) console.log(id);
    emitResult({ command: 'contracts', exitCode: EXIT.pass, cases: caseIds });
    return EXIT.pass;
  }
  const folder = checkContractsFolder(config); // --out last among the checks: nothing is touched before it passes
  if (spec && isBillable(spec)) {
    console.log(
      config.maxBillable === undefined || config.maxBillable === 0
        ? `contracts: --target ${spec.kind} spends credits and ${config.maxBillable === undefined ? 'no --max-billable was given' : '--max-billable is 0'}: nothing that could be billed is sent — only requests without the key or with a wrong one, and GETs; checks that need more are reported as skipped ("needs --max-billable")`
        : `contracts: --target ${spec.kind} spends credits: at most ${config.maxBillable} billable requests (--max-billable), each reserved before it leaves`,
    );
  }
  if (!config.failPrompt && config.target.kind !== 'mock' && config.target.kind !== 'replay') {
    console.log('contracts: no --fail-prompt: checks that need a FAILED job are reported as skipped');
  }

  // SIGINT/SIGTERM: stop sending, judge what was seen, write it, stop the reports' child if it runs; a second one quits.
  const controller = new AbortController();
  let reports: ((signal: NodeJS.Signals) => void) | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => (): void => {
    if (controller.signal.aborted) process.exit(EXIT[signal]);
    controller.abort({ reason: 'signal', signal, message: `stopped by ${signal}` } satisfies ContractRunStop);
    reports?.(signal);
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') } as const;
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  try {
    const started = Date.now();
    let progress = { done: 0, total: caseIds.length };
    const display = startProgress(() => `contracts  ${progressFields(progress.done, progress.total, 'cases', (Date.now() - started) / 1000)}`);
    let invocation: Awaited<ReturnType<typeof runInvocation>>;
    try {
      invocation = await runInvocation(config, { signal: controller.signal, log: (line) => console.log(line), folder, onProgress: (done, total) => (progress = { done, total }) });
    } finally {
      display.stop();
    }
    const { outcomes, files } = invocation;
    const finish = (code: number, more: readonly string[] = []): number => {
      emitResult(contractsResult(code, config, outcomes, [...files, ...more]));
      return code;
    };
    const stopped = outcomes.run?.stopped;
    const wrote = `contracts: wrote ${files.join(', ')}`;
    if (stopped && outcomes.run?.requests === 0) {
      // Nothing reached the target: one line says why, and the outcomes file says nothing was judged.
      console.error(`infercheck: ${stopped.message}`);
      return finish(exitCodeOf(stopped));
    }
    console.log(formatSummary(outcomes, Date.now() - started));
    if (stopped) {
      console.log(`${wrote} to ${config.outDir}`);
      console.error(`infercheck: contracts stopped after ${outcomes.run!.casesDone} of ${outcomes.run!.casesPlanned} cases: ${stopped.message}`);
      return finish(exitCodeOf(stopped));
    }
    const code = await playwrightReports(config, (stop) => (reports = stop));
    reports = undefined;
    if (controller.signal.aborted) return finish(exitCodeOf(controller.signal.reason as ContractRunStop));
    console.log(`${wrote}, playwright.json and html/ to ${config.outDir}`);
    const failed = outcomes.checks.filter((c) => c.failed > 0);
    const noted = outcomes.checks.reduce((n, c) => n + (c.findings?.length ?? 0), 0);
    if (noted > 0) console.log(`contracts: ${noted} finding${noted === 1 ? '' : 's'} on assumed rules, not failing (--strict fails them); listed in ${join(config.outDir, 'outcomes.json')}`);
    if (failed.length > 0) console.log(`contracts: FAILED — ${failed.map((c) => `${c.id} (${c.failed})`).join(', ')}; details and reproducers in ${join(config.outDir, 'failures.json')}`);
    else if (code !== 0) console.log(`contracts: no check failed, but Playwright exited ${code}; see the output above`);
    return finish(failed.length > 0 || code !== 0 ? EXIT.failed : EXIT.pass, ['playwright.json', 'html']);
  } finally {
    for (const [signal, handler] of Object.entries(handlers)) process.removeListener(signal, handler);
  }
}

export const CONTRACTS_HELP: CommandHelp = {
  examples: [
    'npx infercheck contracts                                   # every check against the embedded mock',
    "npx infercheck contracts --list --grep '^auth/'           # the ids of the cases a run would send; nothing is sent",
    'npx infercheck contracts --target live                     # the vendor, nothing billable: no key, a wrong key, GETs',
    'npx infercheck contracts --target live --max-billable 20 --record recordings/segmind  # at most 20 billable requests',
    'npx infercheck contracts --replay recordings/segmind       # that recording again, offline and free; drift.json',
  ],
  environment: TARGET_ENVIRONMENT,
  exitCodes: [
    [EXIT.pass, 'every check passed (findings on assumed rules fail nothing unless --strict)'],
    [EXIT.failed, 'a check failed: failures.json has each with its curl reproducer'],
    ...STAGE_EXIT_CODES,
  ],
};

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
    .option('--max-billable <n>', 'most billable requests a live or URL target may receive, counted before each leaves (default 0: nothing billable)')
    .option('--out <dir>', 'where the reports go', DEFAULT_OUT_DIR)
    .option('--grep <pattern>', 'run only the cases whose id matches (e.g. "^auth/", "boundary/v2/.*/seed")')
    .option('--deadline <duration>', `stop the catalogue after this long and report what was judged (default ${DEFAULT_DEADLINE_S / 60}m)`)
    .option('--strict', "fail on the spec's assumptions too (default: a difference from an assumption is a finding, never a failure)")
    .option('--list', 'print the ids of the cases the run would send (after --models, --grep, --fail-prompt, --rpm) and exit; nothing is sent')
    .option('--no-junit', "write no junit.xml (infercheck run writes the run folder's one JUnit file)")
    .option('--json', 'print one JSON result on stdout (human text goes to stderr)')
    .addHelpText('after', `\n${helpSections(CONTRACTS_HELP)}\n`)
    .action(async (flags: ContractsFlags) => {
      process.exitCode = await runContractsCommand(flags);
    });
}
