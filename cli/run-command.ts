// `infercheck run` (npm start): the main job. Each stage is the real command in its own process — the contract suite
// against the embedded mock, a short load run (both models, v1 and v2) against another — so a user sees exactly what
// they would run by hand; then the report is written from the result files alone and summarised here.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError } from '../core/target.ts';
import { writeReportWithAnalysis } from '../reports/report.ts';
import { formatRunSummary, type StageOutcome } from './run-summary.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));

/** What a run folder holds that a new run replaces; anything else in it is left alone. */
const RUN_OUTPUTS = ['contracts', 'load', 'results.json', 'index.html', 'summary.md', 'junit.xml'];

interface RunOptions {
  readonly out: string;
  readonly duration: string;
  readonly rate: string;
  readonly sla?: string;
  readonly contracts: boolean;
  readonly load: boolean;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} must be a positive number, got "${text}"`);
  return value;
}

/** A signal that stopped the main job: the stage in progress got it too, and no further stage starts. */
let interrupted: NodeJS.Signals | undefined;

/**
 * Runs one stage as the real command in its own process. SIGINT/SIGTERM sent to `run` are passed on to the stage
 * (which stops gracefully and writes its files) and `run` waits for it, so no stage outlives the command.
 */
async function stage(name: string, args: readonly string[]): Promise<StageOutcome> {
  console.log(`\n▶ infercheck ${args.join(' ')}`);
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals): void => {
    interrupted ??= signal;
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    const exitCode = await new Promise<number>((resolve) => {
      child.on('error', () => resolve(1));
      child.on('close', (code, signal) => resolve(code ?? (signal === 'SIGTERM' ? 143 : 130)));
    });
    return { name, exitCode, seconds: (Date.now() - started) / 1000 };
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}

export async function runMainJob(options: RunOptions): Promise<number> {
  const duration = positive('--duration', options.duration);
  const rate = positive('--rate', options.rate);
  if (!options.contracts && !options.load) throw new UsageError('--no-contracts and --no-load together leave nothing to run');
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  for (const entry of RUN_OUTPUTS) rmSync(join(out, entry), { recursive: true, force: true });

  const stages: StageOutcome[] = [];
  if (options.contracts) {
    stages.push(await stage('contracts', ['contracts', '--target', 'mock', '--out', join(out, 'contracts')]));
  }
  if (options.load && !interrupted) {
    stages.push(await stage('load', ['load', '--target', 'mock', '--scenario', 'smoke', '--duration', `${duration}s`, '--rate', String(rate), '--out', join(out, 'load')]));
  }
  const produced = existsSync(join(out, 'contracts', 'outcomes.json')) || existsSync(join(out, 'load', 'run.json'));
  if (!produced) throw new Error('no stage wrote its result files; see the output above');

  const { files, analysis } = await writeReportWithAnalysis(out, options.sla ? { sla: options.sla } : {});
  const shown = files.map((f) => relative(process.cwd(), f) || f);
  console.log('\n' + formatRunSummary(analysis, stages, shown));
  if (interrupted) return interrupted === 'SIGTERM' ? 143 : 130;
  if (stages.some((s) => s.exitCode === 3)) return 3; // the target could not be reached or died
  const stageFailed = stages.some((s) => s.exitCode !== 0);
  return stageFailed || analysis.overall === 'FAIL' ? 1 : 0;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('the main job: start the embedded mock, run the contract suite and a short load run, write the report')
    .option('--out <dir>', 'the run folder', join('reports', 'latest'))
    .option('--duration <seconds>', 'how long v2 arrivals keep coming in the load run', '10')
    .option('--rate <jobs/s>', 'v2 arrival rate in the load run (enough jobs to decide a p95 objective)', '8')
    .option('--sla <file>', 'objectives to judge the run by (default load/objectives.default.yaml)')
    .option('--no-contracts', 'skip the contract suite')
    .option('--no-load', 'skip the load run')
    .action(async (options: RunOptions) => {
      process.exitCode = await runMainJob(options);
    });
}
