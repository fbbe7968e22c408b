// Drift: where a recording disagrees with today's spec. A recording is evidence of what a target did; the spec moves
// (npm run gen). Each recorded exchange is judged again with today's operation table and generated validators, and
// each recorded request body with today's Txt2ImgRequest validator against what the target answered — so a CI gate
// replaying an old cassette learns that the contract changed under it before it trusts the replay's verdict.
// Responses are judged by the one conformance judge (core/conformance.ts), so drift speaks its vocabulary of kinds,
// and each item says what the spec rule it differs from rests on, as a contract failure does: documented (the
// recording now breaks what the vendor's documents say) or assumed (it differs from the spec's own assumption).
import { errorsText, isJsonMediaType, judgeResponse, schemaErrorList, VIOLATION_RULE, type ViolationKind } from '../core/conformance.ts';
import { effectiveParameter } from '../core/effective-params.ts';
import { parameterRule, ruleSummary, schemaErrorRule, type Basis, type SpecRule } from '../core/rule-basis.ts';
import { SPEC_VERSION, txt2imgParameters } from '../core/spec.ts';
import { INFERCHECK_VERSION } from '../core/version.ts';
import type { CassetteEntry, CassetteManifest } from './cassette.ts';

export type DriftKind = ViolationKind | 'request-verdict-changed' | 'not-replayed';

export interface DriftEntry {
  readonly kind: DriftKind;
  readonly operation: string | null;
  readonly request: string;
  readonly status: number;
  readonly message: string;
  /** What the rule it differs from rests on (absent for `not-replayed`, which judges nothing). */
  readonly basis?: Basis;
  /** The spec rule ids (`submitAsync:success`, `Txt2ImgRequest.seed:minimum`), joined by " + ". */
  readonly rule?: string;
  /** The source and its words, or why the rule is assumed. */
  readonly source?: string;
}

export interface DriftReport {
  readonly schema: 'infercheck/contract-drift@2';
  /** The infercheck that wrote this file (core/version.ts); absent in files written before it was recorded. */
  readonly infercheckVersion?: string;
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

/**
 * The rule a request body's schema error rests on: null for an optional parameter and a number sent as its string are
 * read by the request's own (assumed) rules, `null` and `strings` (core/effective-params.ts); anything else by the
 * keyword the validator names.
 */
function requestErrorRule(body: Readonly<Record<string, unknown>>, error: Parameters<typeof schemaErrorRule>[2]): SpecRule {
  const parameter = /^\/([^/]+)$/.exec(error.instancePath ?? '')?.[1];
  if (parameter !== undefined && error.keyword === 'type') {
    const reading = effectiveParameter(body, parameter).rules.find((r) => r.id.endsWith(':null') || r.id.endsWith(':strings'));
    if (reading) return reading;
  }
  return schemaErrorRule('Txt2ImgRequest', body, error);
}

/** What the spec's acceptance of a body rests on: each sent parameter's type and the bounds or listed value it keeps. */
function acceptanceRules(body: Readonly<Record<string, unknown>>): SpecRule[] {
  const rules: SpecRule[] = [];
  for (const [name, schema] of txt2imgParameters()) {
    if (!(name in body)) continue;
    const keywords = ['type', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern'].filter((k) => k in schema);
    for (const keyword of keywords) rules.push(parameterRule(name, keyword));
    if (schema.enum) rules.push(parameterRule(name, 'enum', body[name]));
  }
  return rules;
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
    for (const v of verdict.violations) out.push({ ...base, kind: v.kind, message: `${v.message} (today's spec)`, ...ruleSummary(v.specRules) });
    // A generation request: does today's spec still agree with what the target did with that body?
    const body = entry.body;
    if ((operation === 'generateSync' || operation === 'submitAsync') && body !== null && typeof body === 'object' && !Array.isArray(body) && meta.mediaType !== 'text/html') {
      const params = body as Record<string, unknown>;
      const errors = schemaErrorList('Txt2ImgRequest', params);
      if (errors.length === 0 && entry.status === 400) {
        out.push({ ...base, kind: 'request-verdict-changed', message: 'today the spec accepts this body; the target rejected it with 400', ...ruleSummary(acceptanceRules(params)) });
      }
      if (errors.length > 0 && entry.status >= 200 && entry.status < 300) {
        const rules = errors.map((e) => requestErrorRule(params, e));
        out.push({ ...base, kind: 'request-verdict-changed', message: `today the spec rejects this body (${errorsText(errors)}); the target accepted it`, ...ruleSummary(rules) });
      }
    }
  }
  for (const pending of notReplayed) out.push({ kind: 'not-replayed', operation: null, request: pending, status: 0, message: "recorded, but today's plan never sent it" });
  const counts = Object.fromEntries([...Object.keys(VIOLATION_RULE), 'request-verdict-changed', 'not-replayed'].map((k) => [k, 0])) as Record<DriftKind, number>;
  for (const e of out) counts[e.kind]++;
  return { schema: 'infercheck/contract-drift@2', infercheckVersion: INFERCHECK_VERSION, recordedSpecVersion: manifest.specVersion, specVersion: SPEC_VERSION, exchanges: entries.length, entries: out, counts };
}

export function driftSummary(report: DriftReport): string {
  const parts = Object.entries(report.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const assumed = report.entries.filter((e) => e.basis === 'assumed').length;
  const basis = assumed > 0 ? `; ${assumed} of them from assumed rules` : '';
  const versions = report.recordedSpecVersion === report.specVersion ? `spec ${report.specVersion}` : `recorded with spec ${report.recordedSpecVersion}, today ${report.specVersion}`;
  return parts.length === 0
    ? `drift: none — ${report.exchanges} recorded exchanges agree with today's spec (${versions})`
    : `drift: ${report.entries.length} disagreements in ${report.exchanges} recorded exchanges (${parts.join(', ')}${basis}; ${versions})`;
}
