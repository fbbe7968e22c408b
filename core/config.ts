// The config file: `infercheck.config.json`, `.yaml` or `.yml`, found from the working directory upwards (the way
// Playwright and Schemathesis users keep settings in the repository). It holds defaults for the flags — the target,
// the models, the budget, the objectives, the output folder, --strict — and a flag given on the command line always
// wins. It is checked (Ajv, one line per problem, exit 2) before a command does anything, so a typo never costs a
// run. It never holds a key: only the NAME of the variable that holds it (apiKeyEnv); a file that looks like it
// carries a key is refused, without printing what it found.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { MODELS } from './spec.ts';
import { UsageError } from './target.ts';

export const CONFIG_FILES = ['infercheck.config.json', 'infercheck.config.yaml', 'infercheck.config.yml'] as const;

export interface InfercheckConfig {
  /** mock | live | an http(s) URL: contracts' and load's --target. */
  readonly target?: string;
  /** The environment variable that holds the API key (never the key): --api-key-env. */
  readonly apiKeyEnv?: string;
  readonly models?: readonly string[];
  /** --max-billable: the most billable requests one invocation may send. */
  readonly maxBillable?: number;
  /** The objectives (SLA) file: --sla of load, run and report. Relative to the config file. */
  readonly objectives?: string;
  /** The run folder: run --out, report --in; contracts and load write to its contracts/ and load/. Relative to the config file. */
  readonly out?: string;
  /** --strict of contracts, run and report. */
  readonly strict?: boolean;
}

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    target: { type: 'string', pattern: '^(mock|live|https?://\\S+)$' },
    apiKeyEnv: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    models: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...MODELS] } },
    maxBillable: { type: 'integer', minimum: 0 },
    objectives: { type: 'string', minLength: 1 },
    out: { type: 'string', minLength: 1 },
    strict: { type: 'boolean' },
  },
} as const;

const validateConfig = new Ajv2020({ strict: true, allErrors: true }).compile(CONFIG_SCHEMA);

const WHAT: Record<string, string> = {
  target: 'mock, live or an http(s) URL',
  apiKeyEnv: 'the NAME of an environment variable (letters, digits, _), never the key itself',
  maxBillable: 'a whole number ≥ 0',
};

function schemaMessage(errors: readonly ErrorObject[]): string {
  const first = [...errors].sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'))[0]!;
  const path = first.instancePath.slice(1).replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.');
  const key = path.split(/[.[]/)[0] ?? '';
  switch (first.keyword) {
    case 'additionalProperties':
      return `unknown key "${(first.params as { additionalProperty: string }).additionalProperty}" (known: ${Object.keys(CONFIG_SCHEMA.properties).filter((k) => k !== '$schema').join(', ')})`;
    case 'enum':
      return `${path}: unknown model (known: ${MODELS.join(', ')})`;
    case 'type':
      return path ? `${path} must be ${WHAT[key] ?? `a ${(first.params as { type: string }).type}`}` : 'expected a mapping of settings';
    default:
      return `${path || 'the file'} ${WHAT[key] ? `must be ${WHAT[key]}` : first.message ?? 'is invalid'}`;
  }
}

/** Key-shaped names other than apiKeyEnv, and values that look like a key (Segmind's SG_…, a long random token). */
const SECRET_NAME = /(api[-_]?key|secret|token|password|passwd|credential)s?$/i;

function looksLikeKey(value: string): boolean {
  if (/^SG_[A-Za-z0-9]{8,}$/.test(value)) return true;
  // a long run of letters and digits, mixed, that is not an ENV_VAR_NAME: a token, not a name or a path
  return /^[A-Za-z0-9_-]{24,}$/.test(value) && /\d/.test(value) && /[a-z]/.test(value) && !/^[A-Z0-9_]+$/.test(value);
}

function secretProblem(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return looksLikeKey(value) ? path : undefined;
  if (Array.isArray(value)) return value.map((v, i) => secretProblem(v, `${path}[${i}]`)).find(Boolean);
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key !== 'apiKeyEnv' && SECRET_NAME.test(key)) return here;
      const inner = secretProblem(v, here);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The nearest config file from `cwd` upwards, or undefined. */
export function findConfigFile(cwd: string = process.cwd()): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  readonly path: string;
  readonly config: InfercheckConfig;
}

/** Reads and checks one config file; every problem is a UsageError naming the file and the setting. */
export function readConfigFile(path: string): LoadedConfig {
  const name = basename(path);
  let data: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new UsageError(`${path}: cannot be read as ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`);
  }
  data ??= {};
  const secret = secretProblem(data, '');
  if (secret) throw new UsageError(`${name}: ${secret} looks like an API key; keep keys out of files — put it in an environment variable and name that with apiKeyEnv`);
  if (!validateConfig(data)) throw new UsageError(`${name}: ${schemaMessage(validateConfig.errors ?? [])}`);
  const config = data as InfercheckConfig;
  const here = dirname(path);
  return {
    path,
    config: {
      ...config,
      ...(config.objectives !== undefined ? { objectives: resolve(here, config.objectives) } : {}),
      ...(config.out !== undefined ? { out: resolve(here, config.out) } : {}),
    },
  };
}

/** Where each setting goes, per command: [option name (commander's camelCase), value as the flag would give it]. */
export function configOptions(command: string, config: InfercheckConfig): [string, string | boolean][] {
  const pairs: [string, string | boolean | undefined][] = [];
  const staged = (stage: string): string | undefined => (config.out === undefined ? undefined : join(config.out, stage));
  if (command === 'contracts' || command === 'load') {
    pairs.push(['target', config.target], ['apiKeyEnv', config.apiKeyEnv], ['models', config.models?.join(',')], ['maxBillable', config.maxBillable?.toString()], ['out', staged(command)]);
  }
  if (command === 'load' || command === 'run' || command === 'report') pairs.push(['sla', config.objectives]);
  if (command === 'run') pairs.push(['out', config.out]);
  if (command === 'report') pairs.push(['in', config.out]);
  if (command === 'contracts' || command === 'run' || command === 'report') pairs.push(['strict', config.strict]);
  return pairs.filter((p): p is [string, string | boolean] => p[1] !== undefined);
}
