// Run folders: where every stage writes its files, and the only places infercheck ever removes anything.
//
// - Every run folder carries a marker file of its own (RUN_MARKER). A folder without one is infercheck's only when it
//   is empty, or holds nothing but the files infercheck writes into that kind of folder (runs from before the marker).
//   Anything else is refused in one line — so `infercheck run --out .` in a checkout never touches the sources.
// - `checkRunFolder` only looks: a command calls it with every other flag, key and file, before it writes anything.
// - `startRunFolder` moves a previous run's files aside (into `.infercheck-previous-<kind>/`), never removes them;
//   `commit()` removes them once the new run has written its own, `rollback()` puts them back when it wrote nothing.
//   A run that was interrupted counts as a run: the next start moves its files aside in turn.
// - Only the names in RUN_FOLDER_OUTPUTS are ever moved or removed; a user's own files in a run folder stay.
// - A path that cannot be a folder (a file, a read-only file system, /proc/x) is one UsageError line (exit 2). The
//   folder is made one level at a time: Node 20's `mkdirSync('/proc/x', { recursive: true })` never returns.
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LEDGER_FILE } from './billable-budget.ts';
import { UsageError } from './target.ts';
import { INFERCHECK_VERSION } from './version.ts';

export const RUN_MARKER = '.infercheck-run.json';
export const RUN_MARKER_SCHEMA = 'infercheck/run-folder@1';
/** Aside folders are named `${ASIDE_PREFIX}-<session>`; a leftover one belongs to an interrupted run. */
export const ASIDE_PREFIX = '.infercheck-previous';

export type RunFolderKind = 'run' | 'contracts' | 'load';

/** What `infercheck report` writes into a run folder. */
export const REPORT_OUTPUTS = ['results.json', 'index.html', 'summary.md', 'junit.xml'] as const;
/** What `infercheck gate` writes next to the current run. */
export const GATE_OUTPUTS = ['gate.json', 'gate.md'] as const;

/**
 * Every name each kind of run folder may hold from infercheck: the one list of what a new run moves aside. A stage
 * that writes a new file adds its name here.
 */
const LEDGER = [LEDGER_FILE, `${LEDGER_FILE}.lock`];
export const RUN_FOLDER_OUTPUTS: Readonly<Record<RunFolderKind, readonly string[]>> = {
  run: ['contracts', 'load', ...LEDGER, ...REPORT_OUTPUTS, ...GATE_OUTPUTS],
  contracts: ['outcomes.json', 'failures.json', 'findings.json', 'drift.json', 'playwright.json', 'junit.xml', 'html', 'test-results', ...LEDGER],
  // the load engine (load/run.ts): jobs.ndjson.pooling is the pooling pass's temporary copy, left by an interrupted run
  load: ['run.json', 'summary.json', 'jobs.ndjson', 'jobs.ndjson.pooling', 'truth.ndjson', ...LEDGER],
};

/** Sub-folders of a kind that are run folders of their own kind. */
const NESTED: Readonly<Record<RunFolderKind, Readonly<Record<string, RunFolderKind>>>> = {
  run: { contracts: 'contracts', load: 'load' },
  contracts: {},
  load: {},
};

export interface RunMarker {
  readonly schema: typeof RUN_MARKER_SCHEMA;
  readonly kind: RunFolderKind;
  readonly command: string;
  readonly createdAt: string;
  /** The infercheck that started the run (core/version.ts); absent in folders started before it was recorded. */
  readonly infercheckVersion?: string;
}

export interface RunFolderPlan {
  readonly path: string;
  readonly kind: RunFolderKind;
  readonly flag: string;
  /** false: the folder (and maybe parents) will be made. */
  readonly exists: boolean;
  /** Entries of a previous run that starting will move aside. */
  readonly previous: readonly string[];
}

export interface RunFolder {
  readonly path: string;
  /** The new run has written its files: remove the previous run's. */
  commit(): void;
  /** The new run wrote nothing usable: remove what it wrote and put the previous run's files back. */
  rollback(): void;
}

const isAside = (name: string): boolean => name.startsWith(ASIDE_PREFIX);

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

/** The folder's marker, or null when it has none (or one that is not ours). */
export function readRunMarker(dir: string): RunMarker | null {
  try {
    const doc = JSON.parse(readFileSync(join(dir, RUN_MARKER), 'utf8')) as Partial<RunMarker>;
    return doc.schema === RUN_MARKER_SCHEMA && typeof doc.kind === 'string' && doc.kind in RUN_FOLDER_OUTPUTS ? (doc as RunMarker) : null;
  } catch {
    return null;
  }
}

/** Entries of `dir` that infercheck did not write into a folder of `kind` (empty when the folder is recognisably ours). */
function foreignEntries(dir: string, kind: RunFolderKind, prefix = ''): string[] {
  const known = new Set(RUN_FOLDER_OUTPUTS[kind]);
  const foreign: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === RUN_MARKER || isAside(name)) continue;
    const nested = NESTED[kind][name];
    if (nested) {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) foreign.push(prefix + name);
      else if (!readRunMarker(path) || readRunMarker(path)?.kind !== nested) foreign.push(...foreignEntries(path, nested, `${prefix}${name}/`));
      continue;
    }
    if (!known.has(name)) foreign.push(prefix + name);
  }
  return foreign;
}

function listed(names: readonly string[], max = 4): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The nearest existing ancestor of a path that does not exist. */
function nearestExisting(path: string): string {
  let cursor = path;
  while (!existsSync(cursor)) {
    const parent = dirname(cursor);
    if (parent === cursor) return cursor;
    cursor = parent;
  }
  return cursor;
}

function assertWritableDir(dir: string, flag: string, path: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new UsageError(`${flag} ${path}: ${dir === path ? 'the folder' : dir} is not writable (${errorCode(err)})`);
  }
}

/**
 * Can `path` be a run folder of `kind`? Looks only — writes, moves and removes nothing — so a command can call it
 * with its other checks before anything happens. Throws one UsageError line when the answer is no.
 */
export function checkRunFolder(path: string, kind: RunFolderKind, flag = '--out'): RunFolderPlan {
  const abs = resolve(path);
  if (!existsSync(abs)) {
    const ancestor = nearestExisting(abs);
    if (!statSync(ancestor).isDirectory()) throw new UsageError(`${flag} ${path} cannot be made: ${ancestor} is a file, not a folder`);
    assertWritableDir(ancestor, flag, path);
    return { path: abs, kind, flag, exists: false, previous: [] };
  }
  if (!statSync(abs).isDirectory()) throw new UsageError(`${flag} ${path} is a file, not a folder`);
  const marker = readRunMarker(abs);
  if (marker && marker.kind !== kind) {
    throw new UsageError(`${flag} ${path} is the run folder of an earlier \`${marker.command}\`, not of this command: choose an empty or new folder`);
  }
  if (!marker) {
    const foreign = foreignEntries(abs, kind);
    if (foreign.length) {
      throw new UsageError(`${flag} ${path} holds files infercheck did not write (${listed(foreign)}): choose an empty or new folder, or an earlier infercheck run folder`);
    }
  }
  assertWritableDir(abs, flag, path);
  const known = new Set(RUN_FOLDER_OUTPUTS[kind]);
  const previous = readdirSync(abs).filter((name) => known.has(name) || name === RUN_MARKER);
  return { path: abs, kind, flag, exists: true, previous };
}

/**
 * checkRunFolder for a stage (`contracts`, `load`) that may join a ledger a parent process handed down: that ledger
 * must not be one of the files a new run moves aside, or the run would lose the record of what the invocation spent.
 */
export function checkStageFolder(path: string, kind: RunFolderKind, handedLedger: string | undefined, flag = '--out'): RunFolderPlan {
  const plan = checkRunFolder(path, kind, flag);
  if (handedLedger && dirname(resolve(handedLedger)) === plan.path && RUN_FOLDER_OUTPUTS[kind].includes(basename(handedLedger))) {
    throw new UsageError(`${flag} ${path} holds the budget ledger handed down to this run (${handedLedger}), which a new run would move aside: give the stage a folder of its own`);
  }
  return plan;
}

/** Makes `path` one level at a time (see the header); returns the folders it made, outermost first. */
function makeFolder(path: string, flag: string, shown: string): string[] {
  const missing: string[] = [];
  for (let cursor = path; !existsSync(cursor); cursor = dirname(cursor)) missing.unshift(cursor);
  const made: string[] = [];
  for (const dir of missing) {
    try {
      mkdirSync(dir);
      made.push(dir);
    } catch (err) {
      if (errorCode(err) === 'EEXIST' && statSync(dir).isDirectory()) continue;
      for (const d of made.reverse()) rmdirSync(d);
      throw new UsageError(`${flag} ${shown} cannot be made (${errorCode(err)} at ${dir})`);
    }
  }
  return made;
}

/** Moves `names` of `dir` aside into a fresh aside folder for `session`; returns how to finish. */
function moveAside(dir: string, names: readonly string[], session: string, flag: string, shown: string): { aside: string; moved: string[] } {
  const aside = join(dir, `${ASIDE_PREFIX}-${session}`);
  // a leftover aside folder holds the run before an interrupted one: the interrupted run is now the previous run
  rmSync(aside, { recursive: true, force: true });
  const moved: string[] = [];
  if (!names.length) return { aside, moved };
  try {
    mkdirSync(aside);
    for (const name of names) {
      renameSync(join(dir, name), join(aside, name));
      moved.push(name);
    }
  } catch (err) {
    for (const name of moved) renameSync(join(aside, name), join(dir, name));
    rmSync(aside, { recursive: true, force: true });
    throw new UsageError(`${flag} ${shown}: cannot move the previous run's files aside (${errorCode(err)})`);
  }
  return { aside, moved };
}

function putBack(dir: string, aside: string, moved: readonly string[], written: readonly string[]): void {
  for (const name of written) rmSync(join(dir, name), { recursive: true, force: true });
  for (const name of moved) renameSync(join(aside, name), join(dir, name));
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Starts a run in a folder `checkRunFolder` accepted: makes it, moves the previous run's files aside, writes the
 * marker. A failure here is still a UsageError (one line, exit 2): nothing of the run has started.
 */
export function startRunFolder(plan: RunFolderPlan, command: string): RunFolder {
  const made = makeFolder(plan.path, plan.flag, plan.path);
  const { aside, moved } = moveAside(plan.path, plan.previous, plan.kind, plan.flag, plan.path);
  const marker: RunMarker = { schema: RUN_MARKER_SCHEMA, kind: plan.kind, command, createdAt: new Date().toISOString(), infercheckVersion: INFERCHECK_VERSION };
  try {
    writeFileSync(join(plan.path, `${RUN_MARKER}.tmp`), `${JSON.stringify(marker, null, 2)}\n`);
    renameSync(join(plan.path, `${RUN_MARKER}.tmp`), join(plan.path, RUN_MARKER));
  } catch (err) {
    rmSync(join(plan.path, `${RUN_MARKER}.tmp`), { force: true });
    putBack(plan.path, aside, moved, []);
    for (const d of made.reverse()) rmdirSync(d);
    throw new UsageError(`${plan.flag} ${plan.path} is not writable (${errorCode(err)})`);
  }
  const outputs = RUN_FOLDER_OUTPUTS[plan.kind];
  return {
    path: plan.path,
    commit: () => rmSync(aside, { recursive: true, force: true }),
    rollback: () => {
      const written = readdirSync(plan.path).filter((name) => outputs.includes(name));
      putBack(plan.path, aside, moved, [...written, ...(moved.includes(RUN_MARKER) ? [] : [RUN_MARKER])]);
      for (const d of made.reverse()) {
        if (readdirSync(d).length === 0) rmdirSync(d);
      }
    },
  };
}

/**
 * Replaces some named outputs inside an existing folder (the report's four files in a run folder): checks the
 * folder is writable, moves the existing ones aside; commit removes them, rollback restores them.
 */
export function startOutputs(dir: string, names: readonly string[], session: string, flag: string): RunFolder {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`${flag} ${dir} is not a folder`);
  assertWritableDir(abs, flag, dir);
  const present = names.filter((name) => existsSync(join(abs, name)));
  const { aside, moved } = moveAside(abs, present, session, flag, dir);
  return {
    path: abs,
    commit: () => rmSync(aside, { recursive: true, force: true }),
    rollback: () => putBack(abs, aside, moved, names.filter((name) => existsSync(join(abs, name)))),
  };
}
