// Each command's --help ends with Examples, Environment and Exit codes, and README.md's "Commands" section shows the
// same text; every example in the READMEs is either run here (in an empty folder, producers first, then report and
// gate) or skipped for a stated reason (what it costs, and which test runs it instead).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'infercheck.mjs');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const cli = (args: readonly string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });

/** The commands as the program lists them (`infercheck --help`): a new command is held to the convention unasked. */
function commands(): string[] {
  const listing = cli(['--help']).stdout;
  const section = listing.slice(listing.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z0-9-]+)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

test('every --help ends with Examples, Environment and Exit codes, as README.md shows them', () => {
  const names = commands();
  assert.ok(names.length >= 7, `commands listed: ${names.join(', ')}`);
  for (const command of names) {
    const out = cli([command, '--help']);
    assert.equal(out.status, 0, command);
    const start = out.stdout.indexOf('\nExamples:\n');
    assert.ok(start >= 0, `${command} --help has an Examples section`);
    const text = out.stdout.slice(start + 1).trimEnd();
    assert.match(text, /\n\nEnvironment:\n[\s\S]*\n\nExit codes:\n {2}0 /, `${command} --help has Environment and Exit codes sections, in that order`);
    const block = new RegExp(`### infercheck ${command}\\n\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(README)?.[1];
    assert.equal(block, text, `README.md "### infercheck ${command}" matches ${command} --help`);
    const codes = [...text.slice(text.indexOf('Exit codes:')).matchAll(/^ {2}(\d+(?:\/\d+)?) /gm)].map((m) => m[1]!);
    for (const code of codes) assert.ok(README.includes(`| ${code.replace('/', ' / ')} |`), `exit code ${code} in the README's table`);
  }
});

/** Every command line of the READMEs' bash/sh/text blocks that invokes infercheck. */
function examples(): { file: string; line: string }[] {
  const files = ['README.md', ...readdirSync(ROOT).filter((d) => !d.startsWith('.') && d !== 'node_modules').map((d) => join(d, 'README.md'))];
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      return [];
    }
    return [...text.matchAll(/```(?:bash|sh|text)\n([\s\S]*?)```/g)].flatMap((m) =>
      m[1]!
        .split('\n')
        .map((line) => line.trim().replace(/\s+#.*$/, ''))
        .filter((line) => /^(npx infercheck|node bin\/infercheck\.mjs) /.test(line))
        .map((line) => ({ file, line })),
    );
  });
}

const SKIPPED: readonly (readonly [RegExp, string])[] = [
  [/\[|…|\bURL\b|\bDIR\b/, 'a synopsis with placeholders, not a command'],
  [/--target (live|https?:)/, 'sends to a vendor and may bill: docs/ci.test.ts runs these commands against a mock'],
  [/ mock( |$)/, 'serves until stopped: mock/command.test.ts'],
  [/ run( |$)/, 'the main job (~45 s): npm start, cli/run-command.test.ts'],
  [/--scenario sweep/, 'minutes of load: load/run.test.ts runs a short sweep'],
  [/--replay |--record /, 'recordings: docs/ci.test.ts, contracts/cassette.test.ts'],
  [/--merge /, 'split runs: reports/merge-results.test.ts'],
  [/ contracts$/, 'the whole catalogue (~20 s): npm run test:e2e, npm start'],
];

const work = mkdtempSync(join(tmpdir(), 'infercheck-readme-examples-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('every example in the READMEs runs, or says why not', { timeout: 180_000 }, () => {
  const all = examples();
  assert.ok(all.length >= 20, `${all.length} examples found`);
  const runnable = all.filter(({ line }) => !SKIPPED.some(([pattern]) => pattern.test(line)));
  assert.ok(runnable.length >= 6, runnable.map((e) => e.line).join('\n'));
  // producers first, then what reads their files: the order a user runs them in
  const rank = (line: string): number => (/ report /.test(line) ? 1 : / gate /.test(line) ? 2 : 0);
  const ordered = [...new Map(runnable.map((e) => [e.line.replace(/^node bin\/infercheck\.mjs/, 'npx infercheck'), e])).values()].sort((a, b) => rank(a.line) - rank(b.line));
  let baselineStored = false;
  for (const { file, line } of ordered) {
    if (rank(line) === 2 && !baselineStored) {
      // the stored baseline the gate examples name (docs/ci.md: a results.json committed once)
      mkdirSync(join(work, 'baseline'), { recursive: true });
      cpSync(join(work, 'reports', 'latest', 'results.json'), join(work, 'baseline', 'results.json'));
      baselineStored = true;
    }
    const args = [...line.replace(/^(npx infercheck|node bin\/infercheck\.mjs) /, '').matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    const run = cli(args, work);
    assert.equal(run.status, 0, `${file}: ${line}\n${run.stdout.slice(-1500)}\n${run.stderr.slice(-1500)}`);
    if (args.includes('--json')) assert.doesNotThrow(() => JSON.parse(run.stdout), `${line}: stdout is one JSON document`);
  }
});
