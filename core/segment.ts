// The share of a split test one instance runs: `i/N`, instance i (from 0) of N. The load engine runs the jobs a seeded
// coin gives its share (load/schedule.ts inSegment); the report merges the instances' folders (reports/merge-results.ts).
// Both read the text with this one parser.

/** One instance's share of a split test: instance `index` of `count` (0-based). */
export interface Segment {
  readonly index: number;
  readonly count: number;
}

/** "1/3" → { index: 1, count: 3 }; undefined for anything else ("3/3", "0:1/2", "half"). */
export function parseSegment(text: string): Segment | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index < count ? { index, count } : undefined;
}
