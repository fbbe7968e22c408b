// results.json's own JSON Schema (results.schema.json), compiled once with Ajv2020 in strict mode. Every
// results.json is validated when written and again when read (a baseline handed to the gate may be old or edited).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { UsageError } from '../core/target.ts';
import { SCENARIO_NAMES } from '../load/scenarios/index.ts';
import { RESULTS_SCHEMA, type Results } from './results-types.ts';

const schema = JSON.parse(readFileSync(new URL('./results.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile<Results>(schema);

/** Problems with a candidate results document, empty when it is valid. */
export function resultsProblems(doc: unknown): string[] {
  if (!validate(doc)) return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  // the scenario names live in one list (load/scenarios/), not in a second copy inside the JSON Schema
  const scenario = doc.load?.scenario;
  if (scenario !== undefined && !SCENARIO_NAMES.includes(scenario)) return [`/load/scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${scenario}"`];
  return [];
}

export function assertValidResults(doc: unknown, source: string): asserts doc is Results {
  const schemaTag = typeof doc === 'object' && doc !== null ? (doc as { schema?: unknown }).schema : undefined;
  if (schemaTag !== RESULTS_SCHEMA) throw new UsageError(`${source}: not an infercheck results file (schema is ${JSON.stringify(schemaTag ?? null)}, expected "${RESULTS_SCHEMA}")`);
  const problems = resultsProblems(doc);
  if (problems.length) throw new UsageError(`${source}: invalid results.json: ${problems.join('; ')}`);
}

export function readResultsFile(path: string): Results {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read ${path} as JSON${err instanceof SyntaxError ? ` (${err.message})` : ''}`);
  }
  assertValidResults(doc, path);
  return doc;
}

/** results.json's text, validated: computed before any file is touched. */
export function resultsText(results: Results): string {
  assertValidResults(results, 'results.json being written');
  return `${JSON.stringify(results)}\n`;
}
