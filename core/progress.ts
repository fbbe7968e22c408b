// Progress of a long stage (the contract catalogue, a load run), one policy for every command. On an interactive
// terminal one line redrawn in place by log-update (a maintained library: no hand-written cursor codes); under
// CI=true, NO_COLOR, TERM=dumb or without a TTY, a plain line every ~10 s — done/total, elapsed, ETA — and nothing
// animated, so a CI log shows a run is alive without filling up. Progress goes to stderr: stdout is the result's.
import { createLogUpdate } from 'log-update';

export interface ProgressDisplay {
  stop(finalLine?: string): void;
}

/** How often a plain (non-interactive) progress line is printed. */
export const PLAIN_PROGRESS_EVERY_MS = 10_000;

export function interactive(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env['CI'] && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  return s >= 120 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)} s`;
}

/**
 * `done 120/482 cases  elapsed 3 s  ETA 9 s`: the fields every progress line starts with. The ETA is the caller's
 * (a load run knows its planned length); without one it is extrapolated from the rate so far.
 */
export function progressFields(done: number, total: number, unit: string, elapsedS: number, etaS?: number): string {
  const eta = etaS ?? (done > 0 && total >= done ? (elapsedS / done) * (total - done) : Number.NaN);
  return `done ${done}/${total} ${unit}  elapsed ${seconds(elapsedS)}  ETA ${seconds(Math.max(0, eta))}`;
}

/** Shows `line()` on `stream` until stop(): redrawn every 250 ms on a TTY, else printed every ~10 s. */
export function startProgress(line: () => string, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stderr, everyMs = PLAIN_PROGRESS_EVERY_MS): ProgressDisplay {
  if (interactive(stream, env)) {
    const update = createLogUpdate(stream, { showCursor: true });
    const timer = setInterval(() => update(line()), 250);
    timer.unref();
    return {
      stop(finalLine) {
        clearInterval(timer);
        update(finalLine ?? line());
        update.done();
      },
    };
  }
  const timer = setInterval(() => stream.write(line() + '\n'), everyMs);
  timer.unref();
  return {
    stop(finalLine) {
      clearInterval(timer);
      if (finalLine) stream.write(finalLine + '\n');
    },
  };
}
