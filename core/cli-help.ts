// The three sections every command's --help ends with — Examples, Environment, Exit codes — from one description per
// command (its command.ts). README.md's "Commands" section prints the same text; cli/help-readme.test.ts holds the
// two equal, and runs the cheap examples, so neither the help nor the README can drift from what the tool does.
import { EXIT } from './exit-codes.ts';

export interface CommandHelp {
  /** Command lines, each with what it does after `  # `. */
  readonly examples: readonly string[];
  /** [variable or file, what it does] */
  readonly environment: readonly (readonly [string, string])[];
  /** [exit code, when] — from core/exit-codes.ts */
  readonly exitCodes: readonly (readonly [number | string, string])[];
}

/** What every command's environment includes. */
export const COMMON_ENVIRONMENT = {
  noColor: ['NO_COLOR', 'plain output: no colour, no animation'],
  ci: ['CI', 'CI=true: progress is a plain line every ~10 s (done/total, elapsed, ETA), never animated'],
  config: ['infercheck.config.{json,yaml}', 'defaults for the flags, found from the working directory upwards; flags win'],
} as const;

/** The environment of a command that takes --target (contracts, load). */
export const TARGET_ENVIRONMENT: CommandHelp['environment'] = [
  ['SEGMIND_API_KEY', 'the key for --target live or a URL (another variable: --api-key-env); never printed'],
  COMMON_ENVIRONMENT.ci,
  COMMON_ENVIRONMENT.noColor,
  COMMON_ENVIRONMENT.config,
];

/** The exit codes every command that runs something shares; each command picks its own words for 1. */
export const COMMON_EXIT_CODES = {
  usage: [EXIT.usage, 'usage or bad input (one line; nothing touched, nothing sent)'],
  unreachable: [EXIT.unreachable, 'the target could not be reached or died (one line), or the run died'],
  signals: [`${EXIT.SIGINT}/${EXIT.SIGTERM}`, 'stopped by SIGINT/SIGTERM; what was done is written'],
} as const;

/** 2, 3 and 130/143 as every stage that sends requests words them. */
export const STAGE_EXIT_CODES: CommandHelp['exitCodes'] = [COMMON_EXIT_CODES.usage, COMMON_EXIT_CODES.unreachable, COMMON_EXIT_CODES.signals];

function table(rows: readonly (readonly [number | string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => String(left).length));
  return rows.map(([left, right]) => `  ${String(left).padEnd(width)}  ${right}`);
}

/** The sections as --help prints them (after the options) and README.md shows them. */
export function helpSections(help: CommandHelp): string {
  return [
    'Examples:',
    ...help.examples.map((line) => `  ${line}`),
    '',
    'Environment:',
    ...table(help.environment),
    '',
    'Exit codes:',
    ...table(help.exitCodes),
  ].join('\n');
}
