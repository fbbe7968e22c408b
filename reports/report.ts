// `infercheck report`: run folder → results.json (validated) → index.html, summary.md, junit.xml. The main job
// (`npm start`) calls writeReport() when its runs are done.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadObjectives, type ObjectiveSet } from '../core/objectives.ts';
import { REPORT_OUTPUTS, startOutputs } from '../core/run-folder.ts';
import { UsageError } from '../core/target.ts';
import { analyze, type Analysis } from './analysis.ts';
import { buildResults } from './build-results.ts';
import { mergeResults } from './merge-results.ts';
import { readResultsFile, resultsText } from './results-schema.ts';
import type { Results } from './results-types.ts';
import { renderHtml } from './render/html.ts';
import { renderJunit } from './render/junit.ts';
import { renderMarkdown } from './render/markdown.ts';

export const DEFAULT_SLA_FILE = fileURLToPath(new URL('../load/objectives.default.yaml', import.meta.url));

export interface ReportOptions {
  /** Objectives file (core/objectives.ts format); default load/objectives.default.yaml. */
  readonly sla?: string;
  /** More run folders of the same test (load --segment i/N instances) merged exactly into this one's results. */
  readonly merge?: readonly string[];
  /** Contracts and load stages further apart than this (seconds) are flagged in the header; default 3600. */
  readonly maxStageGapS?: number;
  /** Count contract findings on the spec's assumptions as failures (`report --strict`). */
  readonly strict?: boolean;
  readonly now?: Date;
}

export interface ReportOutcome {
  readonly files: string[];
  readonly analysis: Analysis;
}

const hasRawFiles = (dir: string): boolean => existsSync(join(dir, 'contracts', 'outcomes.json')) || existsSync(join(dir, 'load', 'run.json'));

/** The results of a run folder: rebuilt from the raw files when they are there, else its results.json. */
export function resultsOf(dir: string, options: { now?: Date } = {}): Results {
  if (!existsSync(dir)) throw new UsageError(`run folder ${dir} does not exist`);
  if (hasRawFiles(dir)) return buildResults(dir, options);
  const file = join(dir, 'results.json');
  if (existsSync(file)) return readResultsFile(file);
  throw new UsageError(`${dir} has no contracts/outcomes.json, load/run.json or results.json: not a run folder`);
}

export function objectivesFrom(path: string | undefined): { set: ObjectiveSet; source: string } {
  const source = path ?? DEFAULT_SLA_FILE;
  return { set: loadObjectives(source), source: path ?? 'load/objectives.default.yaml (default)' };
}

export async function writeReportWithAnalysis(runDir: string, options: ReportOptions = {}): Promise<ReportOutcome> {
  const { set, source } = objectivesFrom(options.sla);
  const now = options.now ? { now: options.now } : {};
  const dirs = [runDir, ...(options.merge ?? [])];
  const twice = dirs.find((dir, i) => dirs.findIndex((other) => resolve(other) === resolve(dir)) !== i);
  if (twice !== undefined) throw new UsageError(`${twice} is given twice: merging a run with itself would count every job twice`);
  const results = mergeResults(dirs.map((dir) => resultsOf(dir, now)), dirs);
  const analysis = analyze(results, set, source, { ...(options.maxStageGapS === undefined ? {} : { maxStageGapS: options.maxStageGapS }), ...(options.strict ? { strict: true } : {}) });
  const rendered: Record<(typeof REPORT_OUTPUTS)[number], string> = {
    'results.json': resultsText(results),
    'index.html': renderHtml(analysis),
    'summary.md': renderMarkdown(analysis),
    'junit.xml': renderJunit(analysis),
  };
  // everything is computed before a file is touched; the previous report stays aside until the new one is written
  const outputs = startOutputs(runDir, REPORT_OUTPUTS, 'report', '--in');
  try {
    for (const name of REPORT_OUTPUTS) writeFileSync(join(runDir, name), rendered[name]);
  } catch (err) {
    outputs.rollback();
    throw err;
  }
  outputs.commit();
  return { files: ['index.html', 'summary.md', 'junit.xml', 'results.json'].map((name) => join(runDir, name)), analysis };
}

/** Writes results.json, index.html, summary.md and junit.xml into the run folder; returns their paths. */
export async function writeReport(runDir: string, options: ReportOptions = {}): Promise<{ files: string[] }> {
  const { files } = await writeReportWithAnalysis(runDir, options);
  return { files };
}
