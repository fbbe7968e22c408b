// One duration syntax for every flag of every command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationSeconds, optionalDurationS, parseDurationS } from './duration.ts';
import { UsageError } from './target.ts';

test('a bare number is seconds; ms, s, m, min and h say their unit', () => {
  assert.equal(parseDurationS('30', '--duration'), 30);
  assert.equal(parseDurationS('30s', '--duration'), 30);
  assert.equal(parseDurationS('2m', '--duration'), 120);
  assert.equal(parseDurationS('20min', '--deadline'), 1200);
  assert.equal(parseDurationS('1h', '--max-stage-gap'), 3600);
  assert.equal(parseDurationS('1500ms', '--request-timeout'), 1.5);
  assert.equal(parseDurationS(' 2.5s ', '--grace'), 2.5);
});

test('anything else is one UsageError naming the flag; zero only where the flag allows it', () => {
  for (const bad of ['soon', '', '-1s', '1d', '1 h', '0', '0s']) {
    assert.throws(() => parseDurationS(bad, '--duration'), (err: unknown) => err instanceof UsageError && err.message === `--duration must be a positive duration like 30s, 2m or 1h, got "${bad}"`, bad);
  }
  assert.equal(parseDurationS('0', '--grace', { allowZero: true }), 0);
  assert.equal(durationSeconds('0s', { allowZero: true }), 0);
  assert.throws(() => parseDurationS('never', '--grace', { allowZero: true }), /--grace must be a duration like/);
  assert.equal(optionalDurationS(undefined, '--grace'), undefined);
});
