// Drift: where a recording disagrees with today's spec. A recording is evidence of what a target did; the spec moves
// (npm run gen). Each recorded exchange is judged again with today's operation table and generated validators, and
// each recorded request body with today's Txt2ImgRequest validator against what the target answered — so a CI gate
// replaying an old cassette learns that the contract changed under it before it trusts the replay's verdict.
// Responses are judged by the one conformance judge (core/conformance.ts), so drift speaks its vocabulary of kinds.
import { isJsonMediaType, judgeResponse, VIOLATION_RULE, type ViolationKind } from '../core/conformance.ts';
import { SPEC_VERSION } from '../core/spec.ts';
import { schemaErrors } from './spec-access.ts';
import type { CassetteEntry, CassetteManifest } from './cassette.ts';

export type DriftKind = ViolationKind | 'request-verdict-changed' | 'not-replayed';

export interface DriftEntry {
  readonly kind: DriftKind;
  readonly operation: string | null;
  readonly request: string;
  readonly status: number;
  readonly message: string;
}

export interface DriftReport {
  readonly schema: 'infercheck/contract-drift@2';
  readonly recordedSpecVersion: string;
  readonly specVersion: string;
  readonly exchanges: number;
  readonly entries: readonly DriftEntry[];
  readonly counts: Readonly<Record<DriftKind, number>>;
}

function requestLine(entry: CassetteEntry): string {
  return `${entry.method} ${entry.path}`;
}

/** The recorded body as the judge sees it: parsed JSON, or why a JSON body does not parse. */
function recordedBody(entry: CassetteEntry): { json?: unknown; jsonError?: string } {
  const body = entry.response;
  if (entry.responseIsBinary || !isJsonMediaType(entry['x-infercheck'].mediaType)) return {};
  if (typeof body !== 'string') return { json: body };
  try {
    return { json: JSON.parse(body) };
  } catch (err) {
    return { jsonError: err instanceof Error ? err.message : String(err) };
  }
}

export function driftReport(manifest: CassetteManifest, entries: readonly CassetteEntry[], notReplayed: readonly string[] = []): DriftReport {
  const out: DriftEntry[] = [];
  for (const entry of entries) {
    const meta = entry['x-infercheck'];
    const operation = meta.operationId;
    if (!operation) continue;
    const base = { operation, request: requestLine(entry), status: entry.status };
    const headers = Object.fromEntries(Object.entries(entry.rawHeaders).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const verdict = judgeResponse(operation, { status: entry.status, headers, mediaType: meta.mediaType, ...recordedBody(entry) });
    for (const v of verdict.violations) out.push({ ...base, kind: v.kind, message: `${v.message} (today's spec)` });
    // A generation request: does today's spec still agree with what the target did with that body?
    if ((operation === 'generateSync' || operation === 'submitAsync') && entry.body !== undefined && typeof entry.body === 'object' && meta.mediaType !== 'text/html') {
      const valid = schemaErrors('Txt2ImgRequest', entry.body) === undefined;
      if (valid && entry.status === 400) out.push({ ...base, kind: 'request-verdict-changed', message: 'today the spec accepts this body; the target rejected it with 400' });
      if (!valid && entry.status >= 200 && entry.status < 300) out.push({ ...base, kind: 'request-verdict-changed', message: `today the spec rejects this body (${schemaErrors('Txt2ImgRequest', entry.body)}); the target accepted it` });
    }
  }
  for (const pending of notReplayed) out.push({ kind: 'not-replayed', operation: null, request: pending, status: 0, message: "recorded, but today's plan never sent it" });
  const counts = Object.fromEntries([...Object.keys(VIOLATION_RULE), 'request-verdict-changed', 'not-replayed'].map((k) => [k, 0])) as Record<DriftKind, number>;
  for (const e of out) counts[e.kind]++;
  return { schema: 'infercheck/contract-drift@2', recordedSpecVersion: manifest.specVersion, specVersion: SPEC_VERSION, exchanges: entries.length, entries: out, counts };
}

export function driftSummary(report: DriftReport): string {
  const parts = Object.entries(report.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const versions = report.recordedSpecVersion === report.specVersion ? `spec ${report.specVersion}` : `recorded with spec ${report.recordedSpecVersion}, today ${report.specVersion}`;
  return parts.length === 0
    ? `drift: none — ${report.exchanges} recorded exchanges agree with today's spec (${versions})`
    : `drift: ${report.entries.length} disagreements in ${report.exchanges} recorded exchanges (${parts.join(', ')}; ${versions})`;
}
