// The CLI's error policy: unknown commands and flags are one line on stderr and exit 2; --help lists the commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('--help lists every command', () => {
  const out = run('--help');
  assert.equal(out.status, 0);
  for (const command of ['mock', 'contracts', 'load', 'run', 'report', 'gate']) {
    assert.match(out.stdout, new RegExp(`^\\s+${command}\\b`, 'm'), command);
  }
});

test('an unknown command is one line and exit 2', () => {
  const out = run('frobnicate');
  assert.equal(out.status, 2);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  assert.match(out.stderr, /^infercheck: unknown command 'frobnicate'/);
});

test('an unknown flag is one line and exit 2, on the top level and on a command', () => {
  for (const args of [['--frob'], ['contracts', '--frob'], ['load', '--no-such-flag']]) {
    const out = run(...args);
    assert.equal(out.status, 2, args.join(' '));
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.match(out.stderr, /^infercheck: unknown option/);
  }
});
