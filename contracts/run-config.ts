// The options of one contract run, as the command hands them to Playwright: environment variables (never the API
// key itself — only the NAME of the variable that holds it, so the key is never on a command line or in a report).
// Read by playwright.config.ts (projects, out folder), the fixtures (engine options) and written by command.ts.
import { isAbsolute, resolve } from 'node:path';
import { MODELS, type ModelId } from '../core/spec.ts';
import { DEFAULT_LIVE_KEY_ENV, LIVE_BASE_URL } from '../core/target.ts';

export const DEFAULT_OUT_DIR = 'reports/latest/contracts';
/** How long the whole catalogue may take before it stops and reports what it judged (a frozen target must not hold CI for hours). */
export const DEFAULT_DEADLINE_S = 30 * 60;
/** The word the embedded mock fails jobs with (its raiBlock), so FAILED-job checks run against it. */
export const MOCK_FAIL_WORD = 'infercheck-rai-block';

export type TargetOption =
  | { readonly kind: 'mock' }
  | { readonly kind: 'live'; readonly baseUrl: string; readonly apiKeyEnv: string }
  | { readonly kind: 'url'; readonly baseUrl: string; readonly apiKeyEnv: string }
  | { readonly kind: 'replay'; readonly dir: string };

export interface RunConfig {
  readonly target: TargetOption;
  readonly models: readonly ModelId[];
  readonly failPrompt?: string;
  readonly rpm?: number;
  readonly maxBillable?: number;
  readonly record?: string;
  readonly outDir: string;
  readonly grep?: string;
  /** Seconds the whole catalogue may take (default DEFAULT_DEADLINE_S). */
  readonly deadlineS?: number;
  /** A difference from the spec's assumptions fails like a broken documented rule (default: a finding). */
  readonly strict?: boolean;
  /** false: no junit.xml in outDir (`--no-junit`: `infercheck run` writes the run folder's one JUnit file itself). */
  readonly junit?: boolean;
}

export const ENV = {
  target: 'INFERCHECK_CONTRACTS_TARGET',
  baseUrl: 'INFERCHECK_CONTRACTS_BASE_URL',
  keyEnv: 'INFERCHECK_CONTRACTS_KEY_ENV',
  models: 'INFERCHECK_CONTRACTS_MODELS',
  failPrompt: 'INFERCHECK_CONTRACTS_FAIL_PROMPT',
  rpm: 'INFERCHECK_CONTRACTS_RPM',
  maxBillable: 'INFERCHECK_CONTRACTS_MAX_BILLABLE',
  record: 'INFERCHECK_CONTRACTS_RECORD',
  replay: 'INFERCHECK_CONTRACTS_REPLAY',
  out: 'INFERCHECK_CONTRACTS_OUT',
  grep: 'INFERCHECK_CONTRACTS_GREP',
  deadline: 'INFERCHECK_CONTRACTS_DEADLINE_S',
  /** `1`: --strict. Set it by hand to run the Playwright suite strictly (npx playwright test -c contracts/playwright.config.ts). */
  strict: 'INFERCHECK_CONTRACTS_STRICT',
  /** `0`: --no-junit. */
  junit: 'INFERCHECK_CONTRACTS_JUNIT',
  /** Set by `infercheck contracts` after it ran the catalogue: Playwright's global setup then only reads the outcomes. */
  outcomesReady: 'INFERCHECK_CONTRACTS_OUTCOMES_READY',
} as const;

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

export function toEnv(config: RunConfig): Record<string, string> {
  const env: Record<string, string> = { [ENV.target]: config.target.kind, [ENV.models]: config.models.join(','), [ENV.out]: absolute(config.outDir) };
  if (config.target.kind === 'live' || config.target.kind === 'url') {
    env[ENV.baseUrl] = config.target.baseUrl;
    env[ENV.keyEnv] = config.target.apiKeyEnv;
  }
  if (config.target.kind === 'replay') env[ENV.replay] = absolute(config.target.dir);
  if (config.failPrompt !== undefined) env[ENV.failPrompt] = config.failPrompt;
  if (config.rpm !== undefined) env[ENV.rpm] = String(config.rpm);
  if (config.maxBillable !== undefined) env[ENV.maxBillable] = String(config.maxBillable);
  if (config.record !== undefined) env[ENV.record] = absolute(config.record);
  if (config.grep !== undefined) env[ENV.grep] = config.grep;
  if (config.deadlineS !== undefined) env[ENV.deadline] = String(config.deadlineS);
  if (config.strict) env[ENV.strict] = '1';
  if (config.junit === false) env[ENV.junit] = '0';
  return env;
}

/** The run described by the environment; with nothing set, the default run: the mock, every model. */
export function fromEnv(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const kind = env[ENV.target] ?? 'mock';
  let target: TargetOption;
  if (kind === 'mock') target = { kind: 'mock' };
  else if (kind === 'live') target = { kind: 'live', baseUrl: env[ENV.baseUrl] ?? LIVE_BASE_URL, apiKeyEnv: env[ENV.keyEnv] ?? DEFAULT_LIVE_KEY_ENV };
  else if (kind === 'url') target = { kind: 'url', baseUrl: env[ENV.baseUrl] ?? '', apiKeyEnv: env[ENV.keyEnv] ?? DEFAULT_LIVE_KEY_ENV };
  else if (kind === 'replay') target = { kind: 'replay', dir: env[ENV.replay] ?? '' };
  else throw new Error(`${ENV.target} must be mock, live, url or replay, got "${kind}"`);
  const models = (env[ENV.models] ?? '').split(',').filter(Boolean) as ModelId[];
  const number = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
  const rpm = number(env[ENV.rpm]);
  const maxBillable = number(env[ENV.maxBillable]);
  const deadlineS = number(env[ENV.deadline]);
  return {
    target,
    models: models.length > 0 ? models : [...MODELS],
    ...(env[ENV.failPrompt] ? { failPrompt: env[ENV.failPrompt] } : {}),
    ...(rpm !== undefined ? { rpm } : {}),
    ...(maxBillable !== undefined ? { maxBillable } : {}),
    ...(env[ENV.record] ? { record: env[ENV.record] } : {}),
    outDir: absolute(env[ENV.out] ?? DEFAULT_OUT_DIR),
    ...(env[ENV.grep] ? { grep: env[ENV.grep] } : {}),
    ...(deadlineS !== undefined ? { deadlineS } : {}),
    ...(env[ENV.strict] === '1' || env[ENV.strict] === 'true' ? { strict: true } : {}),
    ...(env[ENV.junit] === '0' ? { junit: false } : {}),
  };
}

/** How a re-run names this run's target on the command line (the key's variable, never the key). */
export function rerunArgs(config: RunConfig): string[] {
  const target = config.target;
  const keyArgs = (apiKeyEnv: string): string[] => (apiKeyEnv === DEFAULT_LIVE_KEY_ENV ? [] : ['--api-key-env', apiKeyEnv]);
  switch (target.kind) {
    case 'mock':
      return [];
    case 'live':
      return ['--target', 'live', ...keyArgs(target.apiKeyEnv)];
    case 'url':
      return ['--target', target.baseUrl, ...keyArgs(target.apiKeyEnv)];
    case 'replay':
      return ['--replay', target.dir];
  }
}
