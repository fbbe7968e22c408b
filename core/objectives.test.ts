import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describeObjective, loadObjectives, parseObjectives, quantileOf } from './objectives.ts';
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
    ['nope: 1', /unknown key "nope" \(known: confidence, objectives\)/],
    ['- 1', /expected a mapping with an "objectives" list/],
    ['objectives: [{ metric: e2e_ms, stat: p42, op: "<=", value: 1 }]', /objectives\[0\]: unknown stat "p42" \(known: mean, p50, p90, p95, p99, p99\.9\)/],
    ['objectives: [{ metric: e2e, stat: p95, op: "<=", value: 1 }]', /unknown metric "e2e" \(known: submit_latency_ms, .*e2e_ms.*success_rate.*cost_per_image\)/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "=", value: 1 }]', /unknown op "=" \(known: <=, <, >=, >\)/],
    ['objectives: [{ metric: success_rate, op: ">=", value: 99 }]', /fraction/],
    ['objectives: [{ metric: e2e_ms, op: "<=", value: 1 }]', /objectives\[0\]: e2e_ms needs a stat/],
    ['objectives: [{ metric: success_rate, stat: p95, op: ">=", value: 0.9 }]', /stat does not apply to success_rate/],
    ['objectives: [1]', /objectives\[0\]: each entry must be a mapping/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "<=", value: "fast" }]', /value must be a number/],
    ['confidence: 2\nobjectives: [{ metric: success_rate, op: ">=", value: 0.9 }]', /confidence/],
    ['objectives: [ {', /not YAML/],
  ];
  for (const [text, pattern] of cases) {
    assert.throws(() => parseObjectives(text, 'slo.yaml'), (err: unknown) => err instanceof UsageError && pattern.test(err.message), text);
  }
});

// The cases of issue 13: a misspelt model, an unknown key and an unknown unit were ignored or judged INCONCLUSIVE
// after a whole run; now each is a usage error before anything runs, naming what is known.
test('unknown models, keys and units are usage errors that name what is known', () => {
  const cases: Array<[string, RegExp]> = [
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "<=", value: 1, model: sd15 }]', /^slo\.yaml: objectives\[0\]: unknown model "sd15" \(known: sd1\.5-scifi, sd1\.5-epicrealism\)$/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "<=", value: 1, api: v3 }]', /unknown api "v3" \(known: v1, v2\)/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "<=", value: 1, unit: s, units: ms }]', /^slo\.yaml: objectives\[0\]: unknown key "units" \(known: metric, stat, op, value, model, api, unit\)$/],
    ['objectives: [{ metric: e2e_ms, stat: p95, op: "<=", value: 1, unit: min }]', /unknown unit "min" \(known: ms, s, fraction, %, credits\)/],
    ['objectives: [{ metric: success_rate, op: ">=", value: 1, unit: s }]', /unit "s" does not apply to success_rate \(known units for a rate metric: fraction, %\)/],
    ['confidence: 0.9\nconfidnce: 0.99\nobjectives: [{ metric: success_rate, op: ">=", value: 0.9 }]', /^slo\.yaml: unknown key "confidnce" \(known: confidence, objectives\)$/],
  ];
  for (const [text, pattern] of cases) {
    assert.throws(() => parseObjectives(text, 'slo.yaml'), (err: unknown) => err instanceof UsageError && pattern.test(err.message), text);
  }
});

test('units convert to the canonical ones; cost objectives are read with their scope', () => {
  const set = parseObjectives(`
objectives:
  - { metric: e2e_ms, stat: p95, op: '<=', value: 8, unit: s }
  - { metric: success_rate, op: '>=', value: 99, unit: '%' }
  - { metric: cost_per_image, op: '<=', value: 0.002, model: sd1.5-scifi }
`);
  assert.deepEqual(set.objectives.map((o) => [o.kind, o.value]), [['latency', 8000], ['rate', 0.99], ['cost', 0.002]]);
  assert.equal(describeObjective(set.objectives[2]!), 'mean cost_per_image ≤ 0.002 credits [sd1.5-scifi]');
  assert.deepEqual(set.objectives[2], { kind: 'cost', metric: 'cost_per_image', stat: 'mean', op: '<=', value: 0.002, model: 'sd1.5-scifi' });
});

test('the default objectives file passes its own schema', () => {
  assert.equal(loadObjectives(fileURLToPath(new URL('../load/objectives.default.yaml', import.meta.url))).objectives.length, 3);
});
