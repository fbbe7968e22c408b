// `infercheck contracts` — skeleton from the foundation issue; the contracts issue fills in the action.
import type { Command } from 'commander';

export function registerContractsCommand(program: Command): void {
  program
    .command('contracts')
    .description('run the contract catalogue against the mock, the live API, a URL or a recording')
    .option('--target <target>', 'mock | live | URL', 'mock')
    .action(() => {
      throw new Error('contracts: not built yet (see the contracts issue)');
    });
}
