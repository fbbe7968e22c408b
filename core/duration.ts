// Durations on the command line: `90` and `90s` are seconds; `1500ms`, `20m` and `1h` say their unit.

const UNIT_S: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Seconds, or undefined when `text` is not a positive duration. */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_S[match[2] ?? 's']! : NaN;
  return seconds > 0 ? seconds : undefined;
}
