// Progress of a load run, rendered from the engine's counters (the engine never prints) and shown by the one
// progress policy of every command (core/progress.ts): redrawn in place on a TTY, a plain line every ~10 s otherwise.
import { progressFields, startProgress, type ProgressDisplay } from '../core/progress.ts';
import type { RunStats } from './stats.ts';

export { interactive, type ProgressDisplay } from '../core/progress.ts';

export interface ProgressSource {
  readonly stats: RunStats;
  elapsedMs(): number;
}

function fmtMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** The one progress line: jobs done of scheduled, elapsed, ETA (the planned length), started, in flight, live p95. */
export function progressLine(source: ProgressSource, totalS: number): string {
  const s = source.stats;
  const elapsed = source.elapsedMs() / 1000;
  const errors = s.jobs.errors + s.jobs.failed + s.jobs.timeouts + s.jobs.unknownSubmits;
  return [
    `load  ${progressFields(s.done, s.scheduled, 'jobs', elapsed, Math.max(0, totalS - elapsed))}`,
    `started ${s.started}`,
    `in flight ${s.inFlight}`,
    `p95 e2e ${fmtMs(s.liveE2eP95Ms())}`,
    `errors ${errors}`,
    ...(s.late > 0 ? [`late ${s.late}`] : []),
    ...(s.violations > 0 ? [`contract violations ${s.violations}`] : []),
  ].join('  ');
}

/** Starts showing progress on stderr; `totalS` is the run's planned length (arrivals plus the last jobs' drain). */
export function showProgress(source: ProgressSource, totalS: number, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  return startProgress(() => progressLine(source, totalS), env, stream);
}
