// One version: package.json's, printed by --version, and carried by every result file infercheck writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INFERCHECK_VERSION, PACKAGE_ROOT } from './version.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('the version is package.json\'s, and --version prints it', () => {
  assert.equal(PACKAGE_ROOT.replace(/\/$/, ''), ROOT.replace(/\/$/, ''));
  assert.equal(INFERCHECK_VERSION, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  const out = spawnSync(process.execPath, [join(ROOT, 'bin/infercheck.mjs'), '--version'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout.trim(), INFERCHECK_VERSION);
});

/** The runtime sources: what the build compiles (tests, fixtures, test helpers and benches write no result files). */
function runtimeSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['node_modules', 'dist', 'bench', 'scripts', 'fixtures', 'testing', 'generated', '.tools', 'reports/latest'].includes(name) || name.startsWith('.') ? [] : runtimeSources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

test('every result-file format infercheck writes carries infercheckVersion where it is made', () => {
  // A result file is an object with a `schema` of its own ('infercheck/…@N', or a constant naming one); wherever one
  // is built, the version is set beside it — a new format that forgets it fails here.
  const made: string[] = [];
  for (const file of runtimeSources(ROOT)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/(^|[{,]\s*)schema: ('infercheck\/|[A-Z_]+_SCHEMA\b)/.test(line.trim()) || /readonly schema/.test(line)) return;
      const where = `${relative(ROOT, file)}:${i + 1}`;
      made.push(where);
      assert.match(lines.slice(i, i + 3).join('\n'), /infercheckVersion: INFERCHECK_VERSION/, `${where} builds a result file without infercheckVersion`);
    });
  }
  // outcomes.json, run.json, summary.json, results.json, gate.json, drift.json, the cassette's manifest, the run
  // folder's marker and the money ledger's opening line
  assert.ok(made.length >= 9, `found only ${made.join(', ')}`);
});
