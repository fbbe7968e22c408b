// `infercheck`: one entry, one subcommand per feature folder. Each folder's command.ts registers its command and
// returns the exit code from its action; this file owns the error policy: a usage error is one line and exit 2,
// a failure is one line and exit 1, and nothing else ever reaches the terminal as a stack trace.
import { Command, CommanderError } from 'commander';
import { UsageError } from '../core/target.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import { registerMockCommand } from '../mock/command.ts';
import { registerContractsCommand } from '../contracts/command.ts';
import { registerLoadCommand } from '../load/command.ts';
import { registerK8sCommand } from '../k8s/command.ts';
import { registerReportCommands } from '../reports/command.ts';
import { registerRunCommand } from './run-command.ts';

export function buildProgram(): Command {
  const program = new Command('infercheck')
    .description('Contract tests, load benchmarks and SLA verdicts for serverless image-generation APIs (Segmind SD 1.5).')
    .version(INFERCHECK_VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // commander's own error text is re-printed below as one line, so swallow its multi-line version here
      writeErr: (text) => {
        if (!text.startsWith('error:')) process.stderr.write(text);
      },
    });
  registerMockCommand(program);
  registerContractsCommand(program);
  registerLoadCommand(program);
  registerK8sCommand(program);
  registerRunCommand(program);
  registerReportCommands(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

function oneLine(message: string): string {
  return message.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      console.error(`infercheck: ${oneLine(err.message)}`);
      return 2;
    }
    if (err instanceof UsageError) {
      console.error(`infercheck: ${oneLine(err.message)}`);
      return 2;
    }
    console.error(`infercheck: ${oneLine(err instanceof Error ? err.message : String(err))}`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
