// `infercheck mock` as a user runs it: one line with the base URL, serving, a clean stop on SIGTERM / SIGINT, and
// one-line usage errors with exit 2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEV_KEY } from './index.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));

function startCli(args: string[]): Promise<{ url: string; line: string; stop(signal: NodeJS.Signals): Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'mock', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
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

  it('bad flags are one-line usage errors with exit 2', () => {
    for (const args of [['--workers', '0'], ['--profile', 'fast'], ['--service-time', 'exp:'], ['--rpm', '-1'], ['--burst', '500:1:1'], ['--error-rate', '2']]) {
      const run = spawnSync(process.execPath, [BIN, 'mock', ...args], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^infercheck: /);
    }
  });
});
