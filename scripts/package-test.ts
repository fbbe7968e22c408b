// npm run test:package — infercheck as a user gets it: `npm pack` (which builds dist/ from scratch: scripts/build.ts),
// the tarball installed into an empty project with --omit=dev, and every command run from there in plain Node:
// `run` (the main job, on the embedded mock) to a PASS; then `mock`, `contracts` against that mock as a URL target,
// `load`, and `report` and `gate` on the run's folder; the programmatic API, and its types as a TypeScript user sees
// them. Prints the tarball's files and size, the installed size and package count, and how long it took.
// Dependencies come from npm's cache where it has them (--prefer-offline: what `npm ci` installed from the lock); the
// registry is asked only for the rest, and the versions the lock never saw are named.
// Each step reads the result files, not the console's wording: the files are the interface.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const say = (line: string): void => console.log(`package: ${line}`);
const seconds = (since: number): string => `${Math.round((Date.now() - since) / 1000)} s`;

class Failed extends Error {}
function fail(message: string, output?: string): never {
  if (output) process.stderr.write(`${output.trim().split('\n').slice(-30).join('\n')}\n`);
  throw new Failed(message);
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs a command of the installed package the way a user does (npx, no install), and fails unless it exits 0. */
function npx(app: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const out = run('npx', ['--no-install', 'infercheck', ...args], app, env);
  const text = out.stdout + out.stderr;
  if (out.status !== 0) fail(`npx infercheck ${args.join(' ')} exited ${out.status ?? out.signal}`, text);
  return text;
}

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

interface Outcomes {
  readonly cases: number;
  readonly checks: ReadonlyArray<{ readonly passed: number; readonly failed: number }>;
  readonly infercheckVersion?: string;
}

function checksText(file: string): string {
  const o = json<Outcomes>(file);
  const failed = o.checks.filter((c) => c.failed > 0).length;
  const passed = o.checks.filter((c) => c.failed === 0 && c.passed > 0).length;
  return `${o.checks.length} checks: ${passed} passed, ${failed} failed, ${o.checks.length - passed - failed} skipped; ${o.cases} cases`;
}

function duMb(path: string): number {
  return Number(run('du', ['-sm', path], ROOT).stdout.split('\t')[0]);
}

async function main(): Promise<void> {
  const version = json<{ version: string }>(join(ROOT, 'package.json')).version;
  const work = mkdtempSync(join(tmpdir(), 'infercheck-package-'));
  let mock: ReturnType<typeof spawn> | undefined;
  try {
    // 1. The tarball, built fresh: the compiled code, its types, README and LICENSE — no tests, fixtures, benches,
    //    scripts or TypeScript sources (contracts.spec.js is the contract suite Playwright runs: it ships).
    const pack = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT);
    if (pack.status !== 0) fail('npm pack failed', pack.stdout + pack.stderr);
    const tarball = join(work, pack.stdout.trim().split('\n').pop()!);
    const listing = run('tar', ['-tzf', tarball], ROOT).stdout.trim().split('\n');
    say(`tarball ${tarball.split('/').pop()}: ${listing.length} files, ${Math.round(statSync(tarball).size / 1024)} kB packed`);
    for (const needed of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/bin.js', 'dist/contracts/playwright.config.js']) {
      if (!listing.includes(`package/${needed}`)) fail(`the tarball lacks ${needed}`);
    }
    const stray = listing.filter((f) => /\.test\.|\.spec\.tsx?$|\/fixtures\/|\/testing\/|^package\/(bench|scripts|spec|bin)\/|\.py$|\.[cm]?tsx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f));
    if (stray.length) fail(`the tarball ships files that are not the package's: ${stray.join(', ')}`);

    // 2. Installed into an empty project, without devDependencies.
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "infercheck-package-test", "version": "1.0.0", "private": true, "type": "module" }\n');
    const install = run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);
    if (install.status !== 0) fail('npm install --omit=dev of the tarball failed', install.stdout + install.stderr);
    type Lock = { packages: Record<string, { version?: string }> };
    const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const installed = Object.entries(json<Lock>(join(app, 'package-lock.json')).packages).filter(([path]) => path.startsWith('node_modules/'));
    say(`installed with --omit=dev: ${duMb(join(app, 'node_modules'))} MB in node_modules, ${installed.length} packages (infercheck and ${installed.length - 1} dependencies)`);
    const devTools = ['tsx', 'typescript', '@redocly/cli', '@stoplight/prism-cli', 'openapi-typescript', 'tinybench', 'autocannon', 'esbuild'];
    const leaked = installed.map(([path]) => nameOf(path)).filter((name) => devTools.includes(name));
    if (leaked.length) fail(`development tools were installed: ${leaked.join(', ')}`);
    const tested = new Set(Object.entries(json<Lock>(join(ROOT, 'package-lock.json')).packages).map(([path, p]) => `${nameOf(path)}@${p.version}`));
    const untested = installed.map(([path, p]) => `${nameOf(path)}@${p.version}`).filter((id) => !id.startsWith('infercheck@') && !tested.has(id));
    say(`dependency versions: ${untested.length === 0 ? "every one as in the project's lock" : `not in the project's lock (newer within the ranges): ${untested.join(', ')}`}`);

    // 3. The one version, and the main job to a PASS.
    const printed = npx(app, ['--version']).trim();
    if (printed !== version) fail(`infercheck --version printed "${printed}", package.json says ${version}`);
    say(`npx infercheck --version: ${printed}`);
    let t = Date.now();
    const runLog = npx(app, ['run', '--out', 'runs/main']);
    const verdict = runLog.split('\n').find((line) => /\bPASS\b/.test(line) && /infercheck/.test(line));
    if (!verdict) fail('npx infercheck run exited 0 but printed no PASS verdict', runLog);
    say(`npx infercheck run: exit 0 in ${seconds(t)} — ${verdict.trim()}`);
    const mainJobs = json<{ jobs: { completed: number } }>(join(app, 'runs/main/load/summary.json')).jobs.completed;
    say(`  contracts ${checksText(join(app, 'runs/main/contracts/outcomes.json'))}; load ${mainJobs} jobs completed; report runs/main/index.html`);

    // 4. Each command on its own, cheaply: a standalone mock, and the contracts' auth cases against it as a URL
    //    target; a short load run on the embedded mock (its worker thread loads the compiled mock); the report rebuilt
    //    and the gate, from the run's folder.
    t = Date.now();
    mock = spawn(join(app, 'node_modules/.bin/infercheck'), ['mock', '--port', '0', '--profile', 'ci'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    const mockUrl = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Failed(`infercheck mock said nothing about where it serves within 15 s: ${seen}`)), 15_000);
      const onData = (chunk: Buffer): void => {
        seen += chunk.toString();
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(seen)?.[0];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      mock!.stdout!.on('data', onData);
      mock!.stderr!.on('data', onData);
      mock!.once('exit', (code) => reject(new Failed(`infercheck mock exited ${code}: ${seen}`)));
    });
    say(`npx infercheck mock: serving at ${mockUrl}`);
    npx(app, ['contracts', '--target', mockUrl, '--grep', '^auth/', '--out', 'runs/contracts'], { SEGMIND_API_KEY: 'SG_0123456789abcdef' });
    say(`npx infercheck contracts --target ${mockUrl} --grep ^auth/: exit 0 (${checksText(join(app, 'runs/contracts/outcomes.json'))})`);
    const mockExit = new Promise((resolve) => mock!.once('exit', resolve));
    mock.kill('SIGTERM');
    await mockExit;
    mock = undefined;
    npx(app, ['load', '--scenario', 'async', '--rate', '4', '--duration', '3s', '--no-progress', '--out', 'runs/load']);
    say(`npx infercheck load --scenario async --rate 4 --duration 3s: exit 0 (${json<{ jobs: { completed: number } }>(join(app, 'runs/load/summary.json')).jobs.completed} jobs completed)`);
    npx(app, ['report', '--in', 'runs/main']);
    const html = readFileSync(join(app, 'runs/main/index.html'), 'utf8');
    if (!html.includes('Chart.js') && !/new Chart\(/.test(html)) fail("the report's HTML does not carry Chart.js (not inlined from node_modules?)");
    say(`npx infercheck report --in runs/main: exit 0, index.html ${Math.round(html.length / 1024)} kB with Chart.js inlined`);
    npx(app, ['gate', '--baseline', 'runs/main', '--current', 'runs/main']);
    const gate = json<{ verdict: string; tested: number }>(join(app, 'runs/main/gate.json'));
    say(`npx infercheck gate --baseline runs/main --current runs/main: exit 0 (${gate.verdict}, ${gate.tested} rows tested)`);
    say(`  the five commands on their own: ${seconds(t)}`);

    // 5. Every result file says which infercheck wrote it.
    const files = ['runs/main/.infercheck-run.json', 'runs/main/contracts/outcomes.json', 'runs/main/load/run.json', 'runs/main/load/summary.json', 'runs/main/results.json', 'runs/main/gate.json', 'runs/load/run.json', 'runs/contracts/outcomes.json'];
    const versions = new Map<string, unknown>(files.map((f) => [f, json<{ infercheckVersion?: string }>(join(app, f)).infercheckVersion]));
    versions.set('runs/main/spend.ndjson', (JSON.parse(readFileSync(join(app, 'runs/main/spend.ndjson'), 'utf8').split('\n')[0]!) as { infercheckVersion?: string }).infercheckVersion);
    const wrong = [...versions].filter(([, v]) => v !== version).map(([f, v]) => `${f} (${String(v)})`);
    if (wrong.length) fail(`infercheckVersion is not ${version} in ${wrong.join(', ')}`);
    say(`infercheckVersion ${version} in ${versions.size} result files`);

    // 6. The programmatic API in plain Node, and its types as a TypeScript user sees them.
    writeFileSync(
      join(app, 'api.mjs'),
      `import { startMock, INFERCHECK_VERSION, CHECKS } from 'infercheck';
const mock = await startMock({ profile: 'ci' });
const res = await fetch(\`\${mock.url}/v2/sd1.5-scifi\`, { method: 'POST', headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a lighthouse' }) });
await mock.close();
console.log(JSON.stringify({ status: res.status, version: INFERCHECK_VERSION, checks: CHECKS.length }));
`,
    );
    const api = run(process.execPath, ['api.mjs'], app);
    if (api.status !== 0) fail('import { startMock } from "infercheck" failed', api.stdout + api.stderr);
    const answer = JSON.parse(api.stdout) as { status: number; version: string; checks: number };
    if (answer.status !== 200 || answer.version !== version) fail(`the programmatic API: ${api.stdout}`);
    say(`import { startMock, CHECKS } from 'infercheck' in plain Node: the mock answered ${answer.status}; ${answer.checks} checks`);
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { startMock, runInvocation, runLoad, writeReport, buildResults, gate, type LoadOptions, type RunningMock, type Results, type GateReport, type RunConfig } from 'infercheck';
export const options: LoadOptions = { scenario: 'smoke', durationS: 5 };
export const mock: Promise<RunningMock> = startMock({ profile: 'ci' });
export const config: RunConfig = { target: { kind: 'mock' }, models: ['sd1.5-scifi'], outDir: 'out' };
export const regressed = (report: GateReport): boolean => report.regressed;
export const specOf = (results: Results): string => results.specVersion;
export { runInvocation, runLoad, writeReport, buildResults, gate };
`,
    );
    // ... and a wrong one does not: the declarations carry real types, not `any`.
    writeFileSync(join(app, 'wrong.ts'), "import type { LoadOptions } from 'infercheck';\nexport const options: LoadOptions = { scenario: 42 };\n");
    const tsc = (file: string): SpawnSyncReturns<string> =>
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2023,dom', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), file], app);
    const right = tsc('consumer.ts');
    if (right.status !== 0) fail('a TypeScript consumer of the package does not type-check', right.stdout + right.stderr);
    const refused = tsc('wrong.ts');
    if (refused.status === 0 || !/wrong\.ts.*TS2322/.test(refused.stdout)) fail('a wrongly typed use of the package type-checks: its declarations are not typed', refused.stdout + refused.stderr);
    say("a TypeScript consumer of 'infercheck' type-checks against its .d.ts (tsc --strict, NodeNext), and a wrongly typed one is refused");
    say(`ok in ${seconds(started)}`);
  } finally {
    mock?.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`package: FAILED — ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
