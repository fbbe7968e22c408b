// `infercheck report`: run folder → results.json (validated) → index.html, summary.md, junit.xml. The main job
// (`npm start`) calls writeReport() when its runs are done.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadObjectives, type ObjectiveSet } from '../core/objectives.ts';
import { UsageError } from '../core/target.ts';
import { analyze, type Analysis } from './analysis.ts';
import { buildResults } from './build-results.ts';
import { mergeResults } from './merge-results.ts';
import { readResultsFile, writeResultsFile } from './results-schema.ts';
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
  const results = mergeResults([resultsOf(runDir, now), ...(options.merge ?? []).map((dir) => resultsOf(dir, now))]);
  const files = {
    results: join(runDir, 'results.json'),
    html: join(runDir, 'index.html'),
    markdown: join(runDir, 'summary.md'),
    junit: join(runDir, 'junit.xml'),
  };
  writeResultsFile(files.results, results);
  const analysis = analyze(results, set, source);
  writeFileSync(files.html, renderHtml(analysis));
  writeFileSync(files.markdown, renderMarkdown(analysis));
  writeFileSync(files.junit, renderJunit(analysis));
  return { files: [files.html, files.markdown, files.junit, files.results], analysis };
}

/** Writes results.json, index.html, summary.md and junit.xml into the run folder; returns their paths. */
export async function writeReport(runDir: string, options: ReportOptions = {}): Promise<{ files: string[] }> {
  const { files } = await writeReportWithAnalysis(runDir, options);
  return { files };
}
