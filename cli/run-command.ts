// `infercheck run` (npm start): the main job. Each stage is the real command in its own process — the contract suite
// against the embedded mock, a short load run (both models, v1 and v2) against another — so a user sees exactly what
// they would run by hand; then the report is written from the result files alone and summarised here.
//
// Order (issue 13): every flag and the objectives file are checked, then --out (core/run-folder.ts: a folder that is
// neither empty nor an infercheck run folder is refused, so `run --out .` in a checkout touches nothing); only then
// is the folder started — the previous run's files moved aside — and the stages run. The previous run is removed
// once this one's stages have written their files, and put back if none did.
//
// Exit codes, as for every command: 0 pass, 1 a verdict failed, 2 usage or bad input, 3 the target was unreachable
// or the run died; 130 / 143 when SIGINT / SIGTERM stopped it (the stage in progress got the signal and wrote its
// files, and the report is still written from what was done).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { BillableBudget, LEDGER_FILE } from '../core/billable-budget.ts';
import { COMMON_ENVIRONMENT, STAGE_EXIT_CODES, helpSections, type CommandHelp } from '../core/cli-help.ts';
import { childStdio, emitResult } from '../core/cli-output.ts';
import { parseDurationS } from '../core/duration.ts';
import { EXIT, signalExitCode } from '../core/exit-codes.ts';
import { loadObjectives } from '../core/objectives.ts';
import { FROM_SOURCES, ownModule } from '../core/own-module.ts';
import { checkRunFolder, startRunFolder } from '../core/run-folder.ts';
import { UsageError } from '../core/target.ts';
import { DEFAULT_SLA_FILE, writeReportWithAnalysis } from '../reports/report.ts';
import { formatRunSummary, type StageOutcome } from './run-summary.ts';

// Each stage runs this copy's own command: the tsx launcher in a checkout, the compiled one in the installed package.
const BIN = FROM_SOURCES ? fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url)) : ownModule('./bin.ts', import.meta.url);

interface RunOptions {
  readonly out: string;
  readonly duration: string;
  readonly rate: string;
  readonly sla?: string;
  readonly contracts: boolean;
  readonly load: boolean;
  /** The contract suite fails on the spec's assumptions too (contracts --strict); the report follows its outcomes. */
  readonly strict?: boolean;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} must be a positive number, got "${text}"`);
  return value;
}

/** A signal that stopped the main job: the stage in progress got it too, and no further stage starts. */
let interrupted: NodeJS.Signals | undefined;

/**
 * Runs one stage as the real command in its own process, joined to the invocation's money ledger through `env`.
 * SIGINT/SIGTERM sent to `run` are passed on to the stage (which stops gracefully and writes its files) and `run`
 * waits for it, so no stage outlives the command.
 */
async function stage(name: string, args: readonly string[], env: Record<string, string>): Promise<StageOutcome> {
  console.log(`\n▶ infercheck ${args.join(' ')}`);
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: childStdio(), env: { ...process.env, ...env } });
  const forward = (signal: NodeJS.Signals): void => {
    interrupted ??= signal;
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    const exitCode = await new Promise<number>((resolve) => {
      child.on('error', () => resolve(1));
      child.on('close', (code, signal) => resolve(code ?? signalExitCode(signal ?? undefined)));
    });
    return { name, exitCode, seconds: (Date.now() - started) / 1000 };
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}

/** The run's exit code from its stages' and its verdict: a stage's usage error or death outranks a failed verdict. */
export function runExitCode(stages: readonly StageOutcome[], overall: string | null): number {
  if (stages.some((s) => s.exitCode === EXIT.usage)) return EXIT.usage;
  if (stages.some((s) => s.exitCode === EXIT.unreachable || s.exitCode > 99 || s.exitCode < 0)) return EXIT.unreachable;
  return stages.some((s) => s.exitCode !== EXIT.pass) || overall === 'FAIL' ? EXIT.failed : EXIT.pass;
}

export async function runMainJob(options: RunOptions): Promise<number> {
  const duration = parseDurationS(options.duration, '--duration');
  const rate = positive('--rate', options.rate);
  if (!options.contracts && !options.load) throw new UsageError('--no-contracts and --no-load together leave nothing to run');
  loadObjectives(options.sla ?? DEFAULT_SLA_FILE); // a typo in the objectives is found now, not after the run
  const folder = startRunFolder(checkRunFolder(options.out, 'run'), 'infercheck run');
  const out = folder.path;

  // One money ledger for the invocation (core/billable-budget.ts): every stage joins it, so spend is counted once.
  const budget = BillableBudget.fromEnv() ?? BillableBudget.create(join(out, LEDGER_FILE), Number.POSITIVE_INFINITY); // the mock: no cap
  const stages: StageOutcome[] = [];
  if (options.contracts) {
    // --no-junit: the run folder's one JUnit file is the report's (a `**/junit.xml` glob must count each check once)
    stages.push(await stage('contracts', ['contracts', '--target', 'mock', '--no-junit', '--out', join(out, 'contracts'), ...(options.strict ? ['--strict'] : [])], budget.env()));
  }
  if (options.load && !interrupted) {
    const sla = options.sla ? ['--sla', options.sla] : []; // the stage's exit code judges the run's own objectives
    stages.push(await stage('load', ['load', '--target', 'mock', '--scenario', 'smoke', '--duration', `${duration}s`, '--rate', String(rate), ...sla, '--out', join(out, 'load')], budget.env()));
  }
  const produced = existsSync(join(out, 'contracts', 'outcomes.json')) || existsSync(join(out, 'load', 'run.json'));
  if (!produced) {
    folder.rollback();
    console.error('infercheck: no stage wrote its result files (see the output above); the previous run in --out is kept');
    if (interrupted) return signalExitCode(interrupted);
    return runExitCode(stages, null) === EXIT.usage ? EXIT.usage : EXIT.unreachable;
  }
  folder.commit();

  const { files, analysis } = await writeReportWithAnalysis(out, options.sla ? { sla: options.sla } : {});
  const shown = files.map((f) => relative(process.cwd(), f) || f);
  console.log('\n' + formatRunSummary(analysis, stages, shown));
  const exitCode = interrupted ? signalExitCode(interrupted) : runExitCode(stages, analysis.overall);
  emitResult({
    command: 'run',
    exitCode,
    verdict: analysis.overall,
    out,
    files,
    stages,
    ...(analysis.contracts ? { checks: analysis.contracts } : {}),
    objectives: analysis.verdicts.map((v) => ({ name: v.name, verdict: v.detail.verdict, n: v.detail.n })),
  });
  return exitCode;
}

export const RUN_HELP: CommandHelp = {
  examples: [
    'npx infercheck run                                   # the main job on the embedded mock; files in reports/latest/',
    'npx infercheck run --out reports/ci --json           # one JSON result on stdout, the stages\' text on stderr',
    'npx infercheck run --no-load --strict                # the contract suite alone, failing on assumptions too',
  ],
  environment: [COMMON_ENVIRONMENT.ci, COMMON_ENVIRONMENT.noColor, COMMON_ENVIRONMENT.config],
  exitCodes: [
    [EXIT.pass, 'every check passed and every objective held'],
    [EXIT.failed, 'a verdict failed: a contract check or an objective'],
    ...STAGE_EXIT_CODES,
  ],
};

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('the main job: start the embedded mock, run the contract suite and a short load run, write the report')
    .option('--out <dir>', 'the run folder', join('reports', 'latest'))
    .option('--duration <d>', 'how long v2 arrivals keep coming in the load run: 10, 10s, 1m', '10s')
    .option('--rate <jobs/s>', 'v2 arrival rate in the load run (enough jobs to decide a p95 objective)', '8')
    .option('--sla <file>', 'objectives to judge the run by (default load/objectives.default.yaml)')
    .option('--no-contracts', 'skip the contract suite')
    .option('--no-load', 'skip the load run')
    .option('--strict', "fail the contract suite on the spec's assumptions too (default: a difference from an assumption is a finding)")
    .option('--json', 'print one JSON result on stdout (the stages\' and the summary\'s text goes to stderr)')
    .addHelpText('after', `\n${helpSections(RUN_HELP)}\n`)
    .action(async (options: RunOptions) => {
      process.exitCode = await runMainJob(options);
    });
}
