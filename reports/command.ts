// `infercheck report` and `infercheck gate`. Every flag and file is checked before anything is written; bad input
// (missing folder, malformed file, a typo in the objectives) is a UsageError: one line, exit 2 (cli/main.ts).
// A failed verdict is exit 1 for CI (report: with --fail-on-verdict; gate: a regression, or nothing testable).
import type { Command } from 'commander';
import { parseDurationS } from '../core/duration.ts';
import { gate, gateHeadline } from './gate.ts';
import { writeReportWithAnalysis } from './report.ts';
import { reportConsoleLines } from './render/console.ts';

interface ReportFlags {
  in: string;
  sla?: string;
  merge?: string[];
  failOnVerdict?: boolean;
  maxStageGap: string;
  strict?: boolean;
}

interface GateFlags {
  baseline: string;
  current: string;
  maxRegression: string;
  maxCostIncrease?: string;
  allowMismatch?: boolean;
  allowUntested?: boolean;
}

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('turn a run folder into results.json, index.html, summary.md and junit.xml')
    .option('--in <dir>', 'the run folder', 'reports/latest')
    .option('--sla <file>', 'objectives (SLA) file, YAML or JSON (default: load/objectives.default.yaml)')
    .option('--merge <dirs...>', 'more run folders of the same test (load --segment i/N instances), merged exactly')
    .option('--max-stage-gap <duration>', 'flag contracts and load stages run further apart than this, e.g. 1h', '1h')
    .option('--fail-on-verdict', 'exit 1 when an objective FAILs or a contract check fails')
    .option('--strict', "count a contract finding on one of the spec's assumptions as a failure (as `contracts --strict` would have)")
    .action(async (opts: ReportFlags) => {
      const maxStageGapS = parseDurationS(opts.maxStageGap, '--max-stage-gap');
      const { files, analysis } = await writeReportWithAnalysis(opts.in, { ...(opts.sla ? { sla: opts.sla } : {}), ...(opts.merge ? { merge: opts.merge } : {}), maxStageGapS, ...(opts.strict ? { strict: true } : {}) });
      for (const line of reportConsoleLines(analysis)) console.log(line);
      for (const file of files) console.log(`wrote ${file}`);
      const failed = analysis.verdicts.some((v) => v.detail.verdict === 'FAIL') || (analysis.contracts?.failedChecks ?? 0) > 0;
      if (opts.failOnVerdict && failed) process.exitCode = 1;
    });
  program
    .command('gate')
    .description('compare a run with a baseline of the same test and fail on a regression')
    .requiredOption('--baseline <file>', 'results.json of the baseline run (or its run folder)')
    .requiredOption('--current <dir>', 'the current run folder (or its results.json)')
    .option('--max-regression <pct>', 'tolerated slowdown of a median in percent: 10% or 10', '10%')
    .option('--max-cost-increase <pct>', 'also fail when the cost per image rose by more than this, e.g. 0% or 5')
    .option('--allow-mismatch', 'compare runs of different tests (target kind, scenario, models, APIs, spec version); the verdict says so')
    .option('--allow-untested', 'pass when no row had enough jobs to test (default: that fails)')
    .action(async (opts: GateFlags) => {
      const { markdown, exitCode, files, report } = await gate({
        baseline: opts.baseline,
        current: opts.current,
        maxRegression: opts.maxRegression,
        ...(opts.maxCostIncrease !== undefined ? { maxCostIncrease: opts.maxCostIncrease } : {}),
        allowMismatch: opts.allowMismatch ?? false,
        allowUntested: opts.allowUntested ?? false,
      });
      console.log(markdown);
      for (const file of files) console.log(`wrote ${file}`);
      console.log(`gate: ${gateHeadline(report)}`);
      process.exitCode = exitCode;
    });
}
