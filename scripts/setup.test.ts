// scripts/setup says in one line what to install when a prerequisite is missing, and is idempotent when nothing is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

test('without Go, setup stops with one line saying to install Go', { skip: !existsSync(join(ROOT, 'node_modules/.infercheck-lock')) && 'run ./scripts/setup once first' }, () => {
  const tools = mkdtempSync(join(tmpdir(), 'infercheck-tools-'));
  mkdirSync(join(tools, 'bin'));
  const out = spawnSync('bash', [SETUP], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { PATH: pathWith(['bash', 'sha256sum', 'cut', 'cat', 'awk', 'mkdir', 'dirname']), HOME: tools, INFERCHECK_TOOLS: tools, INFERCHECK_SKIP_BROWSER: '1', INFERCHECK_SKIP_PYTHON: '1' },
  });
  assert.equal(out.status, 1, out.stdout + out.stderr);
  const errors = out.stderr.trim().split('\n');
  assert.equal(errors.length, 1, out.stderr);
  assert.match(errors[0]!, /^setup: Go is missing: install Go/);
});

test('with everything present, setup changes nothing and reports the pinned k6', { skip: !existsSync(join(ROOT, '.tools/bin/k6')) && 'run ./scripts/setup once first' }, () => {
  const out = spawnSync('bash', [SETUP], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, INFERCHECK_SKIP_BROWSER: '1', INFERCHECK_SKIP_PYTHON: '1' } });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /npm packages: up to date/);
  assert.match(out.stdout, /k6 v1\.8\.1: present/);
  assert.match(out.stdout, /setup: k6 v1\.8\.1 \(go/);
});
