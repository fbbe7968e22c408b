// Run folders (issue 13): nothing is deleted that infercheck did not write, a previous run's files are moved aside
// until the new run has written its own, and an impossible --out is one UsageError line, not a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASIDE_PREFIX, checkRunFolder, readRunMarker, RUN_MARKER, startOutputs, startRunFolder } from './run-folder.ts';
import { UsageError } from './target.ts';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'infercheck-run-folder-'));
}

function write(path: string, text = 'x'): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** Every file under dir with its content: what "nothing changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
    }
  }
  return out;
}

test('a checkout (sources named contracts/ and load/) is refused as --out, naming what is not ours, and nothing changes', () => {
  const checkout = scratch();
  write(join(checkout, 'package.json'), '{}');
  write(join(checkout, 'contracts', 'engine.ts'), 'export {}');
  write(join(checkout, 'load', 'run.ts'), 'export {}');
  write(join(checkout, 'results.json'), '{}');
  const before = snapshot(checkout);
  assert.throws(
    () => checkRunFolder(checkout, 'run'),
    (err: unknown) => err instanceof UsageError && /^--out .* holds files infercheck did not write \(contracts\/engine\.ts, load\/run\.ts, package\.json\)/.test(err.message),
  );
  assert.deepEqual(snapshot(checkout), before);
  rmSync(checkout, { recursive: true, force: true });
});

test('a new folder is made with its marker; a previous run is moved aside, kept until commit, and a user file stays', () => {
  const root = scratch();
  const out = join(root, 'a', 'b', 'run');
  const first = startRunFolder(checkRunFolder(out, 'run'), 'infercheck run');
  assert.equal(readRunMarker(out)?.kind, 'run');
  write(join(out, 'results.json'), 'first');
  write(join(out, 'load', 'run.json'), 'first');
  first.commit();
  write(join(out, 'notes.txt'), 'mine');

  const plan = checkRunFolder(out, 'run');
  assert.deepEqual([...plan.previous].sort(), [RUN_MARKER, 'load', 'results.json']);
  assert.equal(readFileSync(join(out, 'results.json'), 'utf8'), 'first', 'checking moves nothing');
  const second = startRunFolder(plan, 'infercheck run');
  const aside = join(out, `${ASIDE_PREFIX}-run`);
  assert.equal(existsSync(join(out, 'results.json')), false);
  assert.equal(readFileSync(join(aside, 'results.json'), 'utf8'), 'first', 'moved aside, not removed');
  assert.equal(readFileSync(join(aside, 'load', 'run.json'), 'utf8'), 'first');
  write(join(out, 'results.json'), 'second');
  second.commit();
  assert.equal(existsSync(aside), false, 'removed once the new run wrote its own');
  assert.equal(readFileSync(join(out, 'results.json'), 'utf8'), 'second');
  assert.equal(readFileSync(join(out, 'notes.txt'), 'utf8'), 'mine', 'a file infercheck did not write is never touched');
  rmSync(root, { recursive: true, force: true });
});

test('rollback puts the previous run back exactly when the new one wrote nothing usable', () => {
  const out = scratch();
  startRunFolder(checkRunFolder(out, 'load'), 'infercheck load').commit();
  write(join(out, 'run.json'), 'old run');
  write(join(out, 'jobs.ndjson'), 'old jobs');
  const before = snapshot(out);
  const run = startRunFolder(checkRunFolder(out, 'load'), 'infercheck load');
  write(join(out, 'jobs.ndjson'), 'half a new run');
  run.rollback();
  assert.deepEqual(snapshot(out), before);
  assert.deepEqual(readdirSync(out).filter((n) => n.startsWith(ASIDE_PREFIX)), []);
  rmSync(out, { recursive: true, force: true });
});

test('a folder written before the marker existed is recognised by its files alone; one foreign file refuses it', () => {
  const legacy = scratch();
  write(join(legacy, 'contracts', 'outcomes.json'));
  write(join(legacy, 'contracts', 'html', 'index.html'));
  write(join(legacy, 'load', 'jobs.ndjson'));
  write(join(legacy, 'index.html'));
  assert.deepEqual([...checkRunFolder(legacy, 'run').previous].sort(), ['contracts', 'index.html', 'load']);
  write(join(legacy, 'load', 'smoke.ts'));
  assert.throws(() => checkRunFolder(legacy, 'run'), /holds files infercheck did not write \(load\/smoke\.ts\)/);
  rmSync(legacy, { recursive: true, force: true });
});

test('an interrupted run is the previous run of the next one; an aside folder it left is replaced', () => {
  const out = scratch();
  startRunFolder(checkRunFolder(out, 'load'), 'infercheck load'); // never committed: the process "died"
  write(join(out, 'jobs.ndjson'), 'interrupted');
  mkdirSync(join(out, `${ASIDE_PREFIX}-load`), { recursive: true });
  write(join(out, `${ASIDE_PREFIX}-load`, 'jobs.ndjson'), 'older');
  const next = startRunFolder(checkRunFolder(out, 'load'), 'infercheck load');
  assert.equal(readFileSync(join(out, `${ASIDE_PREFIX}-load`, 'jobs.ndjson'), 'utf8'), 'interrupted');
  next.commit();
  rmSync(out, { recursive: true, force: true });
});

test('a run folder of another kind is refused: load output never lands in a main-job folder', () => {
  const out = scratch();
  startRunFolder(checkRunFolder(out, 'run'), 'infercheck run').commit();
  assert.throws(() => checkRunFolder(out, 'load'), /is the run folder of an earlier `infercheck run`, not of this command/);
  rmSync(out, { recursive: true, force: true });
});

test('impossible paths are one UsageError line: a file, a path under a file, /proc/x, /sys/x', () => {
  const root = scratch();
  const file = join(root, 'file');
  writeFileSync(file, 'x');
  assert.throws(() => checkRunFolder(file, 'run'), (err: unknown) => err instanceof UsageError && /is a file, not a folder$/.test(err.message));
  assert.throws(() => checkRunFolder(join(file, 'sub'), 'run'), (err: unknown) => err instanceof UsageError && /cannot be made: .*file is a file, not a folder/.test(err.message));
  for (const path of ['/proc/infercheck-x', '/sys/infercheck-x']) {
    // /proc and /sys look writable to root; making the folder is what fails (and Node's recursive mkdir would hang)
    assert.throws(
      () => startRunFolder(checkRunFolder(path, 'run'), 'infercheck run'),
      (err: unknown) => err instanceof UsageError && !err.message.includes('\n') && /cannot be made|not writable/.test(err.message),
      path,
    );
    assert.equal(existsSync(path), false);
  }
  rmSync(root, { recursive: true, force: true });
});

test('a report replaces only its own outputs: moved aside while it writes, restored if it fails', () => {
  const dir = scratch();
  write(join(dir, 'results.json'), 'old results');
  write(join(dir, 'notes.md'), 'mine');
  const failed = startOutputs(dir, ['results.json', 'index.html'], 'report', '--in');
  write(join(dir, 'index.html'), 'half');
  failed.rollback();
  assert.deepEqual(snapshot(dir), { 'results.json': 'old results', 'notes.md': 'mine' });
  const ok = startOutputs(dir, ['results.json', 'index.html'], 'report', '--in');
  write(join(dir, 'results.json'), 'new');
  ok.commit();
  assert.deepEqual(snapshot(dir), { 'results.json': 'new', 'notes.md': 'mine' });
  rmSync(dir, { recursive: true, force: true });
});
