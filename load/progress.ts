// Progress of a load run, rendered from the engine's counters (the engine never prints). On an interactive terminal
// one block redrawn in place by log-update (a maintained library: no hand-written cursor codes); when stderr is not a
// TTY, or under CI=true or NO_COLOR, a plain line every few seconds, nothing animated.
import { createLogUpdate } from 'log-update';
import type { RunStats } from './stats.ts';

export interface ProgressSource {
  readonly stats: RunStats;
  elapsedMs(): number;
}

export interface ProgressDisplay {
  stop(finalLine?: string): void;
}

function fmtMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** The one progress line: jobs started / done / in flight, elapsed of total, live p95 end-to-end. */
export function progressLine(source: ProgressSource, totalS: number): string {
  const s = source.stats;
  const elapsed = source.elapsedMs() / 1000;
  const errors = s.jobs.errors + s.jobs.failed + s.jobs.timeouts + s.jobs.unknownSubmits;
  return [
    `load ${elapsed.toFixed(0)}/${Math.ceil(totalS)} s`,
    `started ${s.started}/${s.scheduled}`,
    `done ${s.done}`,
    `in flight ${s.inFlight}`,
    `p95 e2e ${fmtMs(s.liveE2eP95Ms())}`,
    `errors ${errors}`,
    ...(s.late > 0 ? [`late ${s.late}`] : []),
    ...(s.violations > 0 ? [`contract violations ${s.violations}`] : []),
  ].join('  ');
}

export function interactive(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env['CI'] && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
}

/** Starts showing progress on stderr; `totalS` is the run's planned length (arrivals plus the last jobs' drain). */
export function showProgress(source: ProgressSource, totalS: number, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (interactive(stream, env)) {
    const update = createLogUpdate(stream, { showCursor: true });
    const timer = setInterval(() => update(progressLine(source, totalS)), 250);
    timer.unref();
    return {
      stop(finalLine) {
        clearInterval(timer);
        update(finalLine ?? progressLine(source, totalS));
        update.done();
      },
    };
  }
  const timer = setInterval(() => stream.write(progressLine(source, totalS) + '\n'), 5_000);
  timer.unref();
  return {
    stop(finalLine) {
      clearInterval(timer);
      if (finalLine) stream.write(finalLine + '\n');
    },
  };
}
