// Runs the catalogue over the observed subjects. Pure: subjects in, CheckOutcome[] out. A check that throws becomes a
// failure of that check (Schemathesis' rule: a broken check never aborts the run); a check that never applied and
// needs something the run lacked (a FAILED prompt, a budget, --rpm, a wall clock) is skipped with that reason,
// never counted as passed. Each finding names the rules it rests on (types.ts FindingRule): one that rests only on
// documented rules is a failure; one that rests on an assumption is listed as a finding and fails nothing — unless
// the run is --strict, when it fails like the rest.
import { redactDeep } from '../core/redact.ts';
import { ruleSummary, type RuleRef } from '../core/rule-basis.ts';
import type { CheckOutcome, ContractFailure, RecordedExchange, Reproducer } from '../core/result-files.ts';
import type { AnyCheck, CheckContext, CheckNeed, Exchange, Finding, Subject } from './types.ts';

/** Builds a failure's reproducer from the subject it was found on and the exchange that showed it. */
export type Reproduce = (subject: Subject, exchange: Exchange | undefined) => Reproducer;

export interface RunFacts {
  readonly failPrompt: boolean;
  /** Billable requests the run was allowed (0 = free checks only). */
  readonly billableBudget: number;
  readonly rpm: boolean;
  readonly wallClock: boolean;
  /** Checks left out by --grep or by the budget, with why. */
  readonly skipped?: Readonly<Record<string, string>>;
  /** --strict: a finding that rests on an assumption fails like one that rests on the documents. */
  readonly strict?: boolean;
}

const NEED_REASONS: Record<CheckNeed, string> = {
  'fail-prompt': 'needs --fail-prompt (a prompt the target fails with a content-policy error) to observe a FAILED job',
  billable: 'needs --max-billable N > 0 (billable requests) on this target',
  rpm: 'needs --rpm N (the rate limit to exceed)',
  'wall-clock': 'needs a live target: recorded timings cannot be compared with a wall clock',
};

function unmetNeed(check: AnyCheck, facts: RunFacts): string | undefined {
  for (const need of check.needs ?? []) {
    if (need === 'fail-prompt' && !facts.failPrompt) return NEED_REASONS[need];
    if (need === 'billable' && facts.billableBudget <= 0) return NEED_REASONS[need];
    if (need === 'rpm' && !facts.rpm) return NEED_REASONS[need];
    if (need === 'wall-clock' && !facts.wallClock) return NEED_REASONS[need];
  }
  return undefined;
}

const BODY_PREVIEW = 2048;

/** The exchange as a result file carries it: redacted, with binary bodies summarised. */
export function toRecordedExchange(exchange: Exchange, secrets: readonly string[] = []): RecordedExchange {
  const response = exchange.response;
  let body: unknown;
  if (response) {
    if (response.json !== undefined) body = response.json;
    else if (response.mediaType.startsWith('image/')) body = { contentType: response.mediaType, bytes: response.bytes.length };
    else if (response.bytes.length > 0) body = new TextDecoder().decode(response.bytes.subarray(0, BODY_PREVIEW));
  }
  return redactDeep(
    {
      request: {
        method: exchange.request.method,
        url: exchange.request.url,
        headers: exchange.request.headers,
        ...(exchange.request.json !== undefined ? { body: exchange.request.json } : exchange.request.bodyText !== undefined ? { body: exchange.request.bodyText } : {}),
      },
      ...(response ? { response: { status: response.status, headers: response.headers, ...(body === undefined ? {} : { body }) } } : {}),
      startedAt: exchange.startedAt,
      finishedAt: exchange.finishedAt,
    },
    secrets,
  );
}

/** The rules a finding rests on: the spec rules it names, the check's own rules it names, else the check's `main`. */
export function rulesOf(check: AnyCheck, found: Finding): RuleRef[] {
  const names = found.rules && found.rules.length > 0 ? found.rules : ['main'];
  return names.map((rule) => {
    if (typeof rule !== 'string') return rule;
    const own = check.rules[rule];
    if (!own) throw new Error(`check ${check.id} has no rule "${rule}"`);
    return { id: rule === 'main' ? check.id : `${check.id}:${rule}`, ...own };
  });
}

/** What a check's rules rest on, for the outcome and the README: one basis, or "per rule" for a spec-judging check. */
export function checkBasis(check: AnyCheck): NonNullable<CheckOutcome['basis']> {
  if (check.specRules) return 'per rule';
  const bases = new Set(Object.values(check.rules).map((r) => r.basis));
  return bases.size === 1 ? [...bases][0]! : 'per rule';
}

function toFailure(check: AnyCheck, found: Finding, rules: readonly RuleRef[], subject: Subject, secrets: readonly string[], reproduce?: Reproduce): ContractFailure {
  const operation = found.operation ?? found.exchange?.operationId ?? subject.case.intent;
  const model = found.model ?? subject.case.model;
  return {
    check: check.id,
    operation,
    severity: check.severity,
    title: check.title,
    message: found.message,
    dedupeKey: `${check.id}:${found.cause}`,
    ...(model ? { model } : {}),
    ...(found.exchange ? { exchange: toRecordedExchange(found.exchange, secrets) } : {}),
    ...(reproduce ? { reproducer: redactDeep(reproduce(subject, found.exchange), secrets) } : {}),
    ...ruleSummary(rules),
  };
}

/** Evaluates one check on one subject; never throws. */
export function evaluateOne(
  check: AnyCheck,
  ctx: CheckContext,
  subject: Subject,
): { kind: 'n/a' } | { kind: 'skip'; reason: string } | { kind: 'pass' } | { kind: 'fail'; findings: Finding[] } {
  if (check.subject !== subject.kind) return { kind: 'n/a' };
  try {
    // The registry pairs each check with its subject kind; the cast is the one place that pairing is trusted.
    const applies = (check.applies as (c: CheckContext, s: Subject) => boolean | string)(ctx, subject);
    if (applies === false) return { kind: 'n/a' };
    if (typeof applies === 'string') return { kind: 'skip', reason: applies };
    const result = (check.run as (c: CheckContext, s: Subject) => Finding | readonly Finding[] | undefined)(ctx, subject);
    const findings = result === undefined ? [] : Array.isArray(result) ? [...(result as Finding[])] : [result as Finding];
    return findings.length === 0 ? { kind: 'pass' } : { kind: 'fail', findings };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { kind: 'fail', findings: [{ message: `the check itself threw: ${message}`, cause: 'check-threw' }] };
  }
}

export function evaluate(
  checks: readonly AnyCheck[],
  ctx: CheckContext,
  subjects: readonly Subject[],
  facts: RunFacts,
  secrets: readonly string[] = [],
  reproduce?: Reproduce,
): CheckOutcome[] {
  return checks.map((check) => {
    const basis = checkBasis(check);
    const leftOut = facts.skipped?.[check.id];
    if (leftOut) return { id: check.id, title: check.title, severity: check.severity, basis, cases: 0, passed: 0, failed: 0, differed: 0, skipped: 0, skipReason: leftOut, failures: [], findings: [] };
    const judging = performance.now();
    let cases = 0;
    let passed = 0;
    let failed = 0;
    let differed = 0;
    let skipped = 0;
    let skipReason: string | undefined;
    const failures: ContractFailure[] = [];
    const findings: ContractFailure[] = [];
    for (const subject of subjects) {
      const verdict = evaluateOne(check, ctx, subject);
      if (verdict.kind === 'n/a') continue;
      cases++;
      if (verdict.kind === 'pass') passed++;
      else if (verdict.kind === 'skip') {
        skipped++;
        skipReason ??= verdict.reason;
      } else {
        const judged = verdict.findings.map((f) => {
          let rules: RuleRef[];
          try {
            rules = rulesOf(check, f);
          } catch (err) {
            // A finding naming a rule its check does not have is the check's own bug: a failure, like a check that throws.
            return toFailure(check, { ...f, message: `${f.message} (and the check named no rule it has: ${(err as Error).message})` }, [{ id: check.id, basis: 'documented' }], subject, secrets, reproduce);
          }
          return toFailure(check, f, rules, subject, secrets, reproduce);
        });
        const failing = judged.filter((f) => facts.strict || f.basis === 'documented');
        if (failing.length > 0) failed++;
        else differed++;
        failures.push(...failing);
        findings.push(...judged.filter((f) => !failing.includes(f)));
      }
    }
    if (cases === 0) skipReason = unmetNeed(check, facts) ?? 'no case of this run exercised it';
    return {
      id: check.id,
      title: check.title,
      severity: check.severity,
      basis,
      cases,
      passed,
      failed,
      differed,
      skipped,
      ...(skipReason !== undefined ? { skipReason } : {}),
      failures,
      findings,
      judgeMs: Math.round((performance.now() - judging) * 1000) / 1000,
    };
  });
}

/**
 * A check outcome's verdict for tables: fail beats finding (only assumed rules broken: listed, not failing) beats
 * skip beats pass.
 */
export function verdictOf(outcome: CheckOutcome): 'pass' | 'fail' | 'finding' | 'skip' {
  if (outcome.failed > 0) return 'fail';
  if ((outcome.differed ?? 0) > 0) return 'finding';
  if (outcome.cases === 0 || outcome.passed === 0) return 'skip';
  return 'pass';
}
