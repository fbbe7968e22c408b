// Durations on the command line: `90` and `90s` are seconds; `250ms`, `20m` (or `20min`) and `1h` say their unit.
// One syntax for every flag that takes one, in every command (run, contracts, load, report).
import { UsageError } from './target.ts';

const UNIT_S: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600 };

export interface DurationRule {
  /** `0` / `0s` is a duration too (e.g. `load --grace 0`: abandon jobs in flight at once). */
  readonly allowZero?: boolean;
}

/** Seconds, or undefined when `text` is not a positive (or, with allowZero, a zero) duration. */
export function durationSeconds(text: string, rule: DurationRule = {}): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|min|m|h)?$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_S[match[2] ?? 's']! : NaN;
  return seconds > 0 || (rule.allowZero && seconds === 0) ? seconds : undefined;
}

/** Seconds, or a UsageError naming the flag. */
export function parseDurationS(text: string, flag: string, rule: DurationRule = {}): number {
  const seconds = durationSeconds(text, rule);
  if (seconds === undefined) throw new UsageError(`${flag} must be a ${rule.allowZero ? '' : 'positive '}duration like 30s, 2m or 1h, got "${text}"`);
  return seconds;
}

/** parseDurationS for a flag that may be absent: undefined stays undefined. */
export function optionalDurationS(text: string | undefined, flag: string, rule: DurationRule = {}): number | undefined {
  return text === undefined ? undefined : parseDurationS(text, flag, rule);
}
