// `infercheck mock`: serve the embedded, stateful Segmind mock until SIGINT/SIGTERM. Flags map one to one onto
// MockOptions (mock/index.ts); bad values are a UsageError (one line, exit 2). Prints exactly one line on start,
// containing the base URL, so scripts can `grep -o 'http://[^ ]*'` it.
//
// Accepted API keys come, most explicit first, from --api-key, --api-key-file or INFERCHECK_MOCK_API_KEY, else the
// dev key. The environment and the file are preferred: a flag's value is visible to every user in `ps` and stays in
// shell history. No key value is ever printed, not even in an error.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { COMMON_ENVIRONMENT, COMMON_EXIT_CODES, helpSections, type CommandHelp } from '../core/cli-help.ts';
import { emitResult } from '../core/cli-output.ts';
import { EXIT } from '../core/exit-codes.ts';
import { UsageError } from '../core/target.ts';
import { MODELS } from '../core/spec.ts';
import { parseServiceTime } from './latency.ts';
import {
  API_KEY_ENV,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_DEV_KEY,
  DEFAULT_HEADER_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_QUEUE_DEPTH,
  resolveMockOptions,
  startMock,
  type MockFaults,
  type MockOptions,
} from './index.ts';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function number(flag: string, text: string | undefined, { integer = false, min = -Infinity, max = Infinity } = {}): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    const range = `${min === -Infinity ? '' : `>= ${min}`}${max === Infinity ? '' : ` and <= ${max}`}`;
    throw new UsageError(`${flag} must be ${integer ? 'an integer' : 'a number'}${range ? ` ${range.trim()}` : ''}, got "${text}"`);
  }
  return value;
}

/** `STATUS:EVERY_MS:DURATION_MS`, e.g. `502:10000:2000` = a 2 s outage of 502s every 10 s. */
function parseBurst(text: string | undefined): MockFaults['burst'] {
  if (text === undefined) return undefined;
  const match = /^(502|504):(\d+):(\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--burst must be STATUS:EVERY_MS:DURATION_MS with STATUS 502 or 504, got "${text}"`);
  return { status: Number(match[1]), everyMs: Number(match[2]), durationMs: Number(match[3]) };
}

interface MockFlags {
  port: string;
  host: string;
  apiKey?: string[];
  apiKeyFile?: string;
  workers: string;
  profile: string;
  serviceTime?: string;
  seed: string;
  retentionS: string;
  credits: string;
  rpm: string;
  raiBlock?: string[];
  errorRate?: string;
  errorStatus?: string;
  burst?: string;
  slowMs?: string;
  slowRate?: string;
  dropRate?: string;
  adminToken?: string;
  maxQueueDepth: string;
  maxBodyBytes: string;
  bodyTimeoutMs?: string;
  headerTimeoutMs?: string;
  keepAliveTimeoutMs?: string;
  maxConnections?: string;
}

export interface ApiKeySource {
  /** undefined: the dev key. */
  readonly keys: string[] | undefined;
  /** Where they came from, for the start line (never the values). */
  readonly from: string;
}

/** One key per line; blank lines and `#` comments are skipped. */
function keysFromFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--api-key-file: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  if (keys.length === 0) throw new UsageError(`--api-key-file: no key in ${path} (one key per line)`);
  return keys;
}

/** The accepted keys, most explicit first: --api-key, --api-key-file, INFERCHECK_MOCK_API_KEY (comma-separated). */
export function apiKeysFrom(flags: Pick<MockFlags, 'apiKey' | 'apiKeyFile'>, env: NodeJS.ProcessEnv = process.env): ApiKeySource {
  const fromFlag = flags.apiKey ?? [];
  if (fromFlag.length > 0 && flags.apiKeyFile !== undefined) throw new UsageError('use either --api-key or --api-key-file, not both');
  if (fromFlag.length > 0) return { keys: fromFlag, from: '--api-key' };
  if (flags.apiKeyFile !== undefined) return { keys: keysFromFile(flags.apiKeyFile), from: '--api-key-file' };
  const fromEnv = (env[API_KEY_ENV] ?? '').split(',').map((key) => key.trim()).filter((key) => key.length > 0);
  if (fromEnv.length > 0) return { keys: fromEnv, from: API_KEY_ENV };
  return { keys: undefined, from: 'the default dev key' };
}

export function optionsFromFlags(flags: MockFlags, env: NodeJS.ProcessEnv = process.env, keys: ApiKeySource = apiKeysFrom(flags, env)): MockOptions {
  if (flags.profile !== 'realistic' && flags.profile !== 'ci') throw new UsageError(`--profile must be realistic or ci, got "${flags.profile}"`);
  if (flags.serviceTime !== undefined) {
    try {
      parseServiceTime(flags.serviceTime);
    } catch (err) {
      throw new UsageError(`--service-time: ${(err as Error).message}`);
    }
  }
  const options: MockOptions = {
    host: flags.host,
    warmImages: true,
    port: number('--port', flags.port, { integer: true, min: 0, max: 65535 }),
    workers: number('--workers', flags.workers, { integer: true, min: 1, max: 1024 }),
    profile: flags.profile,
    seed: number('--seed', flags.seed),
    retentionS: number('--retention-s', flags.retentionS, { min: 0.001 }),
    credits: number('--credits', flags.credits, { min: 0 }),
    rpm: number('--rpm', flags.rpm, { integer: true, min: 0 }),
    raiBlock: flags.raiBlock ?? [],
    maxQueueDepth: number('--max-queue-depth', flags.maxQueueDepth, { integer: true, min: 0 }),
    maxBodyBytes: number('--max-body-bytes', flags.maxBodyBytes, { integer: true, min: 64 }),
    faults: {
      errorRate: number('--error-rate', flags.errorRate, { min: 0, max: 1 }),
      errorStatus: number('--error-status', flags.errorStatus, { integer: true, min: 500, max: 504 }),
      burst: parseBurst(flags.burst),
      slowMs: number('--slow-ms', flags.slowMs, { min: 0 }),
      slowRate: number('--slow-rate', flags.slowRate, { min: 0, max: 1 }),
      dropRate: number('--drop-rate', flags.dropRate, { min: 0, max: 1 }),
    },
  };
  if (flags.serviceTime !== undefined) options.serviceTime = flags.serviceTime;
  if (keys.keys) options.apiKeys = keys.keys;
  const bodyTimeoutMs = number('--body-timeout-ms', flags.bodyTimeoutMs, { min: 1 });
  if (bodyTimeoutMs !== undefined) options.bodyTimeoutMs = bodyTimeoutMs;
  const headerTimeoutMs = number('--header-timeout-ms', flags.headerTimeoutMs, { integer: true, min: 10 });
  if (headerTimeoutMs !== undefined) options.headerTimeoutMs = headerTimeoutMs;
  const keepAliveTimeoutMs = number('--keep-alive-timeout-ms', flags.keepAliveTimeoutMs, { integer: true, min: 1 });
  if (keepAliveTimeoutMs !== undefined) options.keepAliveTimeoutMs = keepAliveTimeoutMs;
  const maxConnections = number('--max-connections', flags.maxConnections, { integer: true, min: 1 });
  if (maxConnections !== undefined) options.maxConnections = maxConnections;
  // The admin token may come from the environment so it stays out of shell history and `ps`.
  const adminToken = flags.adminToken ?? env['INFERCHECK_MOCK_ADMIN_TOKEN'];
  if (adminToken) options.adminToken = adminToken;
  try {
    resolveMockOptions(options);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return options;
}

export const MOCK_HELP: CommandHelp = {
  examples: [
    'npx infercheck mock --port 8080                      # the vendor\'s API on http://127.0.0.1:8080 until Ctrl-C',
    'npx infercheck mock --profile ci --rai-block forbidden --json   # fast jobs; one JSON line (url, pid) on stdout',
  ],
  environment: [
    [API_KEY_ENV, 'accepted API keys, comma-separated (default: the dev key); never printed'],
    ['INFERCHECK_MOCK_ADMIN_TOKEN', 'the token /__mock/* then requires'],
    COMMON_ENVIRONMENT.noColor,
  ],
  exitCodes: [
    [EXIT.pass, 'stopped by SIGINT/SIGTERM after serving'],
    COMMON_EXIT_CODES.usage,
    [EXIT.unreachable, 'the mock could not start (the port taken: one line)'],
  ],
};

export function registerMockCommand(program: Command): void {
  program
    .command('mock')
    .description('serve the embedded, stateful Segmind mock (the default target) until SIGINT/SIGTERM')
    .option('--port <n>', 'port to bind, 0 for an ephemeral one', '0')
    .option('--host <addr>', 'address to bind (beyond loopback the /__mock admin surface needs --admin-token)', '127.0.0.1')
    .option('--api-key <key>', `accepted x-api-key, for local use: visible in ps and shell history (repeatable; prefer ${API_KEY_ENV} or --api-key-file; default the dev key ${DEFAULT_DEV_KEY})`, collect)
    .option('--api-key-file <path>', `accepted keys, one per line (# comments allowed); or set ${API_KEY_ENV}=KEY[,KEY…]`)
    .option('--workers <n>', 'simulated GPU workers per model', '2')
    .option('--profile <name>', 'latency model: realistic | ci', 'realistic')
    .option('--service-time <dist>', 'exact inference time instead of the profile: fixed:MS | exp:MEAN_MS | lognormal:MEDIAN_MS,SIGMA')
    .option('--seed <n>', 'RNG seed: same seed + same requests → same timings, ids and images', '1')
    .option('--retention-s <s>', 'records expire this long after submission', '3600')
    .option('--credits <n>', 'starting balance of every key', '1000')
    .option('--rpm <n>', 'requests per minute per key, 0 = unlimited', '0')
    .option('--rai-block <word>', 'a prompt containing this word fails with a content-policy error (repeatable)', collect)
    .option('--error-rate <0-1>', 'fault: fraction of requests answered with --error-status')
    .option('--error-status <code>', 'fault: 500 | 502 | 503 | 504 for --error-rate (default 500)')
    .option('--burst <spec>', 'fault: STATUS:EVERY_MS:DURATION_MS outage windows, STATUS 502 or 504')
    .option('--slow-ms <ms>', 'fault: extra delay before answering')
    .option('--slow-rate <0-1>', 'fault: fraction of requests delayed by --slow-ms (default 1)')
    .option('--drop-rate <0-1>', 'fault: fraction of connections dropped without an answer')
    .option('--admin-token <token>', 'require x-admin-token on /__mock/* (or set INFERCHECK_MOCK_ADMIN_TOKEN)')
    .option('--max-queue-depth <n>', 'waiting jobs per model beyond which submit answers 503', String(DEFAULT_MAX_QUEUE_DEPTH))
    .option('--max-body-bytes <n>', 'request bodies beyond this answer 413', String(DEFAULT_MAX_BODY_BYTES))
    .option('--body-timeout-ms <ms>', `a request body must arrive within this time, else 408 (default ${DEFAULT_BODY_TIMEOUT_MS})`)
    .option('--header-timeout-ms <ms>', `request headers must arrive within this time, else 408 and close (default ${DEFAULT_HEADER_TIMEOUT_MS})`)
    .option('--keep-alive-timeout-ms <ms>', `an idle keep-alive connection is closed after this time (default ${DEFAULT_KEEP_ALIVE_TIMEOUT_MS})`)
    .option('--max-connections <n>', `connections served at once; requests on one beyond it are answered 503 (default ${DEFAULT_MAX_CONNECTIONS})`)
    .option('--json', 'print one JSON line on stdout once serving (url, models, pid); the start line goes to stderr')
    .addHelpText('after', `\n${helpSections(MOCK_HELP)}\n`)
    .action(async (flags: MockFlags) => {
      const keys = apiKeysFrom(flags);
      const mock = await startMock(optionsFromFlags(flags, process.env, keys));
      const what = flags.serviceTime ? `service time ${flags.serviceTime}` : `profile ${flags.profile}`;
      const keyCount = keys.keys?.length ?? 1;
      emitResult({ command: 'mock', exitCode: EXIT.pass, url: mock.url, models: [...MODELS], workers: Number(flags.workers), apiKeysFrom: keys.from, admin: `${mock.url}/__mock/stats`, pid: process.pid });
      process.stdout.write(
        `infercheck mock: serving ${MODELS.join(', ')} on ${mock.url} (${flags.workers} workers per model, ${what}; ${keyCount} API key${keyCount === 1 ? '' : 's'} from ${keys.from}; admin at ${mock.url}/__mock/stats)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void mock.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
