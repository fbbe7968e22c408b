// scripts/setup says in one line what to install when a prerequisite is missing, and is idempotent when nothing is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipWithout } from '../core/testing/setup-tools.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SETUP = join(ROOT, 'scripts/setup');

/** A PATH holding only the named tools (links to the real ones), so the others look missing. */
function pathWith(tools: readonly string[]): string {
  const bin = mkdtempSync(join(tmpdir(), 'infercheck-path-'));
  for (const tool of tools) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(bin, tool));
  }
  return `${bin}:${dirname(process.execPath)}`;
}

test('on a machine without Go, setup needs nothing but Node and npm (the load engine is TypeScript)', { skip: !existsSync(join(ROOT, 'node_modules/.infercheck-lock')) && 'run ./scripts/setup once first' }, () => {
  const tools = mkdtempSync(join(tmpdir(), 'infercheck-tools-'));
  mkdirSync(join(tools, 'bin'));
  const path = pathWith(['bash', 'sha256sum', 'cut', 'cat', 'awk', 'mkdir', 'dirname', 'npm']);
  assert.equal(spawnSync('bash', ['-c', 'command -v go'], { encoding: 'utf8', env: { PATH: path, HOME: tools } }).status, 1, 'go is not on this PATH');
  const out = spawnSync('bash', [SETUP], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { PATH: path, HOME: tools, INFERCHECK_TOOLS: tools, INFERCHECK_SKIP_BROWSER: '1', INFERCHECK_SKIP_PYTHON: '1' },
  });
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /npm packages: up to date/);
  assert.match(out.stdout, /setup: ready/);
  assert.doesNotMatch(out.stdout + out.stderr, /\bgo\b|k6/i);
});

test('without Node, setup stops with one line saying to install it', () => {
  const tools = mkdtempSync(join(tmpdir(), 'infercheck-tools-'));
  const bin = mkdtempSync(join(tmpdir(), 'infercheck-bin-'));
  symlinkSync(spawnSync('bash', ['-c', 'command -v dirname'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'dirname'));
  const out = spawnSync('/bin/bash', [SETUP], { encoding: 'utf8', cwd: ROOT, env: { PATH: bin, HOME: tools, INFERCHECK_TOOLS: tools } });
  assert.equal(out.status, 1);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  assert.match(out.stderr, /^setup: Node\.js is missing/);
});

test('where a tool for the project\'s own tests cannot be installed, setup says so in one line, carries on, and the test that needs it is skipped with that reason', { skip: !existsSync(join(ROOT, 'node_modules/.infercheck-lock')) && 'run ./scripts/setup once first' }, () => {
  const tools = mkdtempSync(join(tmpdir(), 'infercheck-tools-'));
  mkdirSync(join(tools, 'bin'));
  // no python3 on this PATH (node alone, not the folder it lives in, which may hold one); Chromium skipped by request
  const bin = pathWith(['bash', 'sha256sum', 'cut', 'cat', 'awk', 'mkdir', 'dirname', 'npm', 'rm']).split(':')[0]!;
  symlinkSync(process.execPath, join(bin, 'node'));
  const path = bin;
  const out = spawnSync('bash', [SETUP], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { PATH: path, HOME: tools, INFERCHECK_TOOLS: tools, INFERCHECK_SKIP_BROWSER: '1' },
  });
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /^setup: python-sdk: not installed — python3 is missing .*the SDK interop test is skipped$/m);
  assert.match(out.stdout, /^setup: chromium: not installed — INFERCHECK_SKIP_BROWSER=1 at setup/m);
  assert.match(out.stdout, /setup: ready/);
  assert.match(String(skipWithout('python-sdk', tools)), /^python-sdk not installed: python3 is missing/);
  // a machine where setup never said it could not install the tool does not skip: the test runs (and says to run setup)
  assert.equal(skipWithout('python-sdk', mkdtempSync(join(tmpdir(), 'infercheck-tools-'))), false);
});
