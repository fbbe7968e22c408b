// Small pieces the checks share. Kept apart so each check file reads as its rule and nothing else. The readers of an
// exchange live beside the exchange types (contracts/exchange.ts), where the case kinds use them too.
import { closeTo, conformanceViolations, describe, finalStatus, isSuccess, jsonObject, numberHeader, reportedStatus } from '../exchange.ts';
import type { ConformanceRule } from '../../core/conformance.ts';
import { effectiveParameter, effectiveValue } from '../../core/effective-params.ts';
import type { Exchange, Finding, FindingRule, SubjectOf } from '../types.ts';

export { closeTo, describe, effectiveParameter, effectiveValue, finalStatus, isSuccess, jsonObject, numberHeader, reportedStatus };

export function finding(message: string, cause: string, exchange?: Exchange, extra: { operation?: string; model?: string; rules?: readonly FindingRule[] } = {}): Finding {
  return {
    message,
    cause,
    ...(exchange ? { exchange } : {}),
    ...(extra.operation ?? exchange?.operationId ? { operation: extra.operation ?? exchange?.operationId ?? undefined } : {}),
    ...(extra.model ?? exchange?.model ? { model: extra.model ?? exchange?.model } : {}),
    ...(extra.rules && extra.rules.length > 0 ? { rules: extra.rules } : {}),
  } as Finding;
}

/**
 * The one conformance judge's violations of `rule` on this exchange (core/conformance.ts), as findings that name the
 * spec rules each broke: documented ones fail, assumed ones are findings (failures under --strict).
 */
export function conformanceFindings(exchange: Exchange, rule: ConformanceRule): Finding[] {
  return conformanceViolations(exchange, rule).map((v) => finding(`${describe(exchange)}: ${v.message}`, v.cause, exchange, { rules: v.specRules }));
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

