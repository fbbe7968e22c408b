// `infercheck mock` as a user runs it: one line with the base URL, serving, a clean stop on SIGTERM / SIGINT, and
// one-line usage errors with exit 2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEV_KEY } from './index.ts';
import { apiKeysFrom, optionsFromFlags } from './command.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));

function startCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; line: string; stderr(): string; stop(signal: NodeJS.Signals): Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'mock', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line; stdout=${out}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving; stdout=${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match && out.includes('\n')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({
          url: match[0],
          line: out,
          stderr: () => err,
          stop: (signal) =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill(signal);
            }),
        });
      }
    });
  });
}

describe('infercheck mock (CLI)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints one line with the base URL, serves, and stops cleanly on ${signal}`, async () => {
      const cli = await startCli(['--profile', 'ci', '--workers', '3', '--rai-block', 'a', '--rai-block', 'b', '--rpm', '100']);
      try {
        assert.equal(cli.line.trim().split('\n').length, 1);
        assert.ok(!cli.line.includes(DEFAULT_DEV_KEY), 'the key is never printed');
        const stats = (await (await fetch(`${cli.url}/__mock/stats`)).json()) as { workers: number };
        assert.equal(stats.workers, 3);
        const config = (await (await fetch(`${cli.url}/__mock/config`)).json()) as { raiBlock: string[]; rpm: number };
        assert.deepEqual(config.raiBlock, ['a', 'b']);
        assert.equal(config.rpm, 100);
        const credits = await fetch(`${cli.url}/v1/get-user-credits`, { headers: { 'x-api-key': DEFAULT_DEV_KEY } });
        assert.equal(credits.status, 200);
      } finally {
        assert.equal(await cli.stop(signal), 0);
      }
    });
  }

  it('keys from INFERCHECK_MOCK_API_KEY or --api-key-file replace the dev key, and are never printed', async () => {
    const fromEnv = ['SG_aaaaaaaaaaaaaaaa', 'SG_bbbbbbbbbbbbbbbb'];
    const dir = mkdtempSync(join(tmpdir(), 'infercheck-keys-'));
    const file = join(dir, 'keys');
    writeFileSync(file, '# CI keys\nSG_cccccccccccccccc\n\n  SG_dddddddddddddddd  \n');
    const credits = (url: string, key: string): Promise<number> => fetch(`${url}/v1/get-user-credits`, { headers: { 'x-api-key': key } }).then((r) => r.status);
    try {
      for (const [args, env, accepted] of [
        [[], { ...process.env, INFERCHECK_MOCK_API_KEY: fromEnv.join(',') }, fromEnv],
        [['--api-key-file', file], { ...process.env, INFERCHECK_MOCK_API_KEY: fromEnv[0] }, ['SG_cccccccccccccccc', 'SG_dddddddddddddddd']],
      ] as const) {
        const cli = await startCli(['--profile', 'ci', ...args], env);
        try {
          for (const key of accepted) assert.equal(await credits(cli.url, key), 200);
          assert.equal(await credits(cli.url, DEFAULT_DEV_KEY), 401, 'the dev key is replaced');
          assert.match(cli.line, /2 API keys from (INFERCHECK_MOCK_API_KEY|--api-key-file)/);
          for (const key of [...fromEnv, ...accepted]) assert.ok(!cli.line.includes(key) && !cli.stderr().includes(key), 'a key is never printed');
        } finally {
          assert.equal(await cli.stop('SIGTERM'), 0);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('key sources: the flag for local use wins over the environment; bad sources are usage errors that name no key', () => {
    const env = { INFERCHECK_MOCK_API_KEY: ' SG_aaaaaaaaaaaaaaaa , ' };
    assert.deepEqual(apiKeysFrom({}, env), { keys: ['SG_aaaaaaaaaaaaaaaa'], from: 'INFERCHECK_MOCK_API_KEY' });
    assert.deepEqual(apiKeysFrom({ apiKey: ['SG_eeeeeeeeeeeeeeee'] }, env), { keys: ['SG_eeeeeeeeeeeeeeee'], from: '--api-key' });
    assert.deepEqual(apiKeysFrom({}, {}), { keys: undefined, from: 'the default dev key' });
    assert.throws(() => apiKeysFrom({ apiKey: ['SG_eeeeeeeeeeeeeeee'], apiKeyFile: '/nonexistent' }, {}), /either --api-key or --api-key-file/);
    assert.throws(() => apiKeysFrom({ apiKeyFile: '/nonexistent/keys' }, {}), /^UsageError: --api-key-file: cannot read \/nonexistent\/keys \(ENOENT\)$/);
    const flags = { port: '0', host: '127.0.0.1', workers: '2', profile: 'ci', seed: '1', retentionS: '3600', credits: '1000', rpm: '0', maxQueueDepth: '1000', maxBodyBytes: '262144' };
    assert.throws(
      () => optionsFromFlags(flags, { INFERCHECK_MOCK_API_KEY: 'SG_secret with space' }),
      (err: Error) => !err.message.includes('SG_secret') && /api key/.test(err.message),
    );
    for (const bad of [{ maxConnections: '0' }, { headerTimeoutMs: '5' }, { keepAliveTimeoutMs: 'x' }]) {
      assert.throws(() => optionsFromFlags({ ...flags, ...bad }, {}), (err: Error) => err.name === 'UsageError', JSON.stringify(bad));
    }
    assert.deepEqual(optionsFromFlags({ ...flags, headerTimeoutMs: '500', keepAliveTimeoutMs: '800', maxConnections: '64' }, {}), {
      ...optionsFromFlags(flags, {}),
      headerTimeoutMs: 500,
      keepAliveTimeoutMs: 800,
      maxConnections: 64,
    });
  });

  it('bad flags are one-line usage errors with exit 2', () => {
    for (const args of [
      ['--workers', '0'],
      ['--profile', 'fast'],
      ['--service-time', 'exp:'],
      ['--rpm', '-1'],
      ['--burst', '500:1:1'],
      ['--error-rate', '2'],
      ['--api-key-file', '/nonexistent/keys'],
    ]) {
      const run = spawnSync(process.execPath, [BIN, 'mock', ...args], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^infercheck: /);
    }
  });
});
