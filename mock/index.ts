// `startMock(options)`: the embedded, stateful Segmind mock (issue 3). A pure core (core.ts: queue, clock, RNG
// injected) under a thin node:http shell (http-shell.ts). This file resolves options, wires the two, and owns the
// server's lifecycle. The interface is shared with the contracts, load and reports engineers: extend it only with
// optional fields.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MODELS } from '../core/spec.ts';
import { effectiveParameters } from '../core/effective-params.ts';
import { systemClock, type Clock } from './clock.ts';
import { MockCore } from './core.ts';
import { createShell, type FaultConfig } from './http-shell.ts';
import { JpegCache } from './images.ts';
import { PROFILES, parseServiceTime, profileModel, serviceTimeModel, type ProfileName } from './latency.ts';
import { seededRng } from '../core/rng.ts';

/** The documented default dev key (format SG_ + 16 hex, reference §1.1). Not a secret: it only opens the mock. */
export const DEFAULT_DEV_KEY = 'SG_0123456789abcdef';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
export const DEFAULT_MAX_QUEUE_DEPTH = 1000;
export const DEFAULT_MAX_RECORDS = 200_000;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADER_TIMEOUT_MS = 10_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_CONNECTIONS = 1024;
/** The environment variable the CLI reads accepted keys from (comma-separated); kept out of `ps` and shell history. */
export const API_KEY_ENV = 'INFERCHECK_MOCK_API_KEY';

export interface MockFaults {
  /** Fraction (0–1) of vendor requests answered with errorStatus instead of being served. */
  errorRate?: number;
  /** Status for errorRate faults: 500 (default), 502, 503 or 504. */
  errorStatus?: number;
  /** Periodic outage: the first durationMs of every everyMs answer `status` (502 default, or 504). */
  burst?: { status?: number; everyMs: number; durationMs: number };
  /** Extra delay in ms before answering… */
  slowMs?: number;
  /** …applied to this fraction of vendor requests (default 1 = all when slowMs is set). */
  slowRate?: number;
  /** Fraction (0–1) of vendor requests whose connection is dropped without an answer. */
  dropRate?: number;
}

export interface MockOptions {
  host?: string;
  port?: number;
  apiKeys?: string[];
  workers?: number;
  profile?: ProfileName;
  serviceTime?: string;
  seed?: number;
  retentionS?: number;
  credits?: number;
  rpm?: number;
  raiBlock?: string[];
  faults?: MockFaults;
  adminToken?: string;
  maxQueueDepth?: number;
  maxBodyBytes?: number;
  /** Extension: stored-record cap (oldest evicted first beyond it), default 200 000. */
  maxRecords?: number;
  /** Extension: a request body must arrive within this many ms, else 408; default 10 000. */
  bodyTimeoutMs?: number;
  /** Extension: a request's headers must arrive within this many ms of its first byte (or of connecting), else 408 and close; default 10 000. */
  headerTimeoutMs?: number;
  /** Extension: an idle keep-alive connection is closed after this many ms; default 5 000. */
  keepAliveTimeoutMs?: number;
  /** Extension: connections served at once; every request on a connection beyond it is answered 503; default 1 024. */
  maxConnections?: number;
  /** Extension: the clock of the core (tests); the wall clock by default. */
  clock?: Clock;
  /**
   * Extension: encode the default size's pictures before listening (≈ 1 s of CPU once), so the first results served
   * do not stall the server while they are encoded; the `mock` command and the load stage's embedded mock do. Off by
   * default: most tests read few images and start many mocks.
   */
  warmImages?: boolean;
}

export interface RunningMock {
  url: string;
  apiKey: string;
  close(): Promise<void>;
  /** Extension: the core, for in-process inspection. */
  readonly core: MockCore;
}

export interface ResolvedMockOptions {
  readonly host: string;
  readonly port: number;
  readonly apiKeys: readonly string[];
  readonly workers: number;
  readonly profile: ProfileName;
  readonly serviceTime: string | null;
  readonly seed: number;
  readonly retentionS: number;
  readonly credits: number;
  readonly rpm: number;
  readonly raiBlock: readonly string[];
  readonly faults: FaultConfig;
  readonly adminToken: string | null;
  readonly maxQueueDepth: number;
  readonly maxBodyBytes: number;
  readonly maxRecords: number;
  readonly bodyTimeoutMs: number;
  readonly headerTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(message);
}

const isRate = (n: number): boolean => Number.isFinite(n) && n >= 0 && n <= 1;

/** Applies defaults and rejects nonsense with a one-line message naming the option. */
export function resolveMockOptions(options: MockOptions = {}): ResolvedMockOptions {
  const apiKeys = options.apiKeys && options.apiKeys.length > 0 ? [...options.apiKeys] : [DEFAULT_DEV_KEY];
  for (const key of apiKeys) check(typeof key === 'string' && key.length > 0 && !/[\s,]/.test(key), 'api key: must be a non-empty string without spaces or commas');
  const port = options.port ?? 0;
  check(Number.isInteger(port) && port >= 0 && port <= 65535, `port: must be an integer 0–65535, got ${port}`);
  const workers = options.workers ?? 2;
  check(Number.isInteger(workers) && workers >= 1 && workers <= 1024, `workers: must be an integer 1–1024, got ${workers}`);
  const profile = options.profile ?? 'realistic';
  check(profile in PROFILES, `profile: must be realistic or ci, got ${String(profile)}`);
  const serviceTime = options.serviceTime ?? null;
  if (serviceTime !== null) parseServiceTime(serviceTime);
  const seed = options.seed ?? 1;
  check(Number.isFinite(seed), `seed: must be a number, got ${seed}`);
  const retentionS = options.retentionS ?? 3600;
  check(Number.isFinite(retentionS) && retentionS > 0, `retention-s: must be > 0, got ${retentionS}`);
  const credits = options.credits ?? 1000;
  check(Number.isFinite(credits) && credits >= 0, `credits: must be >= 0, got ${credits}`);
  const rpm = options.rpm ?? 0;
  check(Number.isInteger(rpm) && rpm >= 0, `rpm: must be an integer >= 0, got ${rpm}`);
  const maxQueueDepth = options.maxQueueDepth ?? DEFAULT_MAX_QUEUE_DEPTH;
  check(Number.isInteger(maxQueueDepth) && maxQueueDepth >= 0, `max-queue-depth: must be an integer >= 0, got ${maxQueueDepth}`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  check(Number.isInteger(maxBodyBytes) && maxBodyBytes >= 64, `max-body-bytes: must be an integer >= 64, got ${maxBodyBytes}`);
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  check(Number.isInteger(maxRecords) && maxRecords >= 1, `max-records: must be an integer >= 1, got ${maxRecords}`);
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  check(Number.isFinite(bodyTimeoutMs) && bodyTimeoutMs > 0, `body-timeout-ms: must be > 0, got ${bodyTimeoutMs}`);
  const headerTimeoutMs = options.headerTimeoutMs ?? DEFAULT_HEADER_TIMEOUT_MS;
  check(Number.isInteger(headerTimeoutMs) && headerTimeoutMs >= 10, `header-timeout-ms: must be an integer >= 10, got ${headerTimeoutMs}`);
  const keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  check(Number.isInteger(keepAliveTimeoutMs) && keepAliveTimeoutMs >= 1, `keep-alive-timeout-ms: must be an integer >= 1, got ${keepAliveTimeoutMs}`);
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  check(Number.isInteger(maxConnections) && maxConnections >= 1, `max-connections: must be an integer >= 1, got ${maxConnections}`);
  const f = options.faults ?? {};
  const errorRate = f.errorRate ?? 0;
  check(isRate(errorRate), `error-rate: must be 0–1, got ${errorRate}`);
  const errorStatus = f.errorStatus ?? 500;
  check([500, 502, 503, 504].includes(errorStatus), `error status: must be 500, 502, 503 or 504, got ${errorStatus}`);
  const dropRate = f.dropRate ?? 0;
  check(isRate(dropRate), `drop-rate: must be 0–1, got ${dropRate}`);
  const slowMs = f.slowMs ?? 0;
  check(Number.isFinite(slowMs) && slowMs >= 0, `slow-ms: must be >= 0, got ${slowMs}`);
  const slowRate = f.slowRate ?? 1;
  check(isRate(slowRate), `slow-rate: must be 0–1, got ${slowRate}`);
  let burst: FaultConfig['burst'] = null;
  if (f.burst) {
    const status = f.burst.status ?? 502;
    check(status === 502 || status === 504, `burst: status must be 502 or 504, got ${status}`);
    check(f.burst.everyMs > 0 && f.burst.durationMs > 0 && f.burst.durationMs <= f.burst.everyMs, 'burst: need 0 < durationMs <= everyMs');
    burst = { status, everyMs: f.burst.everyMs, durationMs: f.burst.durationMs };
  }
  const raiBlock = (options.raiBlock ?? []).map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0);
  return {
    host: options.host ?? '127.0.0.1',
    port,
    apiKeys,
    workers,
    profile,
    serviceTime,
    seed,
    retentionS,
    credits,
    rpm,
    raiBlock,
    faults: { errorRate, errorStatus, burst, slowMs, slowRate, dropRate },
    adminToken: options.adminToken && options.adminToken.length > 0 ? options.adminToken : null,
    maxQueueDepth,
    maxBodyBytes,
    maxRecords,
    bodyTimeoutMs,
    headerTimeoutMs,
    keepAliveTimeoutMs,
    maxConnections,
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The core alone, for in-process use (tests, the discrete-event checks, the memory bench). */
export function createCore(resolved: ResolvedMockOptions, clock: Clock = systemClock): MockCore {
  const latency = resolved.serviceTime !== null ? serviceTimeModel(parseServiceTime(resolved.serviceTime)) : profileModel(PROFILES[resolved.profile]);
  return new MockCore(
    {
      models: MODELS,
      workers: resolved.workers,
      latency,
      retentionMs: resolved.retentionS * 1000,
      credits: resolved.credits,
      rpm: resolved.rpm,
      raiBlock: resolved.raiBlock,
      maxQueueDepth: resolved.maxQueueDepth,
      maxRecords: resolved.maxRecords,
      keyCount: resolved.apiKeys.length,
    },
    clock,
    seededRng(resolved.seed),
  );
}

/** The effective options as GET /__mock/config shows them: never the keys or the admin token. */
export function publicConfig(resolved: ResolvedMockOptions): Record<string, unknown> {
  const { apiKeys, adminToken, ...rest } = resolved;
  return { ...rest, models: [...MODELS], apiKeyCount: apiKeys.length, adminTokenSet: adminToken !== null };
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const resolved = resolveMockOptions(options);
  const core = createCore(resolved, options.clock ?? systemClock);
  const shellConfig = {
    apiKeys: resolved.apiKeys,
    adminToken: resolved.adminToken,
    adminOpenWithoutToken: isLoopback(resolved.host),
    maxBodyBytes: resolved.maxBodyBytes,
    bodyTimeoutMs: resolved.bodyTimeoutMs,
    faults: resolved.faults,
    fallbackAuthority: `${resolved.host}:${resolved.port}`,
    rpm: resolved.rpm,
    maxConnections: resolved.maxConnections,
    publicConfig: publicConfig(resolved),
  };
  // Faults draw from their own stream so turning them on does not change the job timings of a seeded run.
  const images = new JpegCache(32);
  if (options.warmImages) {
    // the size a request gets when it names none: the spec's defaults, read as the shell reads them
    const asked = effectiveParameters({ prompt: 'warm' });
    images.warm(asked['img_width'] as number, asked['img_height'] as number);
  }
  const shell = createShell(core, images, shellConfig, seededRng(resolved.seed ^ 0x5bd1e995));
  const server: Server = createServer(
    {
      keepAliveTimeout: resolved.keepAliveTimeoutMs,
      headersTimeout: resolved.headerTimeoutMs,
      // The shell times the body itself (bodyTimeoutMs, 408 envelope); this is Node's backstop over the whole request.
      requestTimeout: resolved.headerTimeoutMs + resolved.bodyTimeoutMs + 1000,
      // Node checks those two timeouts only on this interval (default 30 s: the documented 10 s header timeout was
      // really 30–39 s). A tenth of the header timeout, at most 1 s, keeps it within 10 % of what is documented.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.round(resolved.headerTimeoutMs / 10))),
    },
    (req, res) => shell.handle(req, res),
  );
  // Node would send `100 Continue` for every request that asks; the shell sends it only once the body is wanted.
  server.on('checkContinue', (req, res) => shell.handle(req, res));
  server.on('connection', (socket: Socket) => shell.connection(socket));
  // A malformed request line, oversized headers, headers too slow: the documented envelope after the answers owed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => shell.clientError(err, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  shellConfig.fallbackAuthority = `${hostForUrl}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    apiKey: resolved.apiKeys[0]!,
    core,
    close() {
      closing ??= new Promise<void>((resolve) => {
        shell.shutdown();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export { MockCore } from './core.ts';
export { FakeClock, systemClock, type Clock } from './clock.ts';
