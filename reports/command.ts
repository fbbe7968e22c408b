// `infercheck report` and `infercheck gate`. Bad input (missing folder, malformed file) is a UsageError: one line,
// exit 2 (cli/main.ts). A regression sets exit code 1 for CI.
import type { Command } from 'commander';
import { gate } from './gate.ts';
import { writeReportWithAnalysis } from './report.ts';
import { capacityHeadline } from './render/verdict-text.ts';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('turn a run folder into results.json, index.html, summary.md and junit.xml')
    .option('--in <dir>', 'the run folder', 'reports/latest')
    .option('--sla <file>', 'objectives (SLA) file, YAML or JSON (default: load/objectives.default.yaml)')
    .option('--merge <dirs...>', 'more run folders of the same test (load --segment i/N instances), merged exactly')
    .option('--fail-on-verdict', 'exit 1 when an objective FAILs or a contract check fails')
    .action(async (opts: { in: string; sla?: string; merge?: string[]; failOnVerdict?: boolean }) => {
      const { files, analysis } = await writeReportWithAnalysis(opts.in, { ...(opts.sla ? { sla: opts.sla } : {}), ...(opts.merge ? { merge: opts.merge } : {}) });
      for (const v of analysis.verdicts) console.log(`${v.detail.verdict.padEnd(12)} ${v.name}`);
      if (analysis.contracts) console.log(`${(analysis.contracts.failedChecks ? 'FAIL' : 'PASS').padEnd(12)} contract checks: ${analysis.contracts.failedChecks} of ${analysis.contracts.checks} failing`);
      for (const plan of analysis.capacity) console.log(`capacity     ${capacityHeadline(plan)}`);
      for (const file of files) console.log(`wrote ${file}`);
      const failed = analysis.verdicts.some((v) => v.detail.verdict === 'FAIL') || (analysis.contracts?.failedChecks ?? 0) > 0;
      if (opts.failOnVerdict && failed) process.exitCode = 1;
    });
  program
    .command('gate')
    .description('compare a run with a baseline and fail on a regression')
    .requiredOption('--baseline <file>', 'results.json of the baseline run (or its run folder)')
    .requiredOption('--current <dir>', 'the current run folder (or its results.json)')
    .option('--max-regression <pct>', 'tolerated slowdown of a median, e.g. 10%', '10%')
    .action(async (opts: { baseline: string; current: string; maxRegression: string }) => {
      const { markdown, exitCode, files } = await gate({ baseline: opts.baseline, current: opts.current, maxRegression: opts.maxRegression });
      console.log(markdown);
      for (const file of files) console.log(`wrote ${file}`);
      process.exitCode = exitCode;
    });
}
