import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeObjective, parseObjectives, quantileOf } from './objectives.ts';
import { UsageError } from './target.ts';

test('objectives parse with their scope, and read as one line each', () => {
  const set = parseObjectives(`
confidence: 0.99
objectives:
  - { metric: e2e_ms, stat: p95, op: '<=', value: 8000 }
  - { metric: queue_wait_ms, stat: p99, op: '<', value: 5000, model: sd1.5-scifi, api: v2 }
  - { metric: success_rate, op: '>=', value: 0.99 }
`);
  assert.equal(set.confidence, 0.99);
  assert.deepEqual(set.objectives[1], { kind: 'latency', metric: 'queue_wait_ms', stat: 'p99', op: '<', value: 5000, model: 'sd1.5-scifi', api: 'v2' });
  assert.deepEqual(set.objectives[2], { kind: 'rate', metric: 'success_rate', op: '>=', value: 0.99 });
  assert.equal(describeObjective(set.objectives[0]!), 'p95 e2e_ms ≤ 8000');
  assert.equal(describeObjective(set.objectives[1]!), 'p99 queue_wait_ms < 5000 [sd1.5-scifi v2]');
  assert.equal(quantileOf('p99.9'), 0.999);
});

test('bad objective files are usage errors that name the entry', () => {
  const cases: Array<[string, RegExp]> = [
    ['objectives: []', /empty/],
    ['nope: 1', /"objectives" list/],
    ['objectives: [{ metric: e2e_ms, stat: p42, op: "<=", value: 1 }]', /objectives\[0\]: stat/],
    ['objectives: [{ metric: e2e, stat: p95, op: "<=", value: 1 }]', /unknown metric "e2e"/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "=", value: 1 }]', /op must be/],
    ['objectives: [{ metric: success_rate, op: ">=", value: 99 }]', /fraction/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "<=", value: "fast" }]', /value must be a number/],
    ['confidence: 2\nobjectives: [{ metric: success_rate, op: ">=", value: 0.9 }]', /confidence/],
    ['objectives: [ {', /not YAML/],
  ];
  for (const [text, pattern] of cases) {
    assert.throws(() => parseObjectives(text, 'slo.yaml'), (err: unknown) => err instanceof UsageError && pattern.test(err.message), text);
  }
});
