// The build's rules on scratch input: which files travel beside the compiled code, which imports the installed
// package could not satisfy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDist, isAsset, modulesNamedIn, packageOf, specifiersIn } from './build.ts';

test('assets: data, plain JavaScript and declarations travel; sources, docs and tests do not', () => {
  for (const name of ['results.schema.json', 'objectives.default.yaml', 'embedded-mock-thread.mjs', 'validators.d.mts', 'jstat-module.d.ts', 'config.schema.json']) assert.ok(isAsset(name), name);
  for (const name of ['run.ts', 'README.md', 'sdk-interop.py', 'report.spec.ts', 'x.test.mjs', 'y.test.json']) assert.ok(!isAsset(name), name);
});

test('imports: TypeScript\'s scanner finds real ones only, and a package is named by its first segment(s)', () => {
  const code = `// import x from 'not-an-import'\nimport a from 'commander';\nexport { b } from './b.js';\nconst c = await import('@playwright/test/reporter');\nconst d = require('ajv/dist/runtime/equal');\nconst s = "from 'nope'";`;
  assert.deepEqual(specifiersIn(code).sort(), ['./b.js', '@playwright/test/reporter', 'ajv/dist/runtime/equal', 'commander']);
  assert.equal(packageOf('@playwright/test/reporter'), '@playwright/test');
  assert.equal(packageOf('ajv/dist/2020.js'), 'ajv');
  assert.equal(packageOf('node:fs'), undefined);
  assert.equal(packageOf('./x.js'), undefined);
});

test('the output check names a .ts import, a dev-only package and a module without its .d.ts', () => {
  const dist = mkdtempSync(join(tmpdir(), 'infercheck-dist-'));
  mkdirSync(join(dist, 'core'));
  writeFileSync(join(dist, 'core', 'ok.js'), "import { readFileSync } from 'node:fs';\nimport { Command } from 'commander';\nimport path from 'path';\nexport const x = 1;\n");
  writeFileSync(join(dist, 'core', 'ok.d.ts'), 'export declare const x = 1;\n');
  assert.deepEqual(checkDist(dist), []);
  writeFileSync(join(dist, 'core', 'bad.js'), "import './other.ts';\nimport { tinybench } from 'tinybench';\n");
  const problems = checkDist(dist);
  assert.ok(problems.some((p) => /bad\.js: no .*bad\.d\.ts/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /imports the TypeScript file \.\/other\.ts/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /tinybench is not in package\.json "dependencies"/.test(p)), problems.join('\n'));
});

test('modules handed to another program by file name are found where the code names them', () => {
  const code = "const CONFIG = ownModule('./playwright.config.ts', import.meta.url);\nconst BIN = FROM_SOURCES ? x : ownModule( '../cli/bin.ts' , import.meta.url );\nownModule(name, import.meta.url);";
  assert.deepEqual(modulesNamedIn('/repo/contracts/command.ts', code), ['/repo/contracts/playwright.config.ts', '/repo/cli/bin.ts']);
});
