// `infercheck mock` — skeleton from the foundation issue; the mock issue fills in the action.
import type { Command } from 'commander';

export function registerMockCommand(program: Command): void {
  program
    .command('mock')
    .description('serve the embedded, stateful Segmind mock (the default target)')
    .option('--port <n>', 'port to bind, 0 for an ephemeral one', '0')
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .action(() => {
      throw new Error('mock: not built yet (see the mock issue)');
    });
}
