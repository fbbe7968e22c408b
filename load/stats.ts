// What the engine counts while it runs, kept apart from printing (the progress display and summary.json only read
// it): jobs by outcome, every status code per operation, transport failures, retries, conformance violations,
// start lags, and a live HDR histogram of end-to-end times for the progress line. Bounded memory: counters and
// histograms only — the jobs themselves stream to jobs.ndjson. It counts what the run's events say (events.ts,
// `listenTo`), like any other listener — the live-metrics exporters hear the same events.
import * as hdr from 'hdr-histogram-js';
import type { Violation } from '../core/conformance.ts';
import type { Basis } from '../core/rule-basis.ts';
import type { JobRecord, LoadSummary } from '../core/result-files.ts';
import type { LoadEvents } from './events.ts';
import type { FailureKind } from './http.ts';

/** A scheduled start later than this after its instant counts as late: the open model was not kept. */
export const LATE_THRESHOLD_MS = 20;

const histogram = (): hdr.Histogram => hdr.build({ numberOfSignificantValueDigits: 3, useWebAssembly: false });

export class RunStats {
  scheduled = 0;
  started = 0;
  late = 0;
  skippedBudget = 0;
  skippedStopped = 0;
  inFlight = 0;
  done = 0;
  readonly jobs = { total: 0, completed: 0, failed: 0, errors: 0, timeouts: 0, unknownSubmits: 0, abandoned: 0, resultUnread: 0 };
  requests = 0;
  readonly byCode = new Map<string, number>();
  readonly byEndpoint = new Map<string, Map<string, number>>();
  droppedConnections = 0;
  timeouts = 0;
  refused = 0;
  retries = 0;
  rateLimited = 0;
  judged = 0;
  /** Violations of documented rules (the vendor broke what its documents say) … */
  violations = 0;
  /** … apart from differences from the spec's assumptions: findings, never counted as errors (core/conformance.ts). */
  assumed = 0;
  readonly byKind = new Map<string, number>();
  readonly byRule = new Map<string, { basis: Basis; count: number }>();
  readonly examples = new Map<string, Violation>();
  polls = 0;
  /** start lag in µs (sub-ms resolution matters: the target is a p99 of a few ms) */
  readonly #startLagUs = histogram();
  /** live end-to-end of completed jobs, ms */
  readonly #e2e = histogram();

  /** Counts what the run's events report; returns this. */
  listenTo(events: LoadEvents): this {
    events.on('job-start', () => this.recordStart());
    events.on('job-end', (job) => this.recordJob(job));
    events.on('job-gone', (_labels, reason) => (reason === 'budget' ? this.recordNotSubmitted() : void this.inFlight--));
    events.on('start-lag', (lagMs) => this.recordLag(lagMs));
    events.on('answer', (_labels, operationId, status) => this.recordAnswer(operationId, status));
    events.on('transport-failure', (_labels, operationId, failure) => this.recordFailure(operationId, failure));
    events.on('judgement', (violations) => this.recordJudgement(violations));
    events.on('retry', () => void this.retries++);
    return this;
  }

  /** A job was handed to the job runner. */
  recordStart(): void {
    this.started++;
    this.inFlight++;
  }

  /** How late the job's first request really left (on the wire) after its scheduled instant. */
  recordLag(lagMs: number): void {
    this.#startLagUs.recordValue(Math.max(0, Math.round(lagMs * 1000)));
    if (lagMs > LATE_THRESHOLD_MS) this.late++;
  }

  recordAnswer(operationId: string, status: number): void {
    this.requests++;
    const code = String(status);
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    const endpoint = this.byEndpoint.get(operationId) ?? new Map<string, number>();
    endpoint.set(code, (endpoint.get(code) ?? 0) + 1);
    this.byEndpoint.set(operationId, endpoint);
    if (status === 429) this.rateLimited++;
  }

  recordFailure(operationId: string, failure: FailureKind): void {
    if (failure === 'aborted') return;
    this.recordAnswer(operationId, 0);
    if (failure === 'dropped') this.droppedConnections++;
    else if (failure === 'timeout') this.timeouts++;
    else if (failure === 'refused') this.refused++;
  }

  recordJudgement(violations: readonly Violation[]): void {
    this.judged++;
    for (const v of violations) {
      if (v.basis === 'documented') this.violations++;
      else this.assumed++;
      this.byKind.set(v.kind, (this.byKind.get(v.kind) ?? 0) + 1);
      for (const rule of v.specRules) {
        const counted = this.byRule.get(rule.id);
        if (counted) counted.count++;
        else this.byRule.set(rule.id, { basis: rule.basis, count: 1 });
      }
      const key = `${v.rule}\u0000${v.cause}`;
      if (!this.examples.has(key) && this.examples.size < 50) this.examples.set(key, v);
    }
  }

  recordJob(job: JobRecord): void {
    this.inFlight--;
    this.done++;
    this.jobs.total++;
    this.polls += job.polls;
    switch (job.final_status) {
      case 'COMPLETED':
        this.jobs.completed++;
        if (job.result_read === false) this.jobs.resultUnread++;
        if (job.e2e_ms !== null) this.#e2e.recordValue(Math.max(0, Math.round(job.e2e_ms)));
        break;
      case 'FAILED':
        this.jobs.failed++;
        break;
      case 'TIMEOUT':
        this.jobs.timeouts++;
        break;
      case 'UNKNOWN':
        this.jobs.unknownSubmits++;
        break;
      case 'ABANDONED':
        this.jobs.abandoned++;
        break;
      default:
        this.jobs.errors++;
    }
  }

  /** A started arrival that never became a job (its budget reservation was refused). */
  recordNotSubmitted(): void {
    this.inFlight--;
    this.skippedBudget++;
  }

  liveE2eP95Ms(): number | null {
    return this.#e2e.totalCount > 0 ? this.#e2e.getValueAtPercentile(95) : null;
  }

  startLagMs(percentile: number): number | null {
    return this.#startLagUs.totalCount > 0 ? this.#startLagUs.getValueAtPercentile(percentile) / 1000 : null;
  }

  /** The counting half of summary.json (latency, polls per job, objectives and spend are added from the files). */
  counts(): Pick<LoadSummary, 'jobs' | 'arrivals' | 'http' | 'conformance'> {
    return {
      jobs: { ...this.jobs },
      arrivals: {
        scheduled: this.scheduled,
        started: this.started,
        late: this.late,
        lateThresholdMs: LATE_THRESHOLD_MS,
        startLagP50Ms: this.startLagMs(50),
        startLagP99Ms: this.startLagMs(99),
        startLagMaxMs: this.#startLagUs.totalCount > 0 ? this.#startLagUs.maxValue / 1000 : null,
        skippedBudget: this.skippedBudget,
        skippedStopped: this.skippedStopped,
      },
      http: {
        requests: this.requests,
        byCode: Object.fromEntries([...this.byCode].sort(([a], [b]) => Number(a) - Number(b))),
        byEndpoint: Object.fromEntries([...this.byEndpoint].map(([op, codes]) => [op, Object.fromEntries(codes)])),
        droppedConnections: this.droppedConnections,
        timeouts: this.timeouts,
        refused: this.refused,
        retries: this.retries,
        rateLimited: this.rateLimited,
      },
      conformance: {
        judged: this.judged,
        violations: this.violations,
        assumed: this.assumed,
        byKind: Object.fromEntries(this.byKind),
        byRule: Object.fromEntries([...this.byRule].map(([id, r]) => [id, { ...r }])),
        examples: [...this.examples.values()].map((v) => ({
          rule: v.rule,
          kind: v.kind,
          basis: v.basis,
          specRules: v.specRules.map((r) => r.id).join(' + '),
          operationId: v.operationId,
          status: v.status,
          message: v.message,
        })),
      },
    };
  }
}
