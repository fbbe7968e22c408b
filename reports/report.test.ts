// results.json, the three report files and the CLI's handling of bad input, on synthetic runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/target.ts';
import { generateRun, SMOKE_FIXTURE } from './fixtures/generate-run.ts';
import { buildResults } from './build-results.ts';
import { readResultsFile, resultsProblems } from './results-schema.ts';
import { writeReport } from './report.ts';
import { orderedSample } from './samples.ts';
import { sampleQuantile } from './stats/order-statistics.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let runDir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'infercheck-report-'));
  runDir = join(dir, 'run');
  generateRun(runDir, SMOKE_FIXTURE);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/infercheck.mjs', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('results.json is versioned, valid against its schema, and keeps every job as a raw sample', async () => {
  const { files } = await writeReport(runDir);
  assert.deepEqual(files.map((f) => f.slice(runDir.length + 1)).sort(), ['index.html', 'junit.xml', 'results.json', 'summary.md']);
  const results = readResultsFile(join(runDir, 'results.json'));
  assert.equal(results.schema, 'infercheck/results@1');
  assert.equal(results.load?.samples, 'raw');
  assert.equal(results.load?.jobs.length, readFileSync(join(runDir, 'load', 'jobs.ndjson'), 'utf8').trim().split('\n').length);
  assert.ok(results.load!.histograms.length > 0);
  assert.equal(results.specVersion, '2026.11.21');
  assert.equal(results.environment.engine, 'infercheck fixture (generate-run.ts)');
  assert.equal(results.load?.engine.httpRequests, results.load!.jobs.reduce((s, j) => s + j.polls + 2, 0));
  assert.ok(results.environment.hostCores >= 1);
  assert.ok(results.contracts!.checks.length > 0);
});

test('an invalid results.json is rejected by the schema, with the reason', () => {
  const good = buildResults(runDir);
  assert.deepEqual(resultsProblems(good), []);
  const broken = JSON.parse(JSON.stringify(good)) as Record<string, unknown> & { load: { jobs: Record<string, unknown>[] } };
  broken.load.jobs[0]!['e2e_ms'] = 'fast';
  delete broken['specVersion'];
  const problems = resultsProblems(broken);
  assert.ok(problems.some((p) => p.includes('specVersion')), problems.join('; '));
  assert.ok(problems.some((p) => p.includes('/load/jobs/0/e2e_ms')), problems.join('; '));
  const path = join(dir, 'broken.json');
  writeFileSync(path, JSON.stringify(broken));
  assert.throws(() => readResultsFile(path), (err: Error) => err instanceof UsageError && /invalid results\.json/.test(err.message));
});

test('large runs keep mergeable HDR histograms instead of every job, and percentiles still agree', () => {
  const raw = buildResults(runDir);
  const compact = buildResults(runDir, { rawSampleLimit: 10 });
  assert.equal(compact.load?.samples, 'histogram');
  assert.equal(compact.load?.jobs.length, 0);
  assert.deepEqual(resultsProblems(compact), []);
  assert.equal(compact.load?.jobCount, raw.load?.jobCount);
  assert.deepEqual(compact.load?.counts, raw.load?.counts);
  assert.equal(compact.load!.counts.reduce((s, c) => s + c.jobs, 0), raw.load!.jobs.length);
  for (const p of [0.5, 0.95, 0.99]) {
    const exact = sampleQuantile(orderedSample(raw.load!, 'e2e_ms'), p);
    const fromHistogram = sampleQuantile(orderedSample(compact.load!, 'e2e_ms'), p);
    assert.ok(Math.abs(fromHistogram / exact - 1) < 0.002, `p${p * 100}: ${fromHistogram} vs ${exact}`);
  }
});

test('every string from the run is escaped and API keys never reach a report', async () => {
  await writeReport(runDir);
  const html = readFileSync(join(runDir, 'index.html'), 'utf8');
  const md = readFileSync(join(runDir, 'summary.md'), 'utf8');
  const junit = readFileSync(join(runDir, 'junit.xml'), 'utf8');
  const results = readFileSync(join(runDir, 'results.json'), 'utf8');
  for (const text of [html, md, junit, results]) assert.ok(!text.includes('SG_0123456789abcdef'), 'a key-shaped string leaked');
  assert.ok(!html.includes('<script>alert(1)'), 'response body injected into the HTML');
  assert.ok(html.includes('&lt;script&gt;alert(1)') || html.includes('\\u003cscript\\u003ealert(1)'));
  assert.ok(!md.includes('<script>'));
  // self-contained: no external resources, and a CSP that forbids fetching any
  assert.doesNotMatch(html, /<(link|img|iframe)\b|\bsrc=/i);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(html, /Chart\.js v4/);
});

test('junit.xml has one test case per contract check and per SLO; verdicts map to failure / skipped', async () => {
  await writeReport(runDir);
  const junit = readFileSync(join(runDir, 'junit.xml'), 'utf8');
  const results = readResultsFile(join(runDir, 'results.json'));
  const objectives = 3; // load/objectives.default.yaml
  assert.equal((junit.match(/<testcase /g) ?? []).length, results.contracts!.checks.length + objectives);
  assert.equal((junit.match(/classname="slo"/g) ?? []).length, objectives);
  assert.match(junit, /<testsuite name="contracts" tests="5" failures="3" errors="0" skipped="1" timestamp="\d{4}-\d\d-\d\dT[\d:.]+" time="\d+\.\d{3}">/);
  for (const testcase of junit.match(/<testcase [^>]*>/g) ?? []) assert.match(testcase, / time="\d+\.\d{3}"/, testcase);
});

test('the report reads an SLA file and judges each objective', async () => {
  const sla = join(dir, 'sla.yaml');
  writeFileSync(sla, 'confidence: 0.9\nobjectives:\n  - { metric: e2e_ms, stat: p50, op: "<=", value: 60000 }\n  - { metric: e2e_ms, stat: p99, op: "<=", value: 10, model: sd1.5-scifi }\n');
  const out = cli('report', '--in', runDir, '--sla', sla);
  assert.equal(out.status, 1, 'a FAIL verdict is exit 1, as for every command');
  assert.match(out.stdout, /PASS\s+p50 e2e_ms ≤ 60000/);
  assert.match(out.stdout, /FAIL\s+p99 e2e_ms ≤ 10 \[sd1.5-scifi\]/);
  assert.match(readFileSync(join(runDir, 'summary.md'), 'utf8'), /confidence 90 %/);
  assert.equal(cli('report', '--in', runDir, '--sla', sla, '--fail-on-verdict').status, 1, 'the old flag is accepted and changes nothing');
  const json = cli('report', '--in', runDir, '--sla', sla, '--json');
  const result = JSON.parse(json.stdout) as { command: string; exitCode: number; verdict: string; objectives: { verdict: string }[] };
  assert.deepEqual([result.command, result.exitCode, result.verdict], ['report', 1, 'FAIL']);
  assert.deepEqual(result.objectives.map((o) => o.verdict), ['PASS', 'FAIL']);
  assert.match(json.stderr, /wrote .*junit\.xml/, 'with --json the human lines go to stderr');
});

test('a contracts-only run still gets all four files, with no SLA verdicts', async () => {
  const only = join(dir, 'contracts-only');
  generateRun(only, { ...SMOKE_FIXTURE, stageDurationS: 5 });
  rmSync(join(only, 'load'), { recursive: true });
  const { files } = await writeReport(only);
  assert.equal(files.length, 4);
  assert.equal(readResultsFile(join(only, 'results.json')).load, null);
  const junit = readFileSync(join(only, 'junit.xml'), 'utf8');
  assert.doesNotMatch(junit, /name="slo"/);
  assert.match(readFileSync(join(only, 'index.html'), 'utf8'), /no load run in this folder/);
});

test('bad input is one line and a non-zero exit', () => {
  const missing = cli('report', '--in', join(dir, 'nope'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^infercheck: run folder .*nope does not exist\n$/);

  const empty = join(dir, 'empty');
  mkdirSync(empty);
  assert.match(cli('report', '--in', empty).stderr, /not a run folder/);

  const bad = join(dir, 'bad');
  generateRun(bad, { ...SMOKE_FIXTURE, stageDurationS: 5 });
  // a torn line in the middle of jobs.ndjson is lost data, not an interrupted run: an error (the last line: torn-input test)
  appendFileSync(join(bad, 'load', 'jobs.ndjson'), '{"model": "x", oops\n' + readFileSync(join(bad, 'load', 'jobs.ndjson'), 'utf8').split('\n')[0] + '\n');
  const malformed = cli('report', '--in', bad);
  assert.equal(malformed.status, 2);
  assert.match(malformed.stderr, /jobs\.ndjson:\d+ is not valid JSON/);
  assert.equal(malformed.stderr.trim().split('\n').length, 1);

  writeFileSync(join(bad, 'contracts', 'outcomes.json'), '{"schema": "something-else"}');
  assert.match(cli('report', '--in', bad).stderr, /outcomes\.json is malformed/);

  const slaBad = cli('report', '--in', runDir, '--sla', join(dir, 'no-such.yaml'));
  assert.equal(slaBad.status, 2);
  assert.match(slaBad.stderr, /cannot read objectives file/);
});

test('a check the contracts stage could not apply (no cases, a skip reason) is skipped, never passed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-never-ran-'));
  generateRun(dir, SMOKE_FIXTURE);
  const file = join(dir, 'contracts', 'outcomes.json');
  const outcomes = JSON.parse(readFileSync(file, 'utf8')) as { checks: unknown[] };
  // exactly what `infercheck contracts` writes for rate-limit-429 without --rpm
  outcomes.checks.push({ id: 'rate-limit-429', title: 'Exceeding the rate limit gives 429 with the reset header', severity: 'major', cases: 0, passed: 0, failed: 0, skipped: 0, skipReason: 'needs --rpm N (the rate limit to exceed)', failures: [] });
  writeFileSync(file, JSON.stringify(outcomes));
  await writeReport(dir);
  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  assert.match(junit, /<testsuite name="contracts" tests="6" failures="3" errors="0" skipped="2" /);
  assert.match(junit, /name="[^"]*rate-limit-429[^"]*" time="[\d.]+"><skipped message="needs --rpm N \(the rate limit to exceed\)"\/>/);
  assert.match(readFileSync(join(dir, 'summary.md'), 'utf8'), /\| contract checks \(6\) \|[^\n]*\| 1 passed, 3 failed, 2 skipped \|/);
  rmSync(dir, { recursive: true, force: true });
});

test('findings on assumed rules are listed in every output and fail nothing; report --strict fails them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-findings-'));
  generateRun(dir, { ...SMOKE_FIXTURE });
  const file = join(dir, 'contracts', 'outcomes.json');
  const outcomes = JSON.parse(readFileSync(file, 'utf8')) as { checks: Array<Record<string, unknown>> };
  // What `infercheck contracts` writes for a vendor that takes seed -2: a finding that rests on an assumed rule.
  const finding = {
    check: 'out-of-range-rejected', operation: 'generateSync', severity: 'major', title: 'A value just outside a bound or enum of the spec is rejected',
    message: 'v1 sd1.5-scifi: seed = -2 (outside the spec\'s range) was accepted with 200', dedupeKey: 'out-of-range-rejected:v1:seed:min-1:accepted', model: 'sd1.5-scifi',
    basis: 'assumed', rule: 'Txt2ImgRequest.seed:minimum', source: 'assumed: the pages give no range',
  };
  outcomes.checks = outcomes.checks.filter((c) => c['failed'] === 0);
  outcomes.checks.push({ id: 'out-of-range-rejected', title: finding.title, severity: 'major', basis: 'per rule', cases: 4, passed: 3, failed: 0, differed: 1, skipped: 0, failures: [], findings: [finding] });
  writeFileSync(file, JSON.stringify(outcomes));
  writeFileSync(join(dir, 'contracts', 'failures.json'), '[]');

  const plain = cli('report', '--in', dir, '--sla', join(repo, 'load', 'objectives.default.yaml'));
  assert.equal(plain.status, 0, 'a finding fails no verdict');
  assert.match(plain.stdout, /PASS +contract checks: 2 passed, 0 failed, 1 skipped; 1 finding on assumed rules \(not failing\)/);
  assert.match(plain.stdout, /finding +out-of-range-rejected: v1 sd1\.5-scifi: seed = -2 .*Txt2ImgRequest\.seed:minimum, assumed/);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.match(html, /<h2>Findings on assumed rules \(not failing\)<\/h2>/);
  assert.match(html, /No contract check failed\./);
  assert.match(html, /Txt2ImgRequest\.seed:minimum — assumed: the pages give no range/);
  assert.match(readFileSync(join(dir, 'summary.md'), 'utf8'), /### Findings on assumed rules \(not failing\)[\s\S]*seed = -2/);
  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  assert.match(junit, /name="out-of-range-rejected: [^"]*" time="[\d.]+"><system-out>1 finding on assumed rules \(not failing\):/);
  assert.doesNotMatch(junit, /out-of-range-rejected: [^"]*" time="[\d.]+"><failure/);

  const strict = cli('report', '--in', dir, '--strict', '--sla', join(repo, 'load', 'objectives.default.yaml'));
  assert.equal(strict.status, 1, strict.stderr);
  assert.match(strict.stdout, /FAIL +contract checks: 1 passed, 1 failed, 1 skipped/);
  assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /name="out-of-range-rejected: [^"]*" time="[\d.]+"><failure type="major"[^>]*>[^<]*rule Txt2ImgRequest\.seed:minimum — assumed/);
  rmSync(dir, { recursive: true, force: true });
});

// ---- issue 13: numbers that cannot mislead ----

test('a torn LAST line of jobs.ndjson is skipped with a warning and the run is marked cut short in every output', async () => {
  const torn = mkdtempSync(join(tmpdir(), 'infercheck-torn-'));
  generateRun(torn, SMOKE_FIXTURE);
  const path = join(torn, 'load', 'jobs.ndjson');
  const whole = readFileSync(path, 'utf8').trim().split('\n');
  // an interrupted long run: the last job was half written
  writeFileSync(path, whole.join('\n') + '\n' + whole[0]!.slice(0, 57));
  const out = cli('report', '--in', torn);
  assert.equal(out.status, 1, `the fixture's failed contract checks (or objective) are exit 1: ${out.stderr}`);
  const warning = new RegExp(`run cut short: the last line of load/jobs\\.ndjson \\(line ${whole.length + 1}\\) is torn and was skipped: the load run was cut short, ${whole.length} jobs read`);
  assert.match(out.stdout.split('\n')[0]!, new RegExp(`^⚠ ${warning.source}`));
  assert.match(readFileSync(join(torn, 'summary.md'), 'utf8'), warning);
  assert.match(readFileSync(join(torn, 'index.html'), 'utf8'), new RegExp(`<div id="warnings" class="warnings"><p>⚠ ${warning.source}`));
  const results = readResultsFile(join(torn, 'results.json'));
  assert.equal(results.load!.jobCount, whole.length);
  assert.match(results.load!.cutShort ?? '', /torn/);
  rmSync(torn, { recursive: true, force: true });
});

test('contracts and load against different targets, or far apart, say so in the header (HTML, Markdown, console)', async () => {
  const mixed = mkdtempSync(join(tmpdir(), 'infercheck-mixed-'));
  generateRun(mixed, { ...SMOKE_FIXTURE, stageDurationS: 20, contractsTarget: { kind: 'live', baseUrl: 'https://api.segmind.com' }, contractsStartMs: SMOKE_FIXTURE.startMs - 5 * 3600_000 });
  const out = cli('report', '--in', mixed);
  assert.equal(out.status, 1, `the fixture's failed contract checks (or objective) are exit 1: ${out.stderr}`);
  const targets = /the contracts ran against live https:\/\/api\.segmind\.com and the load against mock http:\/\/127\.0\.0\.1:40123: these verdicts describe two different targets/;
  const apart = /the contracts and the load ran 5 h apart \(more than the 1 h allowed by --max-stage-gap\): the target may have changed in between/;
  const html = readFileSync(join(mixed, 'index.html'), 'utf8');
  const md = readFileSync(join(mixed, 'summary.md'), 'utf8');
  for (const [name, text] of [['console', out.stdout], ['html', html], ['markdown', md]] as const) {
    assert.match(text, targets, name);
    assert.match(text, apart, name);
  }
  assert.match(html, /Target <code>contracts: live https:\/\/api\.segmind\.com; load: mock http:\/\/127\.0\.0\.1:40123<\/code>/);
  assert.match(md.split('\n')[0]!, /— `contracts: live https:\/\/api\.segmind\.com; load: mock http:\/\/127\.0\.0\.1:40123`/);
  // the time allowed is the user's to set
  const relaxed = cli('report', '--in', mixed, '--max-stage-gap', '6h');
  assert.doesNotMatch(relaxed.stdout, apart);
  assert.match(relaxed.stdout, targets);
  assert.equal(cli('report', '--in', mixed, '--max-stage-gap', 'soon').status, 2);
  // the same target an hour later is fine; two embedded mocks on different ports are one target
  const same = mkdtempSync(join(tmpdir(), 'infercheck-same-'));
  generateRun(same, { ...SMOKE_FIXTURE, stageDurationS: 20, contractsTarget: { kind: 'mock', baseUrl: 'http://127.0.0.1:50000' } });
  assert.doesNotMatch(cli('report', '--in', same).stdout, /⚠/);
  rmSync(mixed, { recursive: true, force: true });
  rmSync(same, { recursive: true, force: true });
});

test('report validates --sla before anything: a misspelt model is exit 2 naming the known ones, and no file is touched', () => {
  const sla = join(dir, 'typo.yaml');
  writeFileSync(sla, 'objectives:\n  - { metric: e2e_ms, stat: p95, op: "<=", value: 8000, model: sd15 }\n');
  const before = readFileSync(join(runDir, 'index.html'), 'utf8');
  writeFileSync(join(runDir, 'index.html'), before + '<!-- marker -->');
  const out = cli('report', '--in', runDir, '--sla', sla);
  assert.equal(out.status, 2);
  assert.equal(out.stderr, `infercheck: ${sla}: objectives[0]: unknown model "sd15" (known: sd1.5-scifi, sd1.5-epicrealism)\n`);
  assert.match(readFileSync(join(runDir, 'index.html'), 'utf8'), /<!-- marker -->$/, 'the previous report is untouched');
  const unit = join(dir, 'unit.yaml');
  writeFileSync(unit, 'objectives:\n  - { metric: e2e_ms, stat: p95, op: "<=", value: 8, unit: sec }\n');
  assert.match(cli('report', '--in', runDir, '--sla', unit).stderr, /unknown unit "sec" \(known: ms, s, fraction, %, credits\)/);
});

test('money in the report: spend per model and API, a cost objective judged, the ledger beside it', async () => {
  const paid = mkdtempSync(join(tmpdir(), 'infercheck-paid-'));
  generateRun(paid, { ...SMOKE_FIXTURE, stageDurationS: 30, ledger: true });
  const sla = join(paid, 'cost.yaml');
  writeFileSync(sla, 'objectives:\n  - { metric: cost_per_image, op: "<=", value: 0.002 }\n  - { metric: cost_per_job, op: "<=", value: 0.001, api: v2 }\n');
  const out = cli('report', '--in', paid, '--sla', sla);
  assert.equal(out.status, 1, `the fixture's failed contract checks (or objective) are exit 1: ${out.stderr}`);
  assert.match(out.stdout, /^PASS\s+mean cost_per_image ≤ 0\.002 credits$/m);
  assert.match(out.stdout, /^FAIL\s+mean cost_per_job ≤ 0\.001 credits \[v2\]$/m);
  assert.match(out.stdout, /^spend\s+[\d.]+ credits on \d+ jobs: 0\.0019 per job, 0\.0019 per image \(\d+ more jobs? reported no cost\)$/m, 'failed jobs are not billed');
  assert.match(out.stdout, /^spend\s+load ledger load\/spend\.ndjson: \d+ billable requests sent, \d+ billed, 0 unknown, \d+ refused; [\d.]+ credits reported by the vendor/m);
  const md = readFileSync(join(paid, 'summary.md'), 'utf8');
  assert.match(md, /### Spend/);
  assert.match(md, /\| sd1\.5-scifi \| v2 \| \d+ \| \d+ \| \d+ \| [\d.]+ \| 0\.0019 \| 0\.0019 \|/);
  const html = readFileSync(join(paid, 'index.html'), 'utf8');
  assert.match(html, /<section id="spend"><h2>Spend<\/h2>/);
  assert.match(readFileSync(join(paid, 'junit.xml'), 'utf8'), /name="mean cost_per_job ≤ 0\.001 credits \[v2\]" time="[\d.]+"><failure/);
  rmSync(paid, { recursive: true, force: true });
});
