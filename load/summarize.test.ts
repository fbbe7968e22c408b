// The load run's own objective verdicts (the exit code) judge every kind of objective the objectives file may hold —
// cost ones too, on the vendor's own cost fields, as the report does (issue 13's cost objectives on issue 11's engine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseObjectives } from '../core/objectives.ts';
import type { JobRecord } from '../core/result-files.ts';
import { JobsSummarizer } from './summarize.ts';

function job(over: Partial<JobRecord>): JobRecord {
  return {
    request_id: 'r',
    model: 'sd1.5-scifi',
    api: 'v2',
    stage: 'main',
    params_digest: 'd',
    poll_strategy: 'adaptive',
    submit_at_ms: 0,
    submit_latency_ms: 5,
    observations: [],
    polls: 2,
    queue_wait_est_ms: 10,
    queue_wait_bound_ms: 1,
    e2e_ms: 50,
    result_fetch_ms: 3,
    server: { cost: 0.002 },
    final_status: 'COMPLETED',
    final_code: 200,
    validation_errors: 0,
    ...over,
  };
}

test('cost objectives are judged on the mean of the vendor’s cost fields, per job and per image', () => {
  const objectives = parseObjectives(`
objectives:
  - { metric: cost_per_job, op: '<=', value: 0.003 }
  - { metric: cost_per_image, op: '<=', value: 0.0015 }
  - { metric: cost_per_image, op: '<=', value: 0.0015, api: v1 }
  - { metric: success_rate, op: '>=', value: 0.5 }
`);
  const summarizer = new JobsSummarizer(objectives);
  summarizer.add(job({ server: { cost: 0.004 }, images: 4 })); // 0.001 per image
  summarizer.add(job({ server: { cost: 0.002 } })); // one image
  summarizer.add(job({ server: {}, final_status: 'ERROR', final_code: 500 })); // no cost reported: not priced
  const [perJob, perImage, v1Only, success] = summarizer.result().objectives;
  assert.deepEqual(perJob, { name: 'mean cost_per_job ≤ 0.003 credits', observed: 0.003, pass: true });
  assert.equal(perImage!.observed, 0.0015);
  assert.equal(perImage!.pass, true);
  assert.deepEqual(v1Only, { name: 'mean cost_per_image ≤ 0.0015 credits [v1]', observed: null, pass: null }, 'no v1 job: no data, not a pass');
  assert.ok(Math.abs(success!.observed! - 2 / 3) < 1e-12, 'a cost objective is not read as a rate');
});
