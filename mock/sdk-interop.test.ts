// Must show: the seed pages' own Python code, with the official `segmind` SDK from the project venv, runs unchanged
// against the mock (ci profile, ephemeral port): segmind.run(...) returns COMPLETED with output and
// metrics.inference_time, submit_async(...).wait(...) returns, and a content-policy prompt raises InferenceFailed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEV_KEY, startMock, type RunningMock } from './index.ts';
import { redactText } from '../core/redact.ts';
import { SDK_PYTHON, skipWithout } from '../core/testing/setup-tools.ts';

const PYTHON = SDK_PYTHON;
const SCRIPT = fileURLToPath(new URL('./sdk-interop.py', import.meta.url));
const RAI_WORD = 'forbiddenzone';

interface ScenarioLine {
  scenario: string;
  [key: string]: unknown;
}

function runScript(baseUrl: string): Promise<{ code: number | null; lines: ScenarioLine[]; stderr: string; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SEGMIND_API_KEY: DEFAULT_DEV_KEY, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) delete env[name];
  const child = spawn(PYTHON, [SCRIPT, baseUrl, RAI_WORD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{"scenario"'))
        .map((line) => JSON.parse(line) as ScenarioLine);
      resolve({ code, lines, stderr, stdout });
    });
  });
}

// Skipped, with setup's reason, only where scripts/setup could not install the SDK (core/testing/setup-tools.ts).
describe('official Python SDK against the mock', { skip: skipWithout('python-sdk') }, () => {
  let mock: RunningMock;
  before(async () => {
    if (!existsSync(PYTHON)) throw new Error(`no project venv at ${PYTHON}: run ./scripts/setup first (it installs the segmind SDK)`);
    mock = await startMock({ profile: 'ci', raiBlock: [RAI_WORD] });
  });
  after(() => mock?.close());

  it('the seed page code: run() COMPLETED, submit_async().wait() returns, RAI block raises InferenceFailed', async () => {
    const run = await runScript(mock.url);
    const by = Object.fromEntries(run.lines.map((line) => [line.scenario, line]));
    assert.equal(run.code, 0, `python exited ${run.code}\n${redactText(run.stderr.slice(-2000), [DEFAULT_DEV_KEY])}`);
    const ran = by['run'];
    assert.ok(ran, run.stdout);
    assert.equal(ran['status'], 'COMPLETED');
    assert.match(String(ran['output']), new RegExp(`^${mock.url}/images/[0-9a-f-]{36}/0\\.jpg$`));
    assert.equal(typeof ran['inference_time'], 'number');
    const waited = by['submit_async'];
    assert.equal(waited?.['status'], 'COMPLETED');
    const blocked = by['rai_block'];
    assert.equal(blocked?.['raised'], 'InferenceFailed');
    assert.match(String(blocked?.['detail']), /content_policy_violation/);
    assert.match(String(blocked?.['detail']), new RegExp(RAI_WORD));
    // ground truth agrees: three v2 jobs, one failed
    const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as { counters: { submitted: number; failed: number; completed: number } };
    assert.equal(stats.counters.submitted, 3);
    assert.equal(stats.counters.failed, 1);
    assert.equal(stats.counters.completed, 2);
  });
});
