// `npm run gen -- --check` is what makes the test run fail when the spec was edited without regenerating.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, staleFiles } from './gen.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('the committed generated files match the spec', async () => {
  const files = await generate({ specPath: join(ROOT, 'spec/openapi.yaml'), outDir: join(ROOT, 'spec/generated') });
  assert.deepEqual(await staleFiles(files), []);
  for (const f of files.filter((f) => !f.path.endsWith('.json'))) {
    assert.match(f.content, /^\/\/ generated from spec\/openapi\.yaml — do not edit/, `${f.path} carries the banner`);
  }
});

test('editing the spec without regenerating is detected, naming the stale files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-gen-'));
  cpSync(join(ROOT, 'spec/generated'), join(dir, 'generated'), { recursive: true });
  const spec = readFileSync(join(ROOT, 'spec/openapi.yaml'), 'utf8');
  const edited = spec.replace(/(samples:\n(?:.*\n)*?\s+maximum: )4/, '$18');
  assert.notEqual(edited, spec, 'the edit applied');
  writeFileSync(join(dir, 'openapi.yaml'), edited);

  const check = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen.ts'), '--check', '--spec', join(dir, 'openapi.yaml'), '--out', join(dir, 'generated')], { encoding: 'utf8', cwd: ROOT });
  assert.equal(check.status, 1);
  assert.match(check.stderr, /stale, run `npm run gen`/);
  assert.match(check.stderr, /validators\.mjs/);
  assert.match(check.stderr, /operations\.ts|openapi\.json/);

  const write = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen.ts'), '--spec', join(dir, 'openapi.yaml'), '--out', join(dir, 'generated')], { encoding: 'utf8', cwd: ROOT });
  assert.equal(write.status, 0, write.stderr);
  const recheck = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen.ts'), '--check', '--spec', join(dir, 'openapi.yaml'), '--out', join(dir, 'generated')], { encoding: 'utf8', cwd: ROOT });
  assert.equal(recheck.status, 0, recheck.stderr);
  // the regenerated validators carry the new bound (loaded through a copy beside the project, where ajv resolves)
  const copy = join(ROOT, 'spec/generated', `.gen-test-${process.pid}.mjs`);
  writeFileSync(copy, readFileSync(join(dir, 'generated/validators.mjs'), 'utf8'));
  try {
    const regenerated = (await import(copy)) as { validateTxt2ImgRequest: (b: unknown) => boolean };
    assert.equal(regenerated.validateTxt2ImgRequest({ prompt: 'x', samples: 8 }), true, 'the new bound reached the validators');
  } finally {
    rmSync(copy, { force: true });
  }
});

test('a oneOf is marked as a discriminated union only when its branches fix the tag to disjoint values', async () => {
  const { markDiscriminatedUnions } = await import('./gen.ts');
  const branch = (values: string[]) => ({ type: 'object', required: ['status'], properties: { status: { enum: values } } });
  const union = (refs: string[]) => ({ type: 'object', required: ['status'], properties: { status: { type: 'string' } }, oneOf: refs.map((r) => ({ $ref: `#/$defs/${r}` })) });
  const defs = {
    A: branch(['QUEUED', 'PROCESSING']),
    B: branch(['COMPLETED']),
    C: branch(['COMPLETED', 'FAILED']),
    D: { type: 'object', properties: { status: { const: 'X' } } }, // does not require the tag
    Disjoint: union(['A', 'B']),
    Overlapping: union(['B', 'C']),
    Unrequired: union(['A', 'D']),
  };
  const marked = markDiscriminatedUnions(defs) as Record<string, Record<string, unknown>>;
  assert.deepEqual(marked['Disjoint']?.['discriminator'], { propertyName: 'status' });
  assert.equal(marked['Overlapping']?.['discriminator'], undefined);
  assert.equal(marked['Unrequired']?.['discriminator'], undefined);
});
