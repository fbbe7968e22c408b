// The vocabulary of the contract catalogue: what the engine observes (exchanges, job traces, ledgers), what a check
// is (a pure function over one observed subject), and what the engine is given (a target, a fetch, a budget).
// Failures themselves are core/result-files.ts `ContractFailure`: data a report can read, never strings to parse.
import type { ContractFailure, Severity } from '../core/result-files.ts';
import type { RuleBasis, SpecRule } from '../core/rule-basis.ts';
import type { ModelId } from '../core/spec.ts';
import type { BoundaryCase } from './boundaries.ts';

export type TargetKind = 'mock' | 'live' | 'url' | 'replay';

/** The vendor's two ways to generate: v1 answers with the image, v2 submits a job to follow. */
export type Api = 'v1' | 'v2';

/** One HTTP request and what came back, captured by contracts/exchange.ts. Secrets are redacted at capture time. */
export interface Exchange {
  readonly caseId: string;
  /** The spec operation this request exercises; null for requests outside the spec (image downloads). */
  readonly operationId: string | null;
  readonly model?: string;
  readonly request: {
    readonly method: string;
    readonly url: string;
    /** Lower-case names, secrets already redacted. */
    readonly headers: Readonly<Record<string, string>>;
    /** The body exactly as sent (JSON text, or deliberately broken text). */
    readonly bodyText?: string;
    /** The body as a value, when it was JSON. */
    readonly json?: unknown;
    /** Which credential it carried: the API key, none, a wrong key, or the key as a Bearer token only. */
    readonly auth?: 'key' | 'none' | 'wrong' | 'bearer';
  };
  readonly response?: {
    readonly status: number;
    /** Lower-case names. */
    readonly headers: Readonly<Record<string, string>>;
    /** Media type without parameters, lower case ('' when absent). */
    readonly mediaType: string;
    readonly bytes: Uint8Array;
    /** Parsed body when the media type is JSON and it parsed; undefined otherwise. */
    readonly json?: unknown;
    readonly jsonError?: string;
  };
  /** Network error, timeout or unmatched replay, when there is no response. */
  readonly error?: string;
  /** The transport error's code (`ECONNREFUSED`, `UND_ERR_SOCKET`, `TimeoutError`), when there is no response. */
  readonly errorCode?: string;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What a case was trying to show; checks read it to know what to expect of the target. */
export type CaseIntent =
  | 'boundary'
  | 'missing-key'
  | 'wrong-key'
  | 'bearer-only'
  | 'wrong-content-type'
  | 'malformed-json'
  | 'unknown-model'
  | 'wrong-method'
  | 'multipart-invalid'
  | 'unknown-request-id'
  | 'outputs'
  | 'determinism'
  | 'failed-job'
  | 'ledger'
  | 'rate-limit';

export interface CaseInfo {
  /** The case id, or for a request that serves several cases (accepted values sent together) the request's own id. */
  readonly id: string;
  readonly intent: CaseIntent;
  readonly model?: ModelId;
  readonly api?: 'v1' | 'v2';
  /** The parameters sent (for boundary and output cases). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** An invalid body's one changed field (each must be rejected). */
  readonly boundary?: BoundaryCase;
  /** The documented bounds and enum values this body carries (each must be accepted); several share one request. */
  readonly documentedValues?: readonly BoundaryCase[];
  /** The cases this subject answers for, when that is not just `id` (re-run them with --grep). */
  readonly caseIds?: readonly string[];
}

/** A v2 job followed from submit to a terminal state (or to the poll deadline). */
export interface JobTrace {
  readonly submit: Exchange;
  readonly requestId?: string;
  /** Every status poll in order (GET status_url as returned, verbatim). */
  readonly polls: readonly Exchange[];
  /** A result read taken right after submit, before the job could be terminal (conflict result-before-completion). */
  readonly earlyResult?: Exchange;
  /** GET response_url once the status was terminal. */
  readonly result?: Exchange;
  /** GET poll_url (the v1 poll endpoint) once terminal. */
  readonly v1Poll?: Exchange;
  /** The images named by a COMPLETED result, downloaded. */
  readonly images: readonly Exchange[];
  /** The result read again at the end of the run (retention). */
  readonly reread?: Exchange;
  /** ms from sending submit to receiving the first terminal status. */
  readonly observedE2eMs?: number;
  readonly timedOut: boolean;
}

/** One balance-affecting step of the serial money phase. */
export interface LedgerEntry {
  readonly label: string;
  readonly kind: 'success' | 'rejected' | 'failed-job';
  readonly exchanges: readonly Exchange[];
  /** Balance the API reported after this step (x-remaining-credits / metrics.remaining_credits); successes only. */
  readonly balanceAfter?: number;
  /** What the API said it charged (x-cost / metrics.cost); successes only. */
  readonly cost?: number;
}

/** What a check looks at. Every check declares which kind it reads. */
export type Subject =
  /** Every exchange with a spec operation: conformance, auth and transport checks. */
  | { readonly kind: 'exchange'; readonly case: CaseInfo; readonly exchange: Exchange }
  /** A request to generate (v1, or v2 followed as a job): parameters, outputs and lifecycle checks. */
  | { readonly kind: 'generation'; readonly case: CaseInfo; readonly api: 'v1' | 'v2'; readonly first: Exchange; readonly job?: JobTrace }
  | { readonly kind: 'determinism'; readonly case: CaseInfo; readonly first: readonly Exchange[]; readonly second: readonly Exchange[] }
  | { readonly kind: 'ledger'; readonly case: CaseInfo; readonly entries: readonly LedgerEntry[] }
  | { readonly kind: 'rate-limit'; readonly case: CaseInfo; readonly rpm: number; readonly exchanges: readonly Exchange[] };

export type SubjectKind = Subject['kind'];
export type SubjectOf<K extends SubjectKind> = Extract<Subject, { kind: K }>;

/** What every check may know about the run, besides the subject. */
export interface CheckContext {
  readonly target: { readonly kind: TargetKind; readonly baseUrl: string };
  /** False when replaying: recorded timings cannot be compared with a wall clock. */
  readonly wallClock: boolean;
  readonly failPrompt?: string;
}

/**
 * A rule a finding rests on: a spec rule (core/rule-basis.ts lookups: a parameter's bound, a response's content type,
 * the schema keyword an answer broke), or the name of one of the check's own `rules`.
 */
export type FindingRule = SpecRule | string;

/** A check's verdict on one subject before the engine stamps check id, severity and title on it. */
export interface Finding {
  readonly operation?: string;
  readonly message: string;
  /** What makes two findings the same cause (the check id is prepended by the engine). */
  readonly cause: string;
  readonly exchange?: Exchange;
  readonly model?: string;
  /**
   * The rules it rests on; absent: the check's own `main` rule. A finding is a failure only when every rule it rests
   * on is documented; one that rests on an assumption is reported as a finding (a failure under --strict).
   */
  readonly rules?: readonly FindingRule[];
}

/** A run-level requirement; when unmet the engine reports the check as skipped with a reason, never as passed. */
export type CheckNeed = 'fail-prompt' | 'billable' | 'rpm' | 'wall-clock';

export interface CheckDefinition<K extends SubjectKind = SubjectKind> {
  readonly id: string;
  readonly title: string;
  readonly family: 'conformance' | 'parameters' | 'outputs' | 'lifecycle' | 'auth-transport' | 'money' | 'rate-limit';
  readonly severity: Severity;
  readonly subject: K;
  readonly needs?: readonly CheckNeed[];
  /** Precondition guard: false = not applicable to this subject (not counted); a string = skipped, with why. */
  readonly applies: (ctx: CheckContext, subject: SubjectOf<K>) => boolean | string;
  /** The rule. Returns nothing when it holds. Throwing is reported as a failure of this check. */
  readonly run: (ctx: CheckContext, subject: SubjectOf<K>) => Finding | readonly Finding[] | undefined;
  /** A documented example of this check's failure message, for the README. */
  readonly sampleFailure: string;
  /**
   * What the check's rule rests on: the vendor's documents (quoted) or an assumption (and why). `main` is what a
   * finding names when it names nothing else; other entries are rules some of its findings rest on instead.
   */
  readonly rules: Readonly<Record<string, RuleBasis>>;
  /** For a check that judges the spec's own rules one by one (bounds, content types, schemas): which of them. */
  readonly specRules?: (rule: SpecRule) => boolean;
}

/** Any check, whatever its subject kind (the registry's element type). */
export type AnyCheck = { [K in SubjectKind]: CheckDefinition<K> }[SubjectKind];

export type { ContractFailure, Severity };
