// Drift: where a recording disagrees with today's spec. A recording is evidence of what a target did; the spec moves
// (npm run gen). Each recorded exchange is judged again with today's operation table and generated validators, and
// each recorded request body with today's Txt2ImgRequest validator against what the target answered — so a CI gate
// replaying an old cassette learns that the contract changed under it before it trusts the replay's verdict.
import { SPEC_VERSION } from '../core/spec.ts';
import { documentedResponse, documentedStatuses, schemaErrors } from './spec-access.ts';
import type { CassetteEntry, CassetteManifest } from './cassette.ts';

export interface DriftEntry {
  readonly kind: 'status-undocumented' | 'content-type-undocumented' | 'body-invalid' | 'header-missing' | 'request-verdict-changed' | 'not-replayed';
  readonly operation: string | null;
  readonly request: string;
  readonly status: number;
  readonly message: string;
}

export interface DriftReport {
  readonly schema: 'infercheck/contract-drift@1';
  readonly recordedSpecVersion: string;
  readonly specVersion: string;
  readonly exchanges: number;
  readonly entries: readonly DriftEntry[];
  readonly counts: Readonly<Record<DriftEntry['kind'], number>>;
}

function requestLine(entry: CassetteEntry): string {
  return `${entry.method} ${entry.path}`;
}

function parsedBody(entry: CassetteEntry): unknown {
  const body = entry.response;
  if (typeof body === 'string' && !entry.responseIsBinary && entry['x-infercheck'].mediaType.includes('json')) {
    try {
      return JSON.parse(body);
    } catch {
      return body;
    }
  }
  return body;
}

export function driftReport(manifest: CassetteManifest, entries: readonly CassetteEntry[], notReplayed: readonly string[] = []): DriftReport {
  const out: DriftEntry[] = [];
  for (const entry of entries) {
    const meta = entry['x-infercheck'];
    const operation = meta.operationId;
    if (!operation) continue;
    const base = { operation, request: requestLine(entry), status: entry.status };
    const documented = documentedResponse(operation, entry.status);
    if (!documented) {
      out.push({ ...base, kind: 'status-undocumented', message: `${entry.status} is not documented for ${operation} today (documented: ${documentedStatuses(operation).join(', ')})` });
    } else {
      const contentTypes = Object.keys(documented.content);
      if (contentTypes.length > 0 && !contentTypes.includes(meta.mediaType)) {
        out.push({ ...base, kind: 'content-type-undocumented', message: `Content-Type ${meta.mediaType || '(none)'} is not documented today (documented: ${contentTypes.join(', ')})` });
      }
      const schema = documented.content[meta.mediaType];
      if (typeof schema === 'string') {
        const errors = schemaErrors(schema, parsedBody(entry));
        if (errors) out.push({ ...base, kind: 'body-invalid', message: `recorded body is not a valid ${schema} today: ${errors}` });
      }
      const headers = Object.fromEntries(Object.entries(entry.rawHeaders).map(([k, v]) => [k.toLowerCase(), v]));
      for (const [name, required] of Object.entries(documented.headers)) {
        if (required && headers[name] === undefined) out.push({ ...base, kind: 'header-missing', message: `header ${name} is required today but absent from the recording` });
      }
    }
    // A generation request: does today's spec still agree with what the target did with that body?
    if ((operation === 'generateSync' || operation === 'submitAsync') && entry.body !== undefined && typeof entry.body === 'object' && meta.mediaType !== 'text/html') {
      const valid = schemaErrors('Txt2ImgRequest', entry.body) === undefined;
      if (valid && entry.status === 400) out.push({ ...base, kind: 'request-verdict-changed', message: 'today the spec accepts this body; the target rejected it with 400' });
      if (!valid && entry.status >= 200 && entry.status < 300) out.push({ ...base, kind: 'request-verdict-changed', message: `today the spec rejects this body (${schemaErrors('Txt2ImgRequest', entry.body)}); the target accepted it` });
    }
  }
  for (const pending of notReplayed) out.push({ kind: 'not-replayed', operation: null, request: pending, status: 0, message: "recorded, but today's plan never sent it" });
  const counts = { 'status-undocumented': 0, 'content-type-undocumented': 0, 'body-invalid': 0, 'header-missing': 0, 'request-verdict-changed': 0, 'not-replayed': 0 };
  for (const e of out) counts[e.kind]++;
  return { schema: 'infercheck/contract-drift@1', recordedSpecVersion: manifest.specVersion, specVersion: SPEC_VERSION, exchanges: entries.length, entries: out, counts };
}

export function driftSummary(report: DriftReport): string {
  const parts = Object.entries(report.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const versions = report.recordedSpecVersion === report.specVersion ? `spec ${report.specVersion}` : `recorded with spec ${report.recordedSpecVersion}, today ${report.specVersion}`;
  return parts.length === 0
    ? `drift: none — ${report.exchanges} recorded exchanges agree with today's spec (${versions})`
    : `drift: ${report.entries.length} disagreements in ${report.exchanges} recorded exchanges (${parts.join(', ')}; ${versions})`;
}
