import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README_PATH, renderReadme } from './readme-table.ts';
import { CHECKS } from './registry.ts';

test('contracts/README.md lists every check exactly as the registry does (npx tsx contracts/readme-table.ts --write)', () => {
  const current = readFileSync(README_PATH, 'utf8');
  assert.equal(current, renderReadme(current), 'the check table is stale: run npx tsx contracts/readme-table.ts --write');
  for (const check of CHECKS) assert.ok(current.includes(`| \`${check.id}\` |`), `${check.id} missing from the README`);
});

test('every check documents a sample failure and a title', () => {
  for (const check of CHECKS) {
    assert.ok(check.sampleFailure.length > 10, `${check.id} has no sample failure`);
    assert.ok(check.title.length > 5, `${check.id} has no title`);
  }
  assert.equal(new Set(CHECKS.map((c) => c.id)).size, CHECKS.length, 'duplicate check ids');
});
