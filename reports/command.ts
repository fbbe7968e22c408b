// `infercheck report` and `infercheck gate` — skeleton from the foundation issue; the reports issue fills them in.
import type { Command } from 'commander';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('turn a run folder into results.json, index.html, summary.md and junit.xml')
    .option('--in <dir>', 'the run folder', 'reports/latest')
    .action(() => {
      throw new Error('report: not built yet (see the reports issue)');
    });
  program
    .command('gate')
    .description('compare a run with a baseline and fail on a regression')
    .requiredOption('--baseline <file>', 'results.json of the baseline run')
    .requiredOption('--current <dir>', 'the current run folder')
    .action(() => {
      throw new Error('gate: not built yet (see the reports issue)');
    });
}
