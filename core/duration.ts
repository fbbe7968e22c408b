// Durations on the command line: `30`, `30s`, `90m`, `1h`, `250ms` → seconds. One syntax for every flag that takes one.
import { UsageError } from './target.ts';

export function parseDurationS(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|min|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag} must look like 30s, 2m or 1h, got "${text}"`);
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  return unit === 'ms' ? value / 1000 : unit === 'm' || unit === 'min' ? value * 60 : unit === 'h' ? value * 3600 : value;
}
