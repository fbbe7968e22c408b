// --start-at: one instant, checked the same way by `load` and `k8s`: an ISO-8601 instant with a zone, not in the past
// beyond a small tolerance, not more than an hour ahead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkStartAt, START_AT_MAX_AHEAD_MS, START_AT_PAST_TOLERANCE_MS } from './start-at.ts';

const now = Date.parse('2026-12-01T09:00:00Z');

test('an instant ahead, or just passed, is taken as epoch ms', () => {
  assert.deepEqual(checkStartAt('2026-12-01T09:05:00Z', now), { ok: true, epochMs: now + 300_000 });
  assert.deepEqual(checkStartAt('2026-12-01T10:05:00+01:00', now), { ok: true, epochMs: now + 300_000 });
  assert.deepEqual(checkStartAt('2026-12-01T09:00:00.250Z', now), { ok: true, epochMs: now + 250 });
  const justPassed = new Date(now - START_AT_PAST_TOLERANCE_MS + 500).toISOString();
  assert.equal(checkStartAt(justPassed, now).ok, true);
});

test('the past, too far ahead and anything but an instant with a zone are refused in one line', () => {
  const problem = (text: string): string => {
    const check = checkStartAt(text, now);
    assert.equal(check.ok, false, text);
    return (check as { problem: string }).problem;
  };
  assert.match(problem('2026-12-01T08:59:00Z'), /is 1 min in the past/);
  assert.match(problem(new Date(now + START_AT_MAX_AHEAD_MS + 60_000).toISOString()), /is 1 h 1 min ahead, more than the 1 h allowed/);
  assert.match(problem('2026-12-01T09:05:00'), /with a zone/); // a local time means something else on every machine
  assert.match(problem('in 5 minutes'), /ISO-8601/);
  assert.match(problem('1764579900000'), /ISO-8601/);
  for (const text of ['2026-12-01T08:59:00Z', 'tomorrow']) assert.ok(!problem(text).includes('\n'));
});
