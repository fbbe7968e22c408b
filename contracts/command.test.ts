import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/target.ts';
import { runConfigFromFlags } from './command.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const base = { apiKeyEnv: 'SEGMIND_API_KEY', out: 'reports/latest/contracts' };

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

test('bad flags are usage errors that name the flag', () => {
  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ target: 'ftp://x' }, /--target/],
    [{ models: 'sd1.5-nope' }, /--models/],
    [{ rpm: '0' }, /--rpm/],
    [{ rpm: 'fast' }, /--rpm/],
    [{ maxBillable: '-1' }, /--max-billable/],
    [{ maxBillable: '1.5' }, /--max-billable/],
    [{ record: 'a', replay: 'b' }, /--record and --replay/],
    [{ replay: '/nonexistent/recording' }, /--replay/],
    [{ replay: '/tmp', target: 'mock' }, /leave out --target/],
    [{ grep: '(' }, /--grep/],
    [{ failPrompt: ' ' }, /--fail-prompt/],
    [{ target: 'live' }, /SEGMIND_API_KEY/],
  ];
  for (const [flags, message] of bad) {
    assert.throws(() => runConfigFromFlags({ ...base, ...flags }, {}), (err: unknown) => err instanceof UsageError && message.test(err.message), JSON.stringify(flags));
  }
});

test('a URL target reads its key from the named variable and never puts it in the run config', () => {
  const { config } = runConfigFromFlags({ ...base, target: 'http://127.0.0.1:9/v1', apiKeyEnv: 'MY_KEY', maxBillable: '2' }, { MY_KEY: 'SG_0011223344556677' });
  assert.deepEqual(config.target, { kind: 'url', baseUrl: 'http://127.0.0.1:9', apiKeyEnv: 'MY_KEY' });
  assert.equal(config.maxBillable, 2);
  assert.ok(!JSON.stringify(config).includes('SG_0011223344556677'));
});

test('the CLI answers a bad flag with one line and exit 2', async () => {
  const { code, stderr } = await cli(['contracts', '--models', 'sd1.5-nope']);
  assert.equal(code, 2);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, /--models/);
});

test('against a server that ignores auth the command exits 1, says it runs free checks only, and lists the failure', async () => {
  // A "vendor" that answers every request 200 {} — never a 401.
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const out = mkdtempSync(join(tmpdir(), 'infercheck-contracts-'));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { code, stdout } = await cli(['contracts', '--target', url, '--api-key-env', 'TEST_VENDOR_KEY', '--grep', '^auth/missing-key/v1/', '--out', out], { TEST_VENDOR_KEY: 'SG_99aa88bb77cc66dd' });
    assert.equal(code, 1, stdout);
    assert.match(stdout, /free \(4xx\) checks only/);
    assert.match(stdout, /ran \d+ cases/);
    assert.ok(!stdout.includes('SG_99aa88bb77cc66dd'), 'the key reached the output');
    const failures = JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8')) as Array<{ check: string }>;
    assert.ok(failures.some((f) => f.check === 'missing-key-401'));
    for (const file of ['outcomes.json', 'junit.xml', 'playwright.json', 'html/index.html']) assert.ok(existsSync(join(out, file)), `${file} missing`);
    assert.ok(!readFileSync(join(out, 'playwright.json'), 'utf8').includes('SG_99aa88bb77cc66dd'));
  } finally {
    server.close();
  }
});

test('against the mock the command exits 0 and prints the per-check table', async () => {
  const out = mkdtempSync(join(tmpdir(), 'infercheck-contracts-'));
  const { code, stdout } = await cli(['contracts', '--grep', '^(transport|auth)/', '--out', out]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /contracts: ran \d+ cases against mock/);
  assert.match(stdout, /PASS\s+missing-key-401/);
  assert.match(stdout, /SKIP\s+rate-limit-429/);
});
