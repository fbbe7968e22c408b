// `infercheck`: one entry, one subcommand per feature folder. Each folder's command.ts registers its command and
// returns the exit code from its action; this file owns the conventions every command shares (core/exit-codes.ts):
// a usage error or no command at all is one line and exit 2; an unreachable target is one line and exit 3, as is
// anything else that kills a run — nothing ever reaches the terminal as a stack trace; `--json` makes stdout the
// result's alone (core/cli-output.ts); a closed stdout (`infercheck gate … | head -1`) ends nothing noisily.
import { Command, CommanderError } from 'commander';
import { emitResult, enableJsonMode, wantsJson } from '../core/cli-output.ts';
import { configOptions, findConfigFile, readConfigFile } from '../core/config.ts';
import { EXIT } from '../core/exit-codes.ts';
import { TargetUnreachable, UsageError } from '../core/target.ts';
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
  // The config file (core/config.ts) is read and checked before any action: a bad one is exit 2 with nothing touched.
  program.hook('preAction', (_program, action) => applyConfigFile(action));
  return program;
}

/** Flags the command line did not give take their value from infercheck.config.{json,yaml}, when there is one. */
function applyConfigFile(command: Command): void {
  const file = findConfigFile();
  if (!file) return;
  const { config } = readConfigFile(file);
  for (const [key, value] of configOptions(command.name(), config)) {
    const source = command.getOptionValueSource(key);
    if (source === 'cli' || source === 'env') continue;
    command.setOptionValueWithSource(key, value, 'config');
  }
}

function oneLine(message: string): string {
  return message.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
}

/** The reader of stdout went away (`| head -1`): drop what is left to print, and let the command finish its work. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const commandName = argv.slice(2).find((arg) => program.commands.some((c) => c.name() === arg)) ?? 'infercheck';
  const fail = (code: number, message: string): number => {
    const line = oneLine(message);
    console.error(`infercheck: ${line}`);
    emitResult({ command: commandName, exitCode: code, error: line });
    return code;
  };
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.pass;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.pass;
      // commander showed the help on stderr because no command was given: that is a usage error too
      if (err.code === 'commander.help') return fail(EXIT.usage, 'no command given (see the commands above, or infercheck --help)');
      return fail(EXIT.usage, err.message);
    }
    if (err instanceof UsageError) return fail(EXIT.usage, err.message);
    if (err instanceof TargetUnreachable) return fail(EXIT.unreachable, err.message);
    // anything else is the run dying: one line, exit 3 — a failed verdict (exit 1) is only ever a judgement
    return fail(EXIT.unreachable, err instanceof Error ? err.message : String(err));
  }
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
if (wantsJson(process.argv)) enableJsonMode();
process.exitCode = await main(process.argv);
