import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODELS, txt2imgParameters, requiredParameters } from '../core/spec.ts';
import { boundaryBody, boundaryCases, casesOf } from './boundaries.ts';
import { valuesBody } from './bodies.ts';
import { buildPlan, baseBody } from './plan.ts';
import { validatorFor } from './spec-access.ts';

test('every parameter of the spec gets accepted and rejected cases, and the validator drops none of them', () => {
  const { cases, dropped } = boundaryCases(baseBody('t'));
  assert.deepEqual(dropped, [], 'a generated case disagrees with the spec validator');
  for (const [name] of txt2imgParameters()) {
    assert.ok(cases.some((c) => c.parameter === name && c.expect === 'accept'), `${name}: no accepted case`);
    assert.ok(cases.some((c) => c.parameter === name && c.kind === 'wrong-type'), `${name}: no wrong-type case`);
  }
  for (const name of requiredParameters()) assert.ok(cases.some((c) => c.parameter === name && c.kind === 'missing-required'));
});

test('numbers step 0.01 outside their bounds, integers 1, and integers also get a fraction', () => {
  const number = casesOf('x', { type: 'number', minimum: 0.1, maximum: 25 }, false);
  assert.deepEqual(number.filter((c) => c.kind === 'bound').map((c) => c.value), [0.1, 25]);
  assert.deepEqual(number.filter((c) => c.kind === 'outside-bound').map((c) => c.value), [0.09, 25.01]);
  const integer = casesOf('n', { type: 'integer', minimum: 20, maximum: 100 }, true);
  assert.deepEqual(integer.filter((c) => c.kind === 'outside-bound').map((c) => c.value), [19, 101]);
  assert.deepEqual(integer.filter((c) => c.kind === 'fraction').map((c) => c.value), [20.5]);
  assert.equal(integer.filter((c) => c.kind === 'missing-required').length, 1);
  assert.ok(!integer.some((c) => c.kind === 'wrong-type' && c.label === 'integer'), 'an integer is not a wrong type for an integer');
});

test('enums: every value accepted, one unlisted value rejected (a near miss for integer enums)', () => {
  const sizes = casesOf('img_width', { type: 'integer', enum: [512, 768, 1024] }, false);
  assert.deepEqual(sizes.filter((c) => c.expect === 'accept').map((c) => c.value), [512, 768, 1024]);
  assert.deepEqual(sizes.filter((c) => c.kind === 'not-in-enum').map((c) => c.value), [513]);
  const names = casesOf('scheduler', { type: 'string', enum: ['A', 'B'] }, false);
  assert.deepEqual(names.filter((c) => c.kind === 'not-in-enum').map((c) => c.value), ['not-a-scheduler']);
});

test('a boundary body changes exactly one field of a valid body', () => {
  const base = { prompt: 'p', samples: 1 };
  assert.deepEqual(boundaryBody(base, { parameter: 'samples', kind: 'outside-bound', label: 'max+1', expect: 'reject', value: 5 }), { prompt: 'p', samples: 5 });
  assert.deepEqual(boundaryBody(base, { parameter: 'prompt', kind: 'missing-required', label: 'missing', expect: 'reject', omit: true }), { samples: 1 });
  assert.equal(validatorFor('Txt2ImgRequest')(base), true);
});

test('the plan covers every boundary on v1 and v2 of every model, and no two requests send the same body', () => {
  const plan = buildPlan({ models: [...MODELS], failPrompt: 'fail', rpm: 5 });
  const { cases } = boundaryCases(baseBody('t'));
  assert.equal(plan.cases.filter((c) => c.kind === 'rejected-value' || c.kind === 'accepted-value').length, cases.length * 2 * MODELS.length);
  assert.ok(plan.cases.length >= 300, `only ${plan.cases.length} cases`);
  // Unique bodies per model route are what make a recording replay each answer to the request that asked for it.
  const seen = new Set<string>();
  for (const unit of plan.units) {
    for (const c of unit.cases) {
      const body = c.kind === 'rejected-value' || c.kind === 'outputs' ? c.params : c.kind === 'accepted-value' && unit.cases[0] === c ? valuesBody(unit.id, unit.cases.map((v) => (v as typeof c).boundary)) : undefined;
      if (!body) continue;
      const key = `${'api' in c ? c.api : ''}/${c.model} ${JSON.stringify(body)}`;
      assert.ok(!seen.has(key), `two requests send ${key}`);
      seen.add(key);
    }
  }
  assert.equal(new Set(plan.cases.map((c) => c.id)).size, plan.cases.length, 'case ids are unique');
  // The money ledger first, then the free units, then the billable ones.
  assert.equal(plan.units[0]!.kind, 'ledger');
  const firstBillable = plan.units.findIndex((u, i) => i > 0 && u.expected.length > 0);
  assert.ok(plan.units.slice(1, firstBillable).every((u) => u.expected.length === 0));
  assert.ok(plan.units.slice(firstBillable).every((u) => u.expected.length > 0 || u.kind === 'rate-limit'));
});
