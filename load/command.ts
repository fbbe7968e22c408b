// `infercheck load` — skeleton from the foundation issue; the load issue fills in the action.
import type { Command } from 'commander';

export function registerLoadCommand(program: Command): void {
  program
    .command('load')
    .description('run a k6 load scenario (smoke | sync | async | sweep) and record every job')
    .option('--target <target>', 'mock | live | URL', 'mock')
    .option('--scenario <name>', 'smoke | sync | async | sweep', 'smoke')
    .action(() => {
      throw new Error('load: not built yet (see the load issue)');
    });
}
