// The exit codes of every infercheck command, one table (README "Exit codes"): 0 pass; 1 a verdict failed (a check,
// an objective, the gate); 2 usage or bad input, one line, nothing touched; 3 the target could not be reached, died or
// the run's deadline passed; 130 / 143 stopped by SIGINT / SIGTERM (the shell's 128 + the signal's number).
export const EXIT = { pass: 0, failed: 1, usage: 2, unreachable: 3, SIGINT: 130, SIGTERM: 143 } as const;

/** The exit code of a command a signal stopped. */
export function signalExitCode(signal: NodeJS.Signals | undefined): number {
  return signal === 'SIGTERM' ? EXIT.SIGTERM : EXIT.SIGINT;
}
