// Record against the embedded mock, close it, replay with nothing listening: the suite passes offline, the cassettes
// hold no API key, and the drift report is empty until the recording disagrees with the spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../mock/index.ts';
import { runContracts } from './engine.ts';
import { installReplay, readCassette, writeCassette, CASSETTE_FILE } from './cassette.ts';
import { driftReport } from './drift.ts';
import { MOCK_FAIL_WORD } from './run-config.ts';

const SECRET_KEY = 'SG_5ec2e7ab5ec2e7ab';
const SUBSET = /^(auth|transport|lifecycle|outputs|money)\/|\/seed\//;

test('a recording made against the mock replays offline, passes, and contains no API key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'infercheck-cassette-'));
  const mock = await startMock({ profile: 'ci', apiKeys: [SECRET_KEY], raiBlock: [MOCK_FAIL_WORD], credits: 1e6 });
  const failPrompt = `a ${MOCK_FAIL_WORD} picture`;
  let recordedCases: string[];
  try {
    const recorded = await runContracts({ target: { kind: 'mock', baseUrl: mock.url }, apiKey: SECRET_KEY, models: ['sd1.5-scifi'], failPrompt, maxBillable: Number.POSITIVE_INFINITY, grep: SUBSET, pollIntervalMs: 10, pollTimeoutMs: 20_000 });
    assert.ok(recorded.outcomes.checks.every((c) => c.failed === 0), 'the recording run itself failed');
    recordedCases = recorded.plan.map((c) => c.id);
    writeCassette(dir, { target: { kind: 'mock', baseUrl: mock.url }, models: ['sd1.5-scifi'], failPrompt, caseIds: recordedCases }, recorded.exchanges, [SECRET_KEY]);
  } finally {
    await mock.close(); // nothing listens any more: the replay below cannot reach a server
  }

  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.ok(!text.includes(SECRET_KEY), `${file} contains the API key`);
    assert.ok(!/\bSG_[0-9a-f]{16}\b/i.test(text), `${file} contains a key-shaped string`);
    assert.ok(!/"x-api-key"\s*:/i.test(text), `${file} stores an x-api-key header`);
  }

  const { manifest, entries } = readCassette(dir);
  const ids = new Set(manifest.caseIds);
  const restore = installReplay(entries);
  let pending: string[];
  try {
    const replayed = await runContracts({
      target: { kind: 'replay', baseUrl: manifest.target.baseUrl },
      apiKey: 'SG_replayreplayrepl',
      models: [...manifest.models],
      failPrompt: manifest.failPrompt!,
      maxBillable: Number.POSITIVE_INFINITY,
      wallClock: false,
      grep: { test: (id: string) => ids.has(id) } as RegExp,
    });
    assert.equal(replayed.outcomes.cases, recordedCases.length);
    const failed = replayed.outcomes.checks.filter((c) => c.failed > 0);
    assert.deepEqual(failed.map((c) => `${c.id}: ${c.failures[0]?.message}`), []);
    assert.ok(replayed.outcomes.checks.find((c) => c.id === 'job-state-transitions')!.passed > 0);
  } finally {
    pending = restore();
  }
  assert.deepEqual(pending, [], 'the replay left recorded exchanges unused');
  assert.deepEqual(driftReport(manifest, entries).entries, []);

  // Today's spec against a tampered recording: an undocumented status and an invalid body are drift.
  const tampered = entries.map((e) => ({ ...e }));
  const submit = tampered.find((e) => e['x-infercheck'].operationId === 'submitAsync' && e.status === 200)!;
  Object.assign(submit, { response: { status: 'QUEUED' } });
  const poll = tampered.find((e) => e['x-infercheck'].operationId === 'getRequestStatus' && e.status === 200)!;
  Object.assign(poll, { status: 202 });
  writeFileSync(join(dir, CASSETTE_FILE), JSON.stringify(tampered));
  const drift = driftReport(manifest, readCassette(dir).entries, ['GET http://127.0.0.1:1/never']);
  assert.equal(drift.counts['body-schema'], 1);
  assert.equal(drift.counts['undocumented-status'], 1);
  assert.equal(drift.counts['not-replayed'], 1);
  // Each item says what the rule it differs from rests on: a submit body without its URLs breaks the documented
  // SubmitResponse; a 202 status read differs from an assumption (no document gives that code).
  const basis = (kind: string): string[] => drift.entries.filter((e) => e.kind === kind).map((e) => `${e.rule} ${e.basis}`);
  assert.deepEqual(basis('body-schema'), ['SubmitResponse:* documented']);
  assert.deepEqual(basis('undocumented-status'), ['getRequestStatus:success assumed']);
  assert.ok(drift.entries.filter((e) => e.kind !== 'not-replayed').every((e) => e.source && e.source.length > 0));
  assert.equal(drift.entries.find((e) => e.kind === 'not-replayed')!.basis, undefined);

  // A recorded request body: today's spec rejects a negative seed (an assumed bound) and a documented wrong type; the
  // target took both. Each drift item names the rule and its basis.
  const [first] = readCassette(dir).entries.filter((e) => e['x-infercheck'].operationId === 'generateSync' && e.status === 200);
  assert.ok(first, 'the recording holds a v1 success');
  const bodies = [{ ...(first!.body as object), seed: -2 }, { ...(first!.body as object), samples: [1] }, { ...(first!.body as object), samples: null }];
  const requestDrift = driftReport(manifest, bodies.map((body) => ({ ...first!, body })));
  assert.deepEqual(
    requestDrift.entries.map((e) => `${e.kind} ${e.rule} ${e.basis}`),
    ['request-verdict-changed Txt2ImgRequest.seed:minimum assumed', 'request-verdict-changed Txt2ImgRequest.samples:type documented', 'request-verdict-changed Txt2ImgRequest:null assumed'],
  );
});
