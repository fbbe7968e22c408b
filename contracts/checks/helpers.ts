// Small pieces the checks share. Kept apart so each check file reads as its rule and nothing else.
import { txt2imgParameters } from '../../core/spec.ts';
import { describe, jsonObject } from '../exchange.ts';
import type { Exchange, Finding, JobTrace, SubjectOf } from '../types.ts';

export { describe, jsonObject };

export function finding(message: string, cause: string, exchange?: Exchange, extra: { operation?: string; model?: string } = {}): Finding {
  return {
    message,
    cause,
    ...(exchange ? { exchange } : {}),
    ...(extra.operation ?? exchange?.operationId ? { operation: extra.operation ?? exchange?.operationId ?? undefined } : {}),
    ...(extra.model ?? exchange?.model ? { model: extra.model ?? exchange?.model } : {}),
  } as Finding;
}

/** The `{"error": "<non-empty string>"}` envelope (reference §1.5), or why the body is not one. */
export function envelopeProblem(exchange: Exchange): string | undefined {
  const response = exchange.response;
  if (!response) return 'no response';
  if (response.mediaType !== 'application/json') return `Content-Type is "${response.mediaType || '(none)'}", not application/json`;
  if (response.jsonError) return `body is not JSON (${response.jsonError})`;
  const body = jsonObject(exchange);
  if (!body) return 'body is not a JSON object';
  if (typeof body['error'] !== 'string' || body['error'].length === 0) return 'body has no non-empty "error" string';
  return undefined;
}

/** The status a status/result body reports, whatever the HTTP code (422 bodies carry FAILED). */
export function reportedStatus(exchange: Exchange | undefined): string | undefined {
  const status = jsonObject(exchange)?.['status'];
  return typeof status === 'string' ? status : undefined;
}

/** The last status the job's polls reported. */
export function finalStatus(job: JobTrace): string | undefined {
  for (let i = job.polls.length - 1; i >= 0; i--) {
    const status = reportedStatus(job.polls[i]);
    if (status) return status;
  }
  return undefined;
}

/** The effective value of a text-to-image parameter: what was sent, else the spec's default. */
export function effectiveParam(params: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  if (params && name in params) return params[name];
  return txt2imgParameters().find(([n]) => n === name)?.[1].default;
}

export function isSuccess(exchange: Exchange | undefined): boolean {
  const status = exchange?.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

export function numberHeader(exchange: Exchange, name: string): number | undefined {
  const raw = exchange.response?.headers[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** Decodes standard base64 strictly (Buffer.from accepts garbage silently). */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

export type Generation = SubjectOf<'generation'>;

/** A generation that the target accepted and, for v2, completed. */
export function completedGeneration(subject: Generation): boolean {
  if (subject.api === 'v1') return isSuccess(subject.first);
  return subject.job !== undefined && finalStatus(subject.job) === 'COMPLETED' && isSuccess(subject.job.result);
}

export function closeTo(a: number, b: number, tolerance = 1e-6): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}
