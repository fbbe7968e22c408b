// The config file: found upwards, checked before anything runs (one line, exit 2, nothing touched), overridden by
// flags, and never a place for a key.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { configOptions, findConfigFile, readConfigFile } from './config.ts';
import { UsageError } from './target.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'infercheck-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, file: string, text: string): { dir: string; sub: string } {
  const dir = join(root, name);
  const sub = join(dir, 'a', 'b');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(dir, file), text);
  return { dir, sub };
}

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('found from the working directory upwards; paths are relative to the file; each setting reaches its flags', () => {
  const { dir, sub } = project('found', 'infercheck.config.yaml', 'target: live\napiKeyEnv: MY_KEY\nmodels: [sd1.5-scifi]\nmaxBillable: 5\nobjectives: slo.yaml\nout: runs/nightly\nstrict: true\n');
  assert.equal(findConfigFile(sub), join(dir, 'infercheck.config.yaml'));
  const { config } = readConfigFile(join(dir, 'infercheck.config.yaml'));
  assert.equal(config.objectives, join(dir, 'slo.yaml'));
  assert.deepEqual(Object.fromEntries(configOptions('contracts', config)), { target: 'live', apiKeyEnv: 'MY_KEY', models: 'sd1.5-scifi', maxBillable: '5', out: join(dir, 'runs/nightly/contracts'), strict: true });
  assert.deepEqual(Object.fromEntries(configOptions('run', config)), { sla: join(dir, 'slo.yaml'), out: join(dir, 'runs/nightly'), strict: true });
  assert.deepEqual(Object.fromEntries(configOptions('report', config)), { sla: join(dir, 'slo.yaml'), in: join(dir, 'runs/nightly'), strict: true });
  assert.deepEqual(configOptions('gate', config), []);
});

test('flags override the file', () => {
  const { sub } = project('override', 'infercheck.config.json', JSON.stringify({ models: ['sd1.5-scifi'] }));
  const fromFile = cli(sub, 'contracts', '--list');
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.ok(fromFile.stdout.includes('sd1.5-scifi') && !fromFile.stdout.includes('sd1.5-epicrealism'));
  const fromFlag = cli(sub, 'contracts', '--list', '--models', 'sd1.5-epicrealism');
  assert.ok(fromFlag.stdout.includes('sd1.5-epicrealism') && !fromFlag.stdout.includes('sd1.5-scifi'));
});

test('a bad file is one line naming the file and the setting, exit 2, before anything is touched', () => {
  const cases: [string, string, RegExp][] = [
    ['typo', 'targte: mock\n', /^infercheck: infercheck\.config\.yaml: unknown key "targte" \(known: target, apiKeyEnv, models, maxBillable, objectives, out, strict\)$/],
    ['model', 'models: [sd3]\n', /^infercheck: infercheck\.config\.yaml: models\[0\]: unknown model \(known: sd1\.5-scifi, sd1\.5-epicrealism\)$/],
    ['budget', 'maxBillable: -1\n', /maxBillable must be a whole number ≥ 0$/],
    ['target', 'target: ftp://x\n', /target must be mock, live or an http\(s\) URL$/],
    ['yaml', 'models: [\n', /infercheck\.config\.yaml: cannot be read as YAML/],
  ];
  for (const [name, text, message] of cases) {
    const { sub } = project(`bad-${name}`, 'infercheck.config.yaml', text);
    const out = join(sub, 'out');
    const run = cli(sub, 'load', '--out', out);
    assert.equal(run.status, 2, name);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr.trim(), message, name);
    assert.equal(existsSync(out), false, `${name}: nothing touched`);
  }
});

test('never a key in it: a key-shaped setting or value is refused without printing it', () => {
  const key = 'SG_3f9a0c1d2e4b5a6978';
  for (const text of [`apiKey: ${key}\n`, `apiKeyEnv: ${key}\n`, `target: mock\ntoken: ${key}\n`]) {
    const file = join(project(`secret-${text.length}-${text.slice(0, 4)}`, 'infercheck.config.yaml', text).dir, 'infercheck.config.yaml');
    assert.throws(() => readConfigFile(file), (err: unknown) => err instanceof UsageError && /looks like an API key/.test(err.message) && !err.message.includes(key));
  }
  const { dir } = project('secret-cli', 'infercheck.config.yaml', `apiKey: ${key}\n`);
  const run = cli(dir, 'contracts', '--list');
  assert.equal(run.status, 2);
  assert.ok(!run.stderr.includes(key) && !run.stdout.includes(key));
  // the name of the variable is what belongs there
  assert.doesNotThrow(() => readConfigFile(join(project('name-ok', 'infercheck.config.yaml', 'apiKeyEnv: INFERCHECK_NIGHTLY_SEGMIND_API_KEY_2\n').dir, 'infercheck.config.yaml')));
  const token = 'a81f0c3e9b7d4f2a6c5e1b0d9f8a7c6e';
  assert.throws(() => readConfigFile(join(project('token', 'infercheck.config.json', JSON.stringify({ target: 'mock', out: token })).dir, 'infercheck.config.json')), /out looks like an API key/);
});
