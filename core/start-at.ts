// `--start-at <ISO-8601>`: the one instant every instance of a split test starts its schedule at, so that their
// arrivals interleave as one process (load/engine.ts waits for it; `infercheck k8s` hands it to every pod). One
// parser for both, so a time the load command would refuse is refused before a manifest is printed.

/** A start-at this far in the past still runs (the instances' clocks and start-up differ a little): its first arrivals are late and counted so. */
export const START_AT_PAST_TOLERANCE_MS = 2_000;
/** Further ahead than this is refused: a mistyped day or year would leave every instance waiting silently. */
export const START_AT_MAX_AHEAD_MS = 60 * 60 * 1000;

// a full date and time with seconds optional and an explicit zone: "2026-12-01T09:30:00Z", "…+01:00"
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type StartAtCheck = { readonly ok: true; readonly epochMs: number } | { readonly ok: false; readonly problem: string };

/** Checks a start-at against the clock: an ISO-8601 instant with a zone, not in the past (beyond the tolerance), at most an hour ahead. */
export function checkStartAt(text: string, nowMs: number, { maxAheadMs = START_AT_MAX_AHEAD_MS }: { maxAheadMs?: number } = {}): StartAtCheck {
  const epochMs = ISO_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(epochMs)) return { ok: false, problem: `must be an ISO-8601 instant with a zone, e.g. ${new Date(nowMs + 60_000).toISOString().replace(/\.\d+Z$/, 'Z')}; got "${text}"` };
  if (epochMs < nowMs - START_AT_PAST_TOLERANCE_MS) return { ok: false, problem: `${text} is ${formatSeconds(nowMs - epochMs)} in the past: give every instance an instant still ahead of all of them` };
  if (epochMs > nowMs + maxAheadMs) return { ok: false, problem: `${text} is ${formatSeconds(epochMs - nowMs)} ahead, more than the ${formatSeconds(maxAheadMs)} allowed: is the day or the zone right?` };
  return { ok: true, epochMs };
}

function formatSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;
}
