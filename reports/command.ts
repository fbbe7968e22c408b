// `infercheck report` and `infercheck gate`. Every flag and file is checked before anything is written; bad input
// (missing folder, malformed file, a typo in the objectives) is a UsageError: one line, exit 2 (cli/main.ts).
// A failed verdict is exit 1 for CI, as for every command (core/exit-codes.ts): report — an objective FAILed or a
// contract check failed; gate — a regression, or nothing testable. --json prints one result on stdout.
import { Option, type Command } from 'commander';
import { COMMON_ENVIRONMENT, COMMON_EXIT_CODES, helpSections, type CommandHelp } from '../core/cli-help.ts';
import { emitResult } from '../core/cli-output.ts';
import { EXIT } from '../core/exit-codes.ts';
import { parseDurationS } from '../core/duration.ts';
import { gate, gateHeadline } from './gate.ts';
import { writeReportWithAnalysis } from './report.ts';
import { reportConsoleLines } from './render/console.ts';

interface ReportFlags {
  in: string;
  sla?: string;
  merge?: string[];
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

export const REPORT_HELP: CommandHelp = {
  examples: [
    'npx infercheck report --in reports/latest            # results.json, index.html, summary.md, junit.xml',
    'npx infercheck report --in reports/latest --json     # the verdicts as one JSON document on stdout',
    'npx infercheck report --in run-0 --merge run-1 run-2 # the instances of one split load test, merged exactly',
  ],
  environment: [COMMON_ENVIRONMENT.noColor, COMMON_ENVIRONMENT.config],
  exitCodes: [
    [EXIT.pass, 'no objective FAILed and no contract check failed'],
    [EXIT.failed, 'an objective FAILed or a contract check failed'],
    COMMON_EXIT_CODES.usage,
    [EXIT.unreachable, 'the report could not be written (one line)'],
  ],
};

export const GATE_HELP: CommandHelp = {
  examples: [
    'npx infercheck gate --baseline baseline/results.json --current reports/latest   # fail on a slowdown > 10 %',
    'npx infercheck gate --baseline baseline --current reports/latest --max-regression 20% --json',
  ],
  environment: [COMMON_ENVIRONMENT.noColor],
  exitCodes: [
    [EXIT.pass, 'no regression'],
    [EXIT.failed, 'a regression (latency or --max-cost-increase), or no row had enough jobs to test'],
    COMMON_EXIT_CODES.usage,
    [EXIT.unreachable, 'the gate could not be written (one line)'],
  ],
};

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('turn a run folder into results.json, index.html, summary.md and junit.xml')
    .option('--in <dir>', 'the run folder', 'reports/latest')
    .option('--sla <file>', 'objectives (SLA) file, YAML or JSON (default: load/objectives.default.yaml)')
    .option('--merge <dirs...>', 'more run folders of the same test (load --segment i/N instances), merged exactly')
    .option('--max-stage-gap <duration>', 'flag contracts and load stages run further apart than this, e.g. 1h', '1h')
    // exit 1 on a failed verdict is the default now; the flag scripts already pass is accepted and changes nothing
    .addOption(new Option('--fail-on-verdict').hideHelp())
    .option('--strict', "count a contract finding on one of the spec's assumptions as a failure (as `contracts --strict` would have)")
    .option('--json', 'print one JSON result on stdout (human text goes to stderr)')
    .addHelpText('after', `\n${helpSections(REPORT_HELP)}\n`)
    .action(async (opts: ReportFlags) => {
      const maxStageGapS = parseDurationS(opts.maxStageGap, '--max-stage-gap');
      const { files, analysis } = await writeReportWithAnalysis(opts.in, { ...(opts.sla ? { sla: opts.sla } : {}), ...(opts.merge ? { merge: opts.merge } : {}), maxStageGapS, ...(opts.strict ? { strict: true } : {}) });
      for (const line of reportConsoleLines(analysis)) console.log(line);
      for (const file of files) console.log(`wrote ${file}`);
      const failed = analysis.verdicts.some((v) => v.detail.verdict === 'FAIL') || (analysis.contracts?.failedChecks ?? 0) > 0;
      process.exitCode = failed ? EXIT.failed : EXIT.pass;
      emitResult({
        command: 'report',
        exitCode: process.exitCode,
        verdict: analysis.overall,
        files,
        ...(analysis.contracts ? { checks: analysis.contracts } : {}),
        objectives: analysis.verdicts.map((v) => ({ name: v.name, verdict: v.detail.verdict, n: v.detail.n })),
      });
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
    .option('--json', 'print one JSON result on stdout (human text goes to stderr)')
    .addHelpText('after', `\n${helpSections(GATE_HELP)}\n`)
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
      emitResult({ command: 'gate', exitCode, verdict: report.verdict, files, report });
    });
}
