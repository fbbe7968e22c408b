// The contract suite's speed (contracts issue, "Must show"): the whole catalogue against the embedded mock — wall
// time, cases/s, requests/s — next to a baseline measured in the same run on the same mock: the same number of bare
// HTTP requests (GET of an unknown request id, no checks) at the same concurrency, so the ratio is the suite's own
// cost (planning, following jobs, checking) rather than this machine's mood. Target: ≥ 300 cases in ≤ 30 s.
// Then the generated validators' throughput with tinybench (validations/s) for a valid and an invalid request body
// and a COMPLETED result body, against JSON.parse of the same body as the baseline.
import { Bench } from 'tinybench';
import { startMock } from '../mock/index.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runContracts } from '../contracts/engine.ts';
import { installReplay, readCassette, writeCassette } from '../contracts/cassette.ts';
import { verdictOf } from '../contracts/evaluate.ts';
import { MOCK_FAIL_WORD } from '../contracts/run-config.ts';
import { MODELS } from '../core/spec.ts';
import { validateResultResponse, validateTxt2ImgRequest } from '../spec/generated/validators.mjs';

const TARGET_CASES = 300;
const TARGET_SECONDS = 30;
const CONCURRENCY = 8; // the engine's default against the mock

async function suite(): Promise<void> {
  const mock = await startMock({ profile: 'ci', raiBlock: [MOCK_FAIL_WORD], credits: 1e9, seed: 1 });
  try {
    const started = performance.now();
    const run = await runContracts({
      target: { kind: 'mock', baseUrl: mock.url },
      apiKey: mock.apiKey,
      models: [...MODELS],
      failPrompt: `a lighthouse, ${MOCK_FAIL_WORD}`,
      maxBillable: Number.POSITIVE_INFINITY,
      pollIntervalMs: 15,
      pollTimeoutMs: 30_000,
      concurrency: CONCURRENCY,
    });
    const suiteMs = performance.now() - started;
    const requests = run.exchanges.length;

    // Baseline: the same number of bare requests through the same fetch, same concurrency, no checks.
    const url = `${mock.url}/v2/requests/00000000-0000-4000-8000-000000000000/status`;
    let next = 0;
    const bareStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < requests) await (await fetch(url, { headers: { 'x-api-key': mock.apiKey } })).arrayBuffer();
      }),
    );
    const bareMs = performance.now() - bareStarted;

    // The same suite replayed offline from a recording of this run (what a CI gate runs on every commit).
    const dir = mkdtempSync(join(tmpdir(), 'infercheck-bench-cassette-'));
    writeCassette(dir, { target: run.outcomes.target, models: [...MODELS], failPrompt: `a lighthouse, ${MOCK_FAIL_WORD}`, caseIds: run.plan.map((c) => c.id) }, run.exchanges, [mock.apiKey]);
    const { manifest, entries } = readCassette(dir);
    const ids = new Set(manifest.caseIds);
    const restore = installReplay(entries);
    const replayStarted = performance.now();
    let replay: Awaited<ReturnType<typeof runContracts>>;
    try {
      replay = await runContracts({
        target: { kind: 'replay', baseUrl: manifest.target.baseUrl },
        apiKey: 'SG_benchreplaybench',
        models: [...manifest.models],
        failPrompt: manifest.failPrompt!,
        maxBillable: Number.POSITIVE_INFINITY,
        wallClock: false,
        grep: { test: (id: string) => ids.has(id) } as RegExp,
      });
    } finally {
      restore();
    }
    const replayMs = performance.now() - replayStarted;

    const failed = run.outcomes.checks.filter((c) => verdictOf(c) === 'fail').map((c) => c.id);
    const seconds = suiteMs / 1000;
    console.log('contract suite against the embedded mock (ci profile), every model, every check');
    console.table([
      {
        run: 'contract suite (engine)',
        cases: run.outcomes.cases,
        requests,
        'wall s': seconds.toFixed(2),
        'cases/s': (run.outcomes.cases / seconds).toFixed(1),
        'requests/s': (requests / seconds).toFixed(0),
        'vs bare': `${(suiteMs / bareMs).toFixed(1)}×`,
      },
      {
        run: 'replay of this run (nock, offline)',
        cases: replay.outcomes.cases,
        requests: replay.exchanges.length,
        'wall s': (replayMs / 1000).toFixed(2),
        'cases/s': (replay.outcomes.cases / (replayMs / 1000)).toFixed(1),
        'requests/s': (replay.exchanges.length / (replayMs / 1000)).toFixed(0),
        'vs bare': `${(replayMs / bareMs).toFixed(1)}×`,
      },
      { run: 'baseline: bare GETs, no checks', cases: '-', requests, 'wall s': (bareMs / 1000).toFixed(2), 'cases/s': '-', 'requests/s': (requests / (bareMs / 1000)).toFixed(0), 'vs bare': '1.0×' },
    ]);
    const verdict = run.outcomes.cases >= TARGET_CASES && seconds <= TARGET_SECONDS ? 'met' : 'NOT met';
    console.log(`target ≥ ${TARGET_CASES} cases in ≤ ${TARGET_SECONDS} s: ${verdict} (${run.outcomes.cases} cases in ${seconds.toFixed(1)} s); failed checks: ${failed.length === 0 ? 'none' : failed.join(', ')}`);
    console.log('');
  } finally {
    await mock.close();
  }
}

async function validators(): Promise<void> {
  const validRequest = { prompt: 'futuristic sci-fi city', negative_prompt: 'blurry', scheduler: 'dpmpp_2m', num_inference_steps: 30, guidance_scale: 5, samples: 1, seed: 516797155652, img_width: 512, img_height: 768, base64: false };
  const invalidRequest = { ...validRequest, guidance_scale: 25.01, samples: '1' };
  const result = {
    status: 'COMPLETED',
    request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124',
    error: null,
    output: 'https://images.example/2c7f59ea/0.jpg',
    images: [{ url: 'https://images.example/2c7f59ea/0.jpg', content_type: 'image/jpeg', file_name: '0.jpg', file_size: 48211 }],
    seed: 516797155652,
    metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 99.998 },
  };
  if (!validateTxt2ImgRequest(validRequest) || validateTxt2ImgRequest(invalidRequest) || !validateResultResponse(result)) throw new Error('bench fixtures do not validate as expected');
  const resultText = JSON.stringify(result);
  const bench = new Bench({ name: 'generated validators', time: 500 });
  bench
    .add('baseline: JSON.parse(result body)', () => JSON.parse(resultText))
    .add('validateTxt2ImgRequest(valid body)', () => validateTxt2ImgRequest(validRequest))
    .add('validateTxt2ImgRequest(invalid body)', () => validateTxt2ImgRequest(invalidRequest))
    .add('validateResultResponse(COMPLETED result)', () => validateResultResponse(result));
  await bench.run();
  const baseline = bench.tasks[0]!.result;
  const baseOps = 'throughput' in baseline ? baseline.throughput.mean : Number.NaN;
  console.log('generated ajv validators (spec/generated/validators.mjs), tinybench');
  console.table(
    bench.tasks.map((task) => {
      const r = task.result;
      const ops = 'throughput' in r ? r.throughput.mean : Number.NaN;
      const rme = 'throughput' in r ? r.throughput.rme : Number.NaN;
      return { task: task.name, 'validations/s': Math.round(ops).toLocaleString('en-US'), '± %': rme.toFixed(1), 'vs JSON.parse': `${(ops / baseOps).toFixed(2)}×` };
    }),
  );
}

await suite();
await validators();
