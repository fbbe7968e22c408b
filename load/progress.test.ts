// Progress is rendered from the engine's counters: animated only on an interactive terminal, never under CI=true or
// NO_COLOR; plain lines otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interactive, progressLine } from './progress.ts';
import { RunStats } from './stats.ts';

test('the line shows done / scheduled, elapsed, ETA, started, in flight and the live p95 end-to-end', () => {
  const stats = new RunStats();
  stats.scheduled = 10;
  stats.recordStart();
  stats.recordStart();
  stats.recordLag(0.2);
  stats.recordLag(30);
  stats.recordJob({ final_status: 'COMPLETED', e2e_ms: 1234, polls: 2 } as never);
  const line = progressLine({ stats, elapsedMs: () => 4200 }, 30);
  assert.match(line, /^load {2}done 1\/10 jobs {2}elapsed 4 s {2}ETA 26 s {2}started 2 {2}in flight 1 {2}p95 e2e 1234 ms {2}errors 0 {2}late 1$/);
});

test('animated only on a TTY, and never under CI or NO_COLOR', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  assert.equal(interactive(tty, {}), true);
  assert.equal(interactive(tty, { CI: 'true' }), false);
  assert.equal(interactive(tty, { NO_COLOR: '1' }), false);
  assert.equal(interactive({ isTTY: false } as NodeJS.WriteStream, {}), false);
});

test('a plain progress line every ~10 s without a TTY, nothing animated; the final line once', async () => {
  const { startProgress } = await import('../core/progress.ts');
  const written: string[] = [];
  const stream = { isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  let n = 0;
  const display = startProgress(() => `line ${++n}`, {}, stream, 20);
  await new Promise((resolve) => setTimeout(resolve, 75));
  display.stop('final');
  assert.ok(written.length >= 3, written.join(''));
  assert.ok(written.every((text) => /^(line \d+|final)\n$/.test(text)), JSON.stringify(written)); // no cursor codes
  assert.equal(written.at(-1), 'final\n');
});
