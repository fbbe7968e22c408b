// Progress is rendered from the engine's counters: animated only on an interactive terminal, never under CI=true or
// NO_COLOR; plain lines otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interactive, progressLine } from './progress.ts';
import { RunStats } from './stats.ts';

test('the line shows started / done / in flight, elapsed of total and the live p95 end-to-end', () => {
  const stats = new RunStats();
  stats.scheduled = 10;
  stats.recordStart();
  stats.recordStart();
  stats.recordLag(0.2);
  stats.recordLag(30);
  stats.recordJob({ final_status: 'COMPLETED', e2e_ms: 1234, polls: 2 } as never);
  const line = progressLine({ stats, elapsedMs: () => 4200 }, 30);
  assert.match(line, /^load 4\/30 s {2}started 2\/10 {2}done 1 {2}in flight 1 {2}p95 e2e 1234 ms {2}errors 0 {2}late 1$/);
});

test('animated only on a TTY, and never under CI or NO_COLOR', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  assert.equal(interactive(tty, {}), true);
  assert.equal(interactive(tty, { CI: 'true' }), false);
  assert.equal(interactive(tty, { NO_COLOR: '1' }), false);
  assert.equal(interactive({ isTTY: false } as NodeJS.WriteStream, {}), false);
});
