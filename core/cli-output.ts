// Where a command's output goes. Without --json: human text on stdout, progress and errors on stderr. With --json:
// stdout carries exactly one JSON document — the command's result, or the error that ended it — and every human
// line goes to stderr, the stage processes' included, so `infercheck gate --json … | jq .exitCode` always parses.
import type { StdioOptions } from 'node:child_process';
import { INFERCHECK_VERSION } from './version.ts';

/** The schema of the one document `--json` prints. */
export const CLI_RESULT_SCHEMA = 'infercheck/cli-result@1';

export interface CliResult {
  readonly command: string;
  /** The process's exit code (core/exit-codes.ts). */
  readonly exitCode: number;
  /** PASS / FAIL / INCONCLUSIVE … where the command judges something. */
  readonly verdict?: string;
  /** The one line that ended the command early (usage error, unreachable target), when it did. */
  readonly error?: string;
  readonly [key: string]: unknown;
}

let realStdoutWrite: typeof process.stdout.write | undefined;
let emitted = false;

/** `--json` among the arguments (before a `--`): the one place that decides the mode. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** From now on stdout is the result's alone: anything else written to it goes to stderr. */
export function enableJsonMode(): void {
  if (realStdoutWrite) return;
  realStdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

export function jsonMode(): boolean {
  return realStdoutWrite !== undefined;
}

/** Prints the command's result on stdout under --json (once; later calls are ignored); nothing otherwise. */
export function emitResult(result: CliResult): void {
  if (!realStdoutWrite || emitted) return;
  emitted = true;
  realStdoutWrite(JSON.stringify({ schema: CLI_RESULT_SCHEMA, infercheckVersion: INFERCHECK_VERSION, ...result }) + '\n');
}

export function resultEmitted(): boolean {
  return emitted;
}

/** stdio for a child process of a command: under --json its stdout joins our stderr. */
export function childStdio(): StdioOptions {
  return jsonMode() ? ['inherit', 2, 'inherit'] : 'inherit';
}
