// Record and replay. `--record DIR` writes the run's exchanges as nock definitions (the format nock's recorder
// produces with `output_objects: true`, loadable with `nock.define`), in send order, with every secret redacted:
// request headers are not stored at all (nothing in a replay matches on them), bodies and URLs pass through
// core/redact.ts. `--replay DIR` loads them into nock with the network disabled and runs the same plan offline —
// what a CI gate can run on every commit for free.
//
// Why replay order is faithful: nock consumes single-use interceptors for the same method, path and body in the order
// they were defined, every case sends a body unique to it (the prompt names the case, contracts/plan.ts), and repeated
// reads of one URL (polls, the result re-read) happen one after another within a job.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { SPEC_VERSION, type ModelId } from '../core/spec.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import { redactDeep, redactHeaders, redactText } from '../core/redact.ts';
import type { RecordedRequests } from './runner.ts';
import type { Exchange, TargetKind } from './types.ts';

export const CASSETTE_FILE = 'exchanges.json';
export const MANIFEST_FILE = 'manifest.json';

/** One nock definition, plus infercheck's own metadata under a key nock ignores. */
export interface CassetteEntry {
  readonly scope: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly status: number;
  readonly response?: unknown;
  readonly responseIsBinary?: boolean;
  readonly rawHeaders: Record<string, string>;
  readonly 'x-infercheck': {
    readonly caseId: string;
    readonly operationId: string | null;
    readonly mediaType: string;
    readonly startedAt: number;
    readonly finishedAt: number;
    readonly error?: string;
  };
}

export interface CassetteManifest {
  readonly schema: 'infercheck/cassette@1';
  /** The infercheck that recorded it (core/version.ts); absent in recordings made before it was recorded. */
  readonly infercheckVersion?: string;
  readonly specVersion: string;
  readonly recordedAt: string;
  readonly target: { readonly kind: TargetKind; readonly baseUrl: string };
  readonly models: readonly ModelId[];
  readonly failPrompt?: string;
  readonly rpm?: number;
  /** The cases the recorded run sent (a budget or --grep may have left some out); replay runs exactly these. */
  readonly caseIds: readonly string[];
  readonly exchanges: number;
}

/** Hop-by-hop and framing headers describe the original connection; nock re-frames the body, so they must not replay. */
const CONNECTION_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-encoding']);

function replayableHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CONNECTION_HEADERS.has(name.toLowerCase())));
}

export function toCassetteEntry(exchange: Exchange, secrets: readonly string[]): CassetteEntry {
  const url = new URL(exchange.request.url);
  const response = exchange.response;
  const requestBody = exchange.request.json !== undefined ? redactDeep(exchange.request.json, secrets) : exchange.request.bodyText !== undefined ? redactText(exchange.request.bodyText, secrets) : undefined;
  let body: unknown;
  let responseIsBinary = false;
  if (response) {
    const isText = response.mediaType.startsWith('text/') || response.mediaType.includes('json');
    if (response.json !== undefined) body = redactDeep(response.json, secrets);
    else if (isText) body = redactText(new TextDecoder().decode(response.bytes), secrets);
    else if (response.bytes.length > 0) {
      body = Buffer.from(response.bytes).toString('hex');
      responseIsBinary = true;
    }
  }
  return {
    scope: url.origin,
    method: exchange.request.method,
    path: redactText(url.pathname + url.search, secrets),
    ...(requestBody === undefined ? {} : { body: requestBody }),
    status: response?.status ?? 0,
    ...(body === undefined ? {} : { response: body }),
    ...(responseIsBinary ? { responseIsBinary: true } : {}),
    rawHeaders: redactHeaders(redactDeep(replayableHeaders(response?.headers ?? {}), secrets)),
    'x-infercheck': {
      caseId: exchange.caseId,
      operationId: exchange.operationId,
      mediaType: response?.mediaType ?? '',
      startedAt: exchange.startedAt,
      finishedAt: exchange.finishedAt,
      ...(exchange.error ? { error: redactText(exchange.error, secrets) } : {}),
    },
  };
}

export function writeCassette(dir: string, manifest: Omit<CassetteManifest, 'schema' | 'infercheckVersion' | 'specVersion' | 'recordedAt' | 'exchanges'>, exchanges: readonly Exchange[], secrets: readonly string[]): CassetteManifest {
  mkdirSync(dir, { recursive: true });
  // Send order, so nock replays repeated reads of one URL in the order they happened.
  const ordered = [...exchanges].filter((e) => e.response).sort((a, b) => a.startedAt - b.startedAt);
  const entries = ordered.map((e) => toCassetteEntry(e, secrets));
  const full: CassetteManifest = { schema: 'infercheck/cassette@1', infercheckVersion: INFERCHECK_VERSION, specVersion: SPEC_VERSION, recordedAt: new Date().toISOString(), ...manifest, exchanges: entries.length };
  writeFileSync(join(dir, CASSETTE_FILE), `${JSON.stringify(entries, null, 1)}\n`);
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(redactDeep(full, secrets), null, 2)}\n`);
  return full;
}

export function readCassette(dir: string): { manifest: CassetteManifest; entries: CassetteEntry[] } {
  let manifest: CassetteManifest;
  let entries: CassetteEntry[];
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as CassetteManifest;
    entries = JSON.parse(readFileSync(join(dir, CASSETTE_FILE), 'utf8')) as CassetteEntry[];
  } catch (err) {
    throw new Error(`--replay ${dir}: not a recording (${err instanceof Error ? err.message : String(err)})`);
  }
  if (manifest.schema !== 'infercheck/cassette@1') throw new Error(`--replay ${dir}: unknown recording format ${String(manifest.schema)}`);
  return { manifest, entries };
}

/**
 * Loads a recording into nock with the network off. Returns a function that restores nock and reports which
 * recorded exchanges the replay never asked for.
 */
/**
 * The recorded requests as the replay's runner asks for them (contracts/runner.ts RecordedRequests): by case, method
 * and path, each recorded request taken once. A billable request of the plan that is not there was refused by the
 * recorded run's budget, and the replay refuses it the same way instead of asking nock for an answer it does not have.
 */
export function recordedRequests(entries: readonly CassetteEntry[]): RecordedRequests {
  const key = (caseId: string, method: string, path: string): string => `${caseId} ${method.toUpperCase()} ${path}`;
  const left = new Map<string, number>();
  for (const e of entries) {
    const k = key(e['x-infercheck'].caseId, e.method, e.path);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  return {
    take(caseId, method, url) {
      const parsed = new URL(url);
      const k = key(caseId, method, parsed.pathname + parsed.search);
      const n = left.get(k) ?? 0;
      if (n === 0) return false;
      left.set(k, n - 1);
      return true;
    },
  };
}

export function installReplay(entries: readonly CassetteEntry[]): () => string[] {
  nock.disableNetConnect();
  const definitions = entries.map((e) => {
    const { 'x-infercheck': _meta, ...definition } = e;
    // nock's body matcher compares parsed JSON; a JSON-typed request whose recorded body was broken text must match
    // as text, which nock does when the spec is a string.
    return definition as nock.Definition;
  });
  nock.define(definitions);
  return () => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    return pending;
  };
}
