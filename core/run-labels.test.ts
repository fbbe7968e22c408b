// --label key=value: keys valid as Prometheus label names and OpenTelemetry attributes, values plain and short, no
// shadowing of the per-series labels, no key given twice with two values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRunLabels } from './run-labels.ts';

test('key=value pairs become the run labels', () => {
  assert.deepEqual(parseRunLabels(['region=eu-west', 'cluster=gke_1', 'region=eu-west']), { ok: true, labels: { region: 'eu-west', cluster: 'gke_1' } });
  assert.deepEqual(parseRunLabels([]), { ok: true, labels: {} });
});

test('bad labels are one line each', () => {
  const cases: Array<[string[], RegExp]> = [
    [['region'], /must be key=value/],
    [['Region=eu'], /lower-case key/],
    [['9x=eu'], /lower-case key/],
    [['model=sd'], /shadow the per-series label "model"/],
    [['region='], /the value must be 1–63/],
    [['region=eu west'], /the value must be/],
    [['region=eu-west', 'region=us-east'], /given twice \("eu-west" and "us-east"\)/],
  ];
  for (const [items, pattern] of cases) {
    const parsed = parseRunLabels(items);
    assert.equal(parsed.ok, false, items.join(' '));
    assert.match((parsed as { problem: string }).problem, pattern);
  }
});
