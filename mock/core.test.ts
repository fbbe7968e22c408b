// The pure core on a fake clock: no sockets, no sleeps, exact times.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from './clock.ts';
import { MockCore, jobCost, type CoreConfig, type JobParams, type JobStatus } from './core.ts';
import { PROFILES, parseServiceTime, profileModel, serviceTimeModel } from './latency.ts';
import { seededRng } from '../core/rng.ts';
import { jobStateMachine } from '../core/spec.ts';

const MODELS = ['sd1.5-scifi', 'sd1.5-epicrealism'];

function makeCore(overrides: Partial<CoreConfig> = {}, clock = new FakeClock(), seed = 1): { core: MockCore; clock: FakeClock } {
  const config: CoreConfig = {
    models: MODELS,
    workers: 1,
    latency: serviceTimeModel({ kind: 'fixed', ms: 1000 }),
    retentionMs: 3_600_000,
    credits: 1000,
    rpm: 0,
    raiBlock: [],
    maxQueueDepth: 1000,
    maxRecords: 200_000,
    keyCount: 2,
    ...overrides,
  };
  return { core: new MockCore(config, clock, seededRng(seed)), clock };
}

const params = (over: Partial<JobParams> = {}): JobParams => ({ prompt: 'a cat', steps: 20, width: 512, height: 512, samples: 1, seed: 5, paramsDigest: 1, ...over });

function accepted(core: MockCore, model = MODELS[0]!, p = params(), key = 0) {
  const outcome = core.submit(model, 'v2', key, p);
  assert.equal(outcome.kind, 'accepted');
  return (outcome as Extract<typeof outcome, { kind: 'accepted' }>).job;
}

describe('core: queue and state machine', () => {
  it('FIFO on one worker: QUEUED → PROCESSING → COMPLETED at exact times', () => {
    const { core, clock } = makeCore();
    const first = accepted(core);
    const second = accepted(core);
    assert.equal(core.statusOf(first), 'PROCESSING');
    assert.equal(core.statusOf(second), 'QUEUED');
    assert.equal(second.startedAt, first.finishedAt);
    assert.equal(core.stats().models[MODELS[0]!]!.queue_depth, 1);
    clock.advance(999);
    assert.equal(core.statusOf(first), 'PROCESSING');
    clock.advance(1);
    assert.equal(core.statusOf(first), 'COMPLETED');
    assert.equal(core.statusOf(second), 'PROCESSING');
    assert.equal(core.timeline(second).queue_ms, 1000);
    clock.advance(1000);
    assert.equal(core.statusOf(second), 'COMPLETED');
    assert.equal(core.stats().models[MODELS[0]!]!.busy_workers, 0);
  });

  it('never goes backwards and terminal states are absorbing', () => {
    const { core, clock } = makeCore({ workers: 2, latency: serviceTimeModel({ kind: 'exp', meanMs: 500 }), raiBlock: ['bad'] });
    const jobs = Array.from({ length: 20 }, (_, i) => accepted(core, MODELS[i % 2], params({ prompt: i % 3 === 0 ? 'bad idea' : 'ok' })));
    // Judged by the spec's own table (x-infercheck-job-states), not a second copy of it.
    const machine = jobStateMachine();
    const last = new Map<string, JobStatus>();
    for (let t = 0; t < 200; t++) {
      for (const job of jobs) {
        const now = core.statusOf(job);
        const before = last.get(job.id);
        if (before) {
          assert.ok(machine.transitions[before]?.includes(now), `${before} → ${now} is not in the spec's job state machine`);
          if (machine.terminal.includes(before)) assert.equal(now, before);
        } else {
          assert.ok([machine.initial, 'PROCESSING'].includes(now));
        }
        last.set(job.id, now);
      }
      clock.advance(50);
    }
    assert.ok([...last.values()].includes('FAILED'));
    assert.ok([...last.values()].every((s) => s === 'COMPLETED' || s === 'FAILED'));
  });

  it('each model has its own queue and pool', () => {
    const { core } = makeCore();
    accepted(core, MODELS[0]);
    const other = accepted(core, MODELS[1]);
    assert.equal(core.statusOf(other), 'PROCESSING');
  });

  it('the queue-depth limit refuses submits beyond it', () => {
    const { core } = makeCore({ maxQueueDepth: 2 });
    accepted(core);
    accepted(core);
    accepted(core);
    const refused = core.submit(MODELS[0]!, 'v2', 0, params());
    assert.deepEqual(refused, { kind: 'queue-full', depth: 2, limit: 2 });
  });

  it('records expire retentionMs after submission and are evicted, so memory stays bounded', () => {
    const { core, clock } = makeCore({ retentionMs: 10_000, latency: serviceTimeModel({ kind: 'fixed', ms: 1 }), workers: 4 });
    const first = accepted(core);
    clock.advance(9_999);
    assert.ok(core.lookup(first.id));
    clock.advance(1);
    assert.equal(core.lookup(first.id), undefined);
    for (let i = 0; i < 50_000; i++) {
      accepted(core);
      clock.advance(10);
    }
    const stats = core.stats();
    assert.ok(stats.records <= 1001, `records ${stats.records}`);
    assert.ok(stats.counters.expired >= 49_000);
  });

  it('maxRecords caps storage even within retention', () => {
    const { core } = makeCore({ maxRecords: 100, latency: serviceTimeModel({ kind: 'fixed', ms: 1 }), maxQueueDepth: 10_000 });
    const first = accepted(core);
    for (let i = 0; i < 500; i++) accepted(core);
    assert.equal(core.stats().records, 100);
    assert.equal(core.lookup(first.id), undefined);
    assert.equal(core.stats().counters.evicted_early, 401);
  });

  it('same seed and same requests → same ids, seeds and timings', () => {
    const run = (seed: number) => {
      const { core, clock } = makeCore({ latency: profileModel(PROFILES.realistic), workers: 2 }, new FakeClock(), seed);
      return Array.from({ length: 10 }, () => {
        const job = accepted(core, MODELS[0], params({ seed: -1 }));
        clock.advance(700);
        return [job.id, job.seed, job.startedAt, job.finishedAt];
      });
    };
    assert.deepEqual(run(42), run(42));
    assert.notDeepEqual(run(42), run(43));
  });
});

describe('core: credits and rate limit', () => {
  it('holds the cost at submit, bills only successful work at completion', () => {
    const { core, clock } = makeCore({ credits: 0.01, raiBlock: ['blocked'] });
    const cost = jobCost({ steps: 20, width: 512, height: 512, samples: 1 });
    assert.equal(cost, 0.002);
    accepted(core, MODELS[0], params({ prompt: 'blocked' }));
    const ok = accepted(core);
    assert.equal(core.balance(0), 0.01, 'nothing billed before completion');
    clock.advance(2000);
    assert.equal(core.balance(0), 0.008, 'the failed job was not billed');
    assert.equal(ok.remainingCredits, 0.008);
    assert.equal(core.balance(1), 0.01, 'balances are per key');
    assert.equal(core.stats().counters.billed_credits, 0.002);
  });

  it('v1: billed when its answer is delivered, never when its client went away first (issue 16)', () => {
    const { core, clock } = makeCore({ credits: 0.01 });
    const delivered = core.submit(MODELS[0]!, 'v1', 0, params());
    const gone = core.submit(MODELS[0]!, 'v1', 0, params());
    assert.ok(delivered.kind === 'accepted' && gone.kind === 'accepted');
    clock.advance(1000);
    assert.equal(core.statusOf(delivered.job), 'COMPLETED');
    assert.equal(core.balance(0), 0.01, 'a completed v1 job is not billed before its answer is written');
    assert.equal(core.timeline(delivered.job).cost, null);
    assert.deepEqual(core.submit(MODELS[0]!, 'v1', 0, params({ steps: 100 })), { kind: 'insufficient-credits', available: 0.006, cost: 0.01 }, 'still held');
    assert.equal(core.deliver(delivered.job), 0.008);
    assert.equal(core.deliver(delivered.job), 0.008, 'idempotent');
    assert.equal(core.abandon(delivered.job), false, 'a delivered job cannot be abandoned');
    // The second job leaves while queued: its hold is released at once, and nothing is billed when it completes.
    assert.equal(core.statusOf(gone.job), 'PROCESSING');
    assert.equal(core.abandon(gone.job), true);
    assert.equal(core.abandon(gone.job), false);
    clock.advance(1000);
    assert.equal(core.statusOf(gone.job), 'COMPLETED', 'the simulated GPU still ran it');
    assert.equal(core.deliver(gone.job), null);
    assert.equal(core.balance(0), 0.008);
    const timeline = core.timeline(gone.job);
    assert.equal(timeline.abandoned_at_ms, delivered.job.finishedAt);
    assert.equal(timeline.cost, null);
    assert.equal(core.timeline(delivered.job).cost, 0.002);
    const counters = core.stats().counters;
    assert.equal(counters.billed_credits, 0.002);
    assert.equal(counters.abandoned, 1);
    assert.equal(counters.completed, 2);
  });

  it('v2: billed at completion; a v2 job abandoned before it completes is released instead', () => {
    const { core, clock } = makeCore({ credits: 0.01 });
    const billed = accepted(core);
    const released = accepted(core);
    assert.equal(core.abandon(released), true);
    clock.advance(2000);
    assert.equal(core.balance(0), 0.008);
    assert.equal(billed.remainingCredits, 0.008);
    assert.equal(core.timeline(released).cost, null);
  });

  it('a failed v1 job is neither billed nor deliverable, and reset forgets answers still in flight', () => {
    const { core, clock } = makeCore({ credits: 0.01, raiBlock: ['blocked'] });
    const failed = core.submit(MODELS[0]!, 'v1', 0, params({ prompt: 'blocked' }));
    const inFlight = core.submit(MODELS[1]!, 'v1', 0, params());
    assert.ok(failed.kind === 'accepted' && inFlight.kind === 'accepted');
    clock.advance(1000);
    assert.equal(core.deliver(failed.job), null);
    core.reset();
    assert.equal(core.deliver(inFlight.job), null, 'reset: nothing billed against the new balance');
    assert.equal(core.balance(0), 0.01);
  });

  it('refuses when the available balance (balance minus held) is below the cost', () => {
    const { core } = makeCore({ credits: 0.005 });
    accepted(core);
    accepted(core);
    const refused = core.submit(MODELS[0]!, 'v2', 0, params());
    assert.deepEqual(refused, { kind: 'insufficient-credits', available: 0.001, cost: 0.002 });
  });

  it('rpm: fixed windows aligned to the UTC minute', () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 0, 0, 30));
    const { core } = makeCore({ rpm: 3 }, clock);
    for (let i = 0; i < 3; i++) assert.equal(core.admit(0).allowed, true);
    const limited = core.admit(0);
    assert.equal(limited.allowed, false);
    assert.equal(limited.resetAtMs, Date.UTC(2026, 0, 1, 0, 1, 0));
    assert.equal(core.admit(1).allowed, true, 'per key');
    clock.advance(30_000);
    assert.equal(core.admit(0).allowed, true);
  });
});

describe('latency model', () => {
  const median = (f: () => number): number => {
    const xs = Array.from({ length: 301 }, f).sort((a, b) => a - b);
    return xs[150]!;
  };
  it('grows with steps, pixels and samples, with jitter', () => {
    const model = profileModel(PROFILES.realistic);
    const rng = seededRng(9);
    const base = { steps: 20, width: 512, height: 512, samples: 1 };
    const m0 = median(() => model.inferenceMs(base, rng));
    assert.ok(median(() => model.inferenceMs({ ...base, steps: 50 }, rng)) > m0 * 1.8);
    assert.ok(median(() => model.inferenceMs({ ...base, width: 1024, height: 1024 }, rng)) > m0 * 3);
    assert.ok(median(() => model.inferenceMs({ ...base, samples: 4 }, rng)) > m0 * 2.5);
    const draws = new Set(Array.from({ length: 20 }, () => model.inferenceMs(base, rng)));
    assert.ok(draws.size > 15, 'jitter');
    // calibration: 50 steps at 512² ≈ 1.6 s + overhead (fal-ai SD1.5 diffusers SDPA A100 figure, see latency.ts)
    const fifty = median(() => model.inferenceMs({ ...base, steps: 50 }, rng));
    assert.ok(fifty > 1500 && fifty < 2200, `${fifty}`);
  });

  it('cold starts: a worker that never ran or sat idle past idleColdMs pays the cold start', () => {
    const { core, clock } = makeCore({ latency: profileModel(PROFILES.ci) });
    const first = accepted(core);
    assert.equal(first.coldStartMs, PROFILES.ci.coldStartMs);
    clock.advance(1000);
    const warm = accepted(core);
    assert.equal(warm.coldStartMs, 0);
    clock.advance(PROFILES.ci.idleColdMs + 1000);
    assert.equal(accepted(core).coldStartMs, PROFILES.ci.coldStartMs);
    assert.ok(core.timeline(first).cold_start);
  });

  it('parses exact service-time distributions and rejects malformed ones', () => {
    assert.deepEqual(parseServiceTime('fixed:250'), { kind: 'fixed', ms: 250 });
    assert.deepEqual(parseServiceTime('exp:1000'), { kind: 'exp', meanMs: 1000 });
    assert.deepEqual(parseServiceTime('lognormal:800,0.4'), { kind: 'lognormal', medianMs: 800, sigma: 0.4 });
    for (const bad of ['fixed', 'fixed:-1', 'exp:abc', 'lognormal:800', 'uniform:3', 'fixed:1,2']) assert.throws(() => parseServiceTime(bad), /service time/);
    const exp = serviceTimeModel(parseServiceTime('exp:100'));
    const rng = seededRng(3);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += exp.inferenceMs({ steps: 20, width: 512, height: 512, samples: 1 }, rng);
    assert.ok(Math.abs(sum / n - 100) < 3, `mean ${sum / n}`);
    assert.equal(exp.coldStartMs, 0);
  });
});
