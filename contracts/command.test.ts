import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractFailure } from '../core/result-files.ts';
import { RUN_MARKER } from '../core/run-folder.ts';
import { UsageError } from '../core/target.ts';
import { runConfigFromFlags } from './command.ts';
import { ENV, fromEnv, toEnv } from './run-config.ts';

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

test('--strict reaches the engine and, by the environment, the Playwright suite; without it findings fail nothing', () => {
  const { config } = runConfigFromFlags({ ...base, strict: true }, {});
  assert.equal(config.strict, true);
  const env = toEnv(config);
  assert.equal(env[ENV.strict], '1');
  assert.equal(fromEnv(env).strict, true);
  assert.equal(fromEnv({ [ENV.strict]: 'true' }).strict, true, 'by hand: INFERCHECK_CONTRACTS_STRICT=true works too');
  const plain = runConfigFromFlags(base, {}).config;
  assert.equal(plain.strict, undefined);
  assert.equal(fromEnv(toEnv(plain)).strict, undefined);
});

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

test('against a server that ignores auth the command exits 1, says nothing billable is sent, and lists the failure with a runnable curl', async () => {
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
    assert.match(stdout, /nothing that could be billed is sent/);
    assert.match(stdout, /ran \d+ cases/);
    assert.ok(!stdout.includes('SG_99aa88bb77cc66dd'), 'the key reached the output');
    const failures = JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8')) as ContractFailure[];
    const missingKey = failures.find((f) => f.check === 'missing-key-401')!;
    assert.ok(missingKey, 'no missing-key-401 failure');
    // Every failure carries its reproducer: a runnable curl (no key: this probe sends none) and the case to re-run.
    assert.ok(failures.every((f) => f.reproducer?.curl?.startsWith('curl ') && f.reproducer.rerun.includes('--grep')), JSON.stringify(failures.map((f) => f.reproducer)));
    assert.deepEqual(missingKey.reproducer!.caseIds, ['auth/missing-key/v1/sd1.5-scifi']);
    assert.equal(missingKey.reproducer!.rerun, `infercheck contracts --target ${url} --api-key-env TEST_VENDOR_KEY --max-billable 0 --grep '^auth/missing-key/v1/sd1\\.5-scifi$'`);
    assert.match(stdout, /re-run: infercheck contracts .*--grep/);
    assert.ok(stdout.includes(missingKey.reproducer!.curl!), 'the console shows the curl');
    // … and it is runnable: the same request, sent by curl, gets the same wrong answer.
    const replayed = await promisify(execFile)('sh', ['-c', missingKey.reproducer!.curl!], { env: { ...process.env, TEST_VENDOR_KEY: 'SG_99aa88bb77cc66dd' }, encoding: 'utf8' });
    assert.match(replayed.stdout, /^HTTP\/1\.1 200/);
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

test('--out follows the run-folder rule: a foreign folder is refused untouched, a previous run is replaced only once this one is written', async () => {
  const foreign = mkdtempSync(join(tmpdir(), 'infercheck-contracts-foreign-'));
  writeFileSync(join(foreign, 'package.json'), '{}');
  const refused = await cli(['contracts', '--grep', '^auth/', '--out', foreign]);
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(refused.stderr, /^infercheck: --out .* holds files infercheck did not write \(package\.json\)/);
  assert.deepEqual(readdirSync(foreign), ['package.json']);

  const out = mkdtempSync(join(tmpdir(), 'infercheck-contracts-again-'));
  writeFileSync(join(out, 'outcomes.json'), '{"previous":true}');
  writeFileSync(join(out, 'spend.ndjson'), '{"previous":true}\n');
  const bad = await cli(['contracts', '--target', 'http://127.0.0.1:9', '--api-key-env', 'IC_EMPTY_KEY', '--out', out], { IC_EMPTY_KEY: '' });
  assert.equal(bad.code, 2, bad.stdout + bad.stderr);
  assert.equal(readFileSync(join(out, 'outcomes.json'), 'utf8'), '{"previous":true}', 'a usage error kept the previous run');
  const run = await cli(['contracts', '--grep', '^auth/missing-key/', '--out', out]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal((JSON.parse(readFileSync(join(out, 'outcomes.json'), 'utf8')) as { schema: string }).schema, 'infercheck/contract-outcomes@1');
  assert.doesNotMatch(readFileSync(join(out, 'spend.ndjson'), 'utf8'), /previous/, 'its own ledger, the previous one removed with the rest');
  assert.ok(existsSync(join(out, RUN_MARKER)));
  assert.ok(!readdirSync(out).some((name) => name.startsWith('.infercheck-previous')), 'nothing left aside');
});
