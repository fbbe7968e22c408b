// The CI recipes of docs/ci.md, run as written: every `npx infercheck …` line (and the shell lines beside them) of the
// page, in order, in an empty folder. Two substitutions, and only these: `--target live` points at a local mock
// (`infercheck mock`, its key in SEGMIND_API_KEY), and the load run is shortened (`--duration 3s`, `--rate 10`) on a
// mock with a fixed service time, so the gate compares two runs that differ only by noise.
// Each command must exit 0 — except the gate, which must reach a verdict (0 or 1, gate.md written): two runs on a
// shared, loaded machine may truly differ, and judging that is the gate's job, not a fault of the recipe. The files
// the recipes upload must be there, with one junit.xml per run folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { DEFAULT_DEV_KEY } from '../mock/index.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));
const PAGE = readFileSync(fileURLToPath(new URL('./ci.md', import.meta.url)), 'utf8');

/** The commands of the page's code blocks, in order: yaml `- run:` / `- ` prefixes and `|| failed=$?` taken off. */
export function recipeCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:bash|yaml)\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.trim().replace(/^- (run: )?/, '').replace(/\s+\|\| failed=\$\?$/, '').replace(/\s+#.*$/, ''))
      .filter((line) => /^(npx infercheck|mkdir|cp) /.test(line)),
  );
}

const work = mkdtempSync(join(tmpdir(), 'infercheck-ci-recipes-'));
let mock: ChildProcess | undefined;
after(() => {
  mock?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

async function startMock(): Promise<string> {
  mock = spawn(process.execPath, [BIN, 'mock', '--profile', 'ci', '--service-time', 'fixed:200', '--workers', '4', '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const line = await new Promise<string>((resolve, reject) => {
    mock!.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    mock!.once('exit', () => reject(new Error('the mock exited')));
  });
  return (JSON.parse(line) as { url: string }).url;
}

test('the page names the four jobs: replay on push, a live run with a budget, the gate, the uploads', () => {
  const commands = recipeCommands(PAGE);
  assert.ok(commands.some((c) => /contracts --replay /.test(c)), 'contracts replayed on push');
  assert.ok(commands.some((c) => /--target live .*--max-billable \d+/.test(c)), 'a live run with a budget');
  assert.ok(commands.some((c) => /^npx infercheck gate --baseline /.test(c)), 'the regression gate');
  assert.match(PAGE, /upload-artifact[\s\S]*index\.html[\s\S]*junit\.xml/);
  assert.match(PAGE, /reports:\n\s+junit: /);
});

test('every command of the recipes runs, in order, and exits 0', { timeout: 240_000 }, async () => {
  const url = await startMock();
  const seen = new Set<string>();
  for (const command of recipeCommands(PAGE)) {
    if (seen.has(command)) continue; // GitHub's and GitLab's jobs run the same commands: once is enough here
    seen.add(command);
    const local = command
      .replace(/^npx infercheck /, `"${process.execPath}" "${BIN}" `)
      .replace(/--target live/g, `--target ${url}`)
      .replace(/--duration \S+/g, '--duration 3s')
      .replace(/--rate \S+/g, '--rate 10');
    const run = spawnSync('bash', ['-c', local], { cwd: work, encoding: 'utf8', env: { ...process.env, SEGMIND_API_KEY: DEFAULT_DEV_KEY, NO_COLOR: '1', CI: 'true' } });
    const verdicts = / gate /.test(command) ? [0, 1] : [0];
    assert.ok(verdicts.includes(run.status!), `${command} exited ${run.status}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
    if (/ gate /.test(command)) assert.match(run.stdout, /^gate: (✅ no regression|❌ regression) — \d+ rows tested/m, 'the gate tested the rows and reached a verdict');
  }
  for (const file of ['reports/push/contracts/junit.xml', 'reports/push/contracts/html', 'reports/nightly/index.html', 'reports/nightly/junit.xml', 'reports/nightly/results.json', 'reports/nightly/gate.md']) {
    assert.ok(existsSync(join(work, file)), `${file} (an upload of the recipes)`);
  }
  // one JUnit file per run folder: the nightly folder's covers the checks and the objectives, and nothing else has one
  const junits = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? junits(path) : name === 'junit.xml' ? [path] : [];
    });
  assert.deepEqual(junits(join(work, 'reports', 'nightly')), [join(work, 'reports', 'nightly', 'junit.xml')]);
  const junit = readFileSync(join(work, 'reports', 'nightly', 'junit.xml'), 'utf8');
  assert.match(junit, /<testsuite name="contracts" [^>]*timestamp="[^"]+" time="[\d.]+">/);
  assert.match(junit, /<testsuite name="slo" [^>]*timestamp="[^"]+" time="[\d.]+">/);
});
