// The vendor surface over real sockets (127.0.0.1, ephemeral ports), judged by the generated validators.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import jpeg from 'jpeg-js';
import {
  validateBase64ImageResponse,
  validateCompletedResult,
  validateErrorResponse,
  validateFailedResponse,
  validateStatusResponse,
  validateSubmitResponse,
  validateResultResponse,
} from '../spec/generated/validators.mjs';
import { requestExamples } from '../core/spec.ts';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { DEFAULT_DEV_KEY, FakeClock, createCore, publicConfig, resolveMockOptions, startMock, type RunningMock } from './index.ts';
import { createShell } from './http-shell.ts';
import { JpegCache } from './images.ts';
import { seededRng } from '../core/rng.ts';
import { send, sleep, type Reply } from './test-client.ts';

/** Runs a generated validator without letting its type guard narrow the (any-typed) body to unknown. */
function conforms(validate: (data: unknown) => boolean, value: unknown): boolean {
  return validate(value);
}

const JSON_HEADERS = { 'x-api-key': DEFAULT_DEV_KEY, 'content-type': 'application/json' };
const AUTH = { 'x-api-key': DEFAULT_DEV_KEY };

/** A multipart/form-data body of text fields, as a browser or `curl -F` writes it. */
function multipart(fields: Record<string, string>): { contentType: string; body: string } {
  const boundary = '----infercheckTestBoundary7MA4YWxk';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` };
}

function assertError(reply: Reply, status: number, pattern?: RegExp): string {
  assert.equal(reply.status, status, reply.text());
  const body = reply.json();
  assert.ok(conforms(validateErrorResponse, body), JSON.stringify(validateErrorResponse.errors));
  if (pattern) assert.match(body.error, pattern);
  return body.error as string;
}

async function pollUntilTerminal(url: string, statusUrl: string): Promise<Reply> {
  for (let i = 0; i < 500; i++) {
    const reply = await send(url, statusUrl, { headers: AUTH });
    const status = reply.json().status;
    if (status === 'COMPLETED' || status === 'FAILED') return reply;
    await sleep(10);
  }
  throw new Error('job never finished');
}

describe('mock vendor surface', () => {
  let mock: RunningMock;
  before(async () => {
    mock = await startMock({ profile: 'ci', raiBlock: ['forbiddenword'], seed: 7 });
  });
  after(() => mock.close());

  it('v2: submit → QUEUED/PROCESSING → COMPLETED with images served by the mock', async () => {
    const example = requestExamples()['sd1.5-scifi']!;
    const submit = await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: example });
    assert.equal(submit.status, 200);
    const sub = submit.json();
    assert.ok(conforms(validateSubmitResponse, sub), JSON.stringify(validateSubmitResponse.errors));
    assert.ok(sub.status_url.startsWith(`${mock.url}/v2/requests/`));
    const seen: string[] = [];
    let last: Reply | undefined;
    for (let i = 0; i < 500; i++) {
      last = await send(mock.url, sub.status_url, { headers: AUTH });
      assert.equal(last.status, 200);
      assert.ok(validateStatusResponse(last.json()), JSON.stringify(validateStatusResponse.errors));
      seen.push(last.json().status);
      if (last.json().status === 'COMPLETED') break;
      await sleep(5);
    }
    const order = ['QUEUED', 'PROCESSING', 'COMPLETED'];
    for (let i = 1; i < seen.length; i++) assert.ok(order.indexOf(seen[i]!) >= order.indexOf(seen[i - 1]!), `went backwards: ${seen.join(' → ')}`);
    assert.equal(seen.at(-1), 'COMPLETED');
    const result = await send(mock.url, sub.response_url, { headers: AUTH });
    const body = result.json();
    assert.ok(conforms(validateCompletedResult, body), JSON.stringify(validateCompletedResult.errors));
    assert.ok(conforms(validateResultResponse, body));
    for (const key of ['inference_time', 'queue_time', 'total_time', 'cost', 'remaining_credits']) assert.equal(typeof body.metrics[key], 'number', key);
    const image = await send(mock.url, body.output);
    assert.equal(image.status, 200);
    assert.equal(image.headers['content-type'], 'image/jpeg');
    const decoded = jpeg.decode(image.body);
    assert.deepEqual([decoded.width, decoded.height], [example['img_width'], example['img_height']]);
    // the v1 poll_url answers the status body
    const poll = await send(mock.url, sub.poll_url, { headers: AUTH });
    assert.equal(poll.status, 200);
    assert.equal(poll.json().status, 'COMPLETED');
  });

  it('v1: real JPEG bytes of exactly img_width × img_height with the accounting headers; same seed → same bytes', async () => {
    const body = { prompt: 'a lighthouse', img_width: 1024, img_height: 768, seed: 1234 };
    const first = await send(mock.url, '/v1/sd1.5-epicrealism', { headers: JSON_HEADERS, body });
    assert.equal(first.status, 200, first.text());
    assert.equal(first.headers['content-type'], 'image/jpeg');
    const decoded = jpeg.decode(first.body);
    assert.deepEqual([decoded.width, decoded.height], [1024, 768]);
    for (const h of ['x-cost', 'x-remaining-credits', 'x-request-id', 'x-generation-time', 'x-seed-value']) assert.ok(first.headers[h], h);
    assert.equal(first.headers['x-seed-value'], '1234');
    const again = await send(mock.url, '/v1/sd1.5-epicrealism', { headers: JSON_HEADERS, body });
    assert.ok(first.body.equals(again.body), 'same seed and parameters must give identical bytes');
    const other = await send(mock.url, '/v1/sd1.5-epicrealism', { headers: JSON_HEADERS, body: { ...body, seed: 1235 } });
    assert.ok(!first.body.equals(other.body));
  });

  it('v1: seed -1 draws a seed and reports it; replaying it gives the same image', async () => {
    const drawn = await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'x', seed: -1 } });
    assert.equal(drawn.status, 200);
    const seed = String(drawn.headers['x-seed-value']);
    assert.match(seed, /^[0-9]+$/);
    const replay = await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'x', seed: Number(seed) } });
    assert.ok(drawn.body.equals(replay.body));
  });

  it('v1: base64 true answers JSON with every sample', async () => {
    const reply = await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'x', samples: 2, base64: true, seed: 3 } });
    assert.equal(reply.status, 200);
    const body = reply.json();
    assert.ok(conforms(validateBase64ImageResponse, body), JSON.stringify(validateBase64ImageResponse.errors));
    assert.equal(body.images.length, 2);
    const decoded = jpeg.decode(Buffer.from(body.images[1], 'base64'));
    assert.deepEqual([decoded.width, decoded.height], [512, 512]);
  });

  it('401: missing and invalid keys give different messages; Bearer-only is rejected', async () => {
    const body = { prompt: 'x' };
    const missing = assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: { 'content-type': 'application/json' }, body }), 401);
    assert.equal(missing, 'Missing Authorization or x-api-key in header');
    const invalid = assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: { 'content-type': 'application/json', 'x-api-key': 'SG_ffffffffffffffff' }, body }), 401);
    assert.notEqual(invalid, missing);
    assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFAULT_DEV_KEY}` }, body }), 401);
    assertError(await send(mock.url, '/v2/requests/00000000-0000-4000-8000-000000000000/status'), 401);
  });

  it('400: the generated validator decides, and the message names the parameter', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /^prompt is required$/],
      [{ prompt: 'x', num_inference_steps: 101 }, /^num_inference_steps must be <= 100$/],
      [{ prompt: 'x', img_width: 500 }, /^img_width must be one of: 512, 768, 1024$/],
      [{ prompt: 'x', samples: '1' }, /^samples must be integer$/],
      [{ prompt: 'x', scheduler: 'bogus' }, /^scheduler must be one of/],
      [{ prompt: '' }, /^prompt /],
    ];
    for (const [body, pattern] of cases) assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body }), 400, pattern);
    assertError(await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: '{"prompt": ' }), 400, /not valid JSON/);
    assertError(await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: '[1,2]' }), 400, /JSON object/);
  });

  it('404 / 405 / 406: unknown model and ids, wrong verb (HTML), wrong content type', async () => {
    assertError(await send(mock.url, '/v2/sd2-unknown', { headers: JSON_HEADERS, body: { prompt: 'x' } }), 404, /sd2-unknown/);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/v2/requests/${id}/status`, `/v2/requests/${id}`, `/v1/requests/${id}`]) {
      assert.equal(assertError(await send(mock.url, path, { headers: AUTH }), 404), `Request ${id} not found`);
    }
    const wrong = await send(mock.url, '/v2/sd1.5-scifi', { method: 'GET', headers: AUTH });
    assert.equal(wrong.status, 405);
    assert.match(String(wrong.headers['content-type']), /text\/html/);
    assert.equal((await send(mock.url, `/v2/requests/${id}/status`, { method: 'DELETE', headers: AUTH })).status, 405);
    assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: { ...AUTH, 'content-type': 'text/plain' }, body: '{"prompt":"x"}' }), 406, /^Invalid content type$/);
    assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: AUTH, body: '{"prompt":"x"}' }), 406, /^Invalid content type$/);
  });

  it('multipart/form-data is taken like JSON: fields read as the spec\'s types; images[].file_size is the bytes each URL serves', async () => {
    // Written by hand, as `curl -F` sends it: the test does not lean on the parser the mock uses (undici's).
    const form = multipart({ prompt: 'a lighthouse', samples: '2', img_width: '768', seed: '42', scheduler: 'euler_a', guidance_scale: '6.5' });
    const submit = await send(mock.url, '/v2/sd1.5-scifi', { headers: { ...AUTH, 'content-type': form.contentType }, body: form.body });
    assert.equal(submit.status, 200, submit.text());
    const sub = submit.json();
    await pollUntilTerminal(mock.url, sub.status_url);
    const result = (await send(mock.url, sub.response_url, { headers: AUTH })).json();
    assert.ok(conforms(validateCompletedResult, result), JSON.stringify(validateCompletedResult.errors));
    assert.equal(result.seed, 42, 'seed "42" was read as 42');
    assert.equal(result.images.length, 2, 'samples "2" was read as 2');
    for (const image of result.images) {
      // A string (mock/README.md says why); equal to the bytes the URL serves.
      assert.equal(typeof image.file_size, 'string');
      const served = await send(mock.url, image.url);
      assert.equal(served.status, 200);
      assert.equal(Number(image.file_size), served.body.length, `${image.url}: file_size ${image.file_size}, served ${served.body.length} bytes`);
      const decoded = jpeg.decode(served.body);
      assert.deepEqual([decoded.width, decoded.height], [768, 512], 'img_width "768" was read as 768; img_height is its default');
    }
    // v1 takes it too, a boolean field included (Python's encoders write "True"/"False").
    const v1 = multipart({ prompt: 'a lighthouse', base64: 'True', seed: '7' });
    const answer = await send(mock.url, '/v1/sd1.5-epicrealism', { headers: { ...AUTH, 'content-type': v1.contentType }, body: v1.body });
    assert.equal(answer.status, 200, answer.text());
    assert.ok(conforms(validateBase64ImageResponse, answer.json()), JSON.stringify(validateBase64ImageResponse.errors));
    assert.equal(answer.headers['x-seed-value'], '7');
  });

  it('multipart/form-data that is invalid gets the parameter\'s 400, never the content-type 406', async () => {
    const post = (form: { contentType: string; body: string }): Promise<Reply> => send(mock.url, '/v2/sd1.5-scifi', { headers: { ...AUTH, 'content-type': form.contentType }, body: form.body });
    assertError(await post(multipart({ negative_prompt: 'blurry' })), 400, /^prompt is required$/);
    assertError(await post(multipart({ prompt: 'x', samples: 'two' })), 400, /^samples must be integer$/);
    assertError(await post(multipart({ prompt: 'x', num_inference_steps: '101' })), 400, /^num_inference_steps must be <= 100$/);
    assertError(await post(multipart({ prompt: 'x', base64: 'maybe' })), 400, /^base64 must be boolean$/);
    assertError(await post({ contentType: 'multipart/form-data; boundary=nothing-here', body: 'not a form' }), 400, /not valid multipart\/form-data/);
    const file = `--b\r\nContent-Disposition: form-data; name="prompt"; filename="p.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n`;
    assertError(await post({ contentType: 'multipart/form-data; boundary=b', body: file }), 400, /^prompt must be a text field/);
  });

  it('the snake_case scheduler ids the vendor\'s SDK wrappers send are accepted (reference §3; spec conflict scheduler-names)', async () => {
    for (const scheduler of ['euler', 'euler_a', 'ddim', 'dpmpp_2m', 'dpmpp_sde_ancestral']) {
      const reply = await send(mock.url, '/v2/sd1.5-epicrealism', { headers: JSON_HEADERS, body: { prompt: 'x', scheduler } });
      assert.equal(reply.status, 200, `${scheduler}: ${reply.text()}`);
    }
  });

  it('422 FAILED on both v2 GETs for a content-policy word, with the detail and no billing fields', async () => {
    const sub = (await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'a ForbiddenWord here' } })).json();
    const status = await pollUntilTerminal(mock.url, sub.status_url);
    assert.equal(status.status, 422);
    for (const reply of [status, await send(mock.url, sub.response_url, { headers: AUTH })]) {
      assert.equal(reply.status, 422);
      const body = reply.json();
      assert.ok(conforms(validateFailedResponse, body), JSON.stringify(validateFailedResponse.errors));
      assert.match(body.error, /content_policy_violation/);
      assert.equal(body.metrics.cost, undefined);
    }
    // v1 answers a 400 naming the policy (the spec has no 422 on v1)
    assertError(await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'forbiddenword' } }), 400, /content_policy_violation/);
  });

  it('absolute URLs come from the Host header; a malformed Host falls back to the bound address', async () => {
    const sub = (await send(mock.url, '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, host: 'vendor.example:8443' }, body: { prompt: 'x' } })).json();
    assert.ok(sub.status_url.startsWith('http://vendor.example:8443/v2/requests/'), sub.status_url);
    const odd = (await send(mock.url, '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, host: 'evil"/<x>' }, body: { prompt: 'x' } })).json();
    assert.ok(odd.status_url.startsWith(`${mock.url}/v2/requests/`), odd.status_url);
  });

  it('hostile input: odd ids, paths and headers get documented 4xx, never a crash', async () => {
    const long = 'x'.repeat(5000);
    const reply = await send(mock.url, `/v2/requests/${long}/status`, { headers: AUTH });
    assert.ok(assertError(reply, 404).length < 200);
    assertError(await send(mock.url, '/v2/requests/%E0%A4%A/status', { headers: AUTH }), 404);
    assertError(await send(mock.url, '/../../etc/passwd'), 404);
    assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'x-api-key': `${DEFAULT_DEV_KEY}\u00e9` }, body: { prompt: 'x' } }), 401);
    assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: '\u0000\u0001' }), 400);
    const health = await send(mock.url, '/__mock/health');
    assert.deepEqual(health.json(), { ok: true });
  });

  it('oversized headers → 431 and a malformed request line → 400, as JSON envelopes; the server lives on', async () => {
    const big = await send(mock.url, '/v1/get-user-credits', { headers: { ...AUTH, 'x-filler': 'z'.repeat(20_000) } });
    assertError(big, 431);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(mock.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (c) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write('GARBAGE\x01 / HTTP/9.9\r\n\r\n');
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.match(raw, /"error":"Malformed HTTP request"/);
    assert.deepEqual((await send(mock.url, '/__mock/health')).json(), { ok: true });
  });

  it('admin surface: timelines, stats, config without keys, reset', async () => {
    const sub = (await send(mock.url, '/v2/sd1.5-epicrealism', { headers: JSON_HEADERS, body: { prompt: 'timeline' } })).json();
    await pollUntilTerminal(mock.url, sub.status_url);
    const t = (await send(mock.url, `/__mock/requests/${sub.request_id}`)).json();
    assert.equal(t.request_id, sub.request_id);
    assert.equal(t.api, 'v2');
    assert.equal(t.status, 'COMPLETED');
    assert.ok(t.submitted_at_ms <= t.started_at_ms && t.started_at_ms <= t.finished_at_ms);
    assert.equal(t.queue_ms, t.started_at_ms - t.submitted_at_ms);
    assert.equal(typeof t.worker, 'number');
    const since = (await send(mock.url, `/__mock/requests?since_ms=${t.submitted_at_ms}`)).json();
    assert.ok(since.requests.some((r: { request_id: string }) => r.request_id === sub.request_id));
    assert.equal(since.truncated, false);
    const all = (await send(mock.url, '/__mock/requests?since_ms=0')).json();
    assert.ok(all.requests.length >= 2);
    const one = (await send(mock.url, '/__mock/requests?since_ms=0&limit=1')).json();
    assert.equal(one.requests.length, 1);
    assert.equal(one.truncated, true);
    const stats = (await send(mock.url, '/__mock/stats')).json();
    assert.equal(stats.workers, 2);
    assert.deepEqual(Object.keys(stats.models).sort(), ['sd1.5-epicrealism', 'sd1.5-scifi']);
    for (const key of ['requests', 'by_status', 'submitted', 'completed', 'failed', 'expired', 'billed_credits']) assert.ok(key in stats.counters, key);
    assert.ok(stats.counters.completed >= 1);
    const config = await send(mock.url, '/__mock/config');
    assert.ok(!config.text().includes(DEFAULT_DEV_KEY));
    assert.equal(config.json().profile, 'ci');
    assert.equal((await send(mock.url, '/__mock/reset', { method: 'POST' })).status, 200);
    assert.equal((await send(mock.url, '/__mock/stats')).json().counters.submitted, 0);
    assertError(await send(mock.url, sub.status_url, { headers: AUTH }), 404);
  });
});

describe('mock limits and configuration', () => {
  it('406 when the balance is below the cost; only successful work is billed', async () => {
    const mock = await startMock({ profile: 'ci', credits: 0.005, raiBlock: ['nope'] });
    try {
      const failed = (await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'nope' } })).json();
      await pollUntilTerminal(mock.url, failed.status_url);
      assert.equal((await send(mock.url, '/v1/get-user-credits', { headers: AUTH })).json().credits, 0.005, 'a FAILED job is not billed');
      const ok = await send(mock.url, '/v1/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'x' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers['x-remaining-credits'], '0.003');
      const big = { prompt: 'x', img_width: 1024, img_height: 1024 };
      assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: big }), 406, /Insufficient credits: balance 0.003 is below the cost 0.008/);
    } finally {
      await mock.close();
    }
  });

  it('429 past --rpm with x-rate-limit-reset-at-utc and no Retry-After', async () => {
    const mock = await startMock({ profile: 'ci', rpm: 2 });
    try {
      for (let i = 0; i < 2; i++) assert.equal((await send(mock.url, '/v1/get-user-credits', { headers: AUTH })).status, 200);
      const limited = await send(mock.url, '/v1/get-user-credits', { headers: AUTH });
      assertError(limited, 429, /2 requests per minute/);
      assert.ok(!Number.isNaN(Date.parse(String(limited.headers['x-rate-limit-reset-at-utc']))));
      assert.equal(limited.headers['retry-after'], undefined);
    } finally {
      await mock.close();
    }
  });

  it('413 over the body limit, 408 for a body slower than the read timeout, 503 past the queue depth', async () => {
    const mock = await startMock({ serviceTime: 'fixed:60000', workers: 1, maxQueueDepth: 1, maxBodyBytes: 1024, bodyTimeoutMs: 300 });
    try {
      assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'x'.repeat(2000) } }), 413, /1024 bytes/);
      const chunked = await send(mock.url, '/v2/sd1.5-scifi', { headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' }, body: 'y'.repeat(2000), trickleMs: 0, pieceBytes: 700 });
      assertError(chunked, 413);
      assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: '{"prompt":"slow"}', trickleMs: 100 }), 408);
      assert.equal((await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'runs' } })).status, 200);
      assert.equal((await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'waits' } })).status, 200);
      assertError(await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'refused' } }), 503, /full/);
      // the other model has its own queue
      assert.equal((await send(mock.url, '/v2/sd1.5-epicrealism', { headers: JSON_HEADERS, body: { prompt: 'x' } })).status, 200);
    } finally {
      await mock.close();
    }
  });

  it('records expire retentionS after submission → 404 (fake clock)', async () => {
    const clock = new FakeClock();
    const mock = await startMock({ serviceTime: 'fixed:1000', retentionS: 60, clock });
    try {
      const sub = (await send(mock.url, '/v2/sd1.5-scifi', { headers: JSON_HEADERS, body: { prompt: 'x' } })).json();
      clock.advance(59_999);
      assert.equal((await send(mock.url, sub.status_url, { headers: AUTH })).json().status, 'COMPLETED');
      clock.advance(1);
      assert.equal(assertError(await send(mock.url, sub.status_url, { headers: AUTH }), 404), `Request ${sub.request_id} not found`);
      assert.equal((await send(mock.url, '/__mock/stats')).json().counters.expired, 1);
    } finally {
      await mock.close();
    }
  });

  it('admin surface is refused beyond loopback unless a token is configured', async () => {
    // The shell decides from its configuration; tests never bind beyond loopback, so the shell is configured as if.
    const resolved = resolveMockOptions({ profile: 'ci', host: '0.0.0.0' });
    const shell = createShell(createCore(resolved), new JpegCache(2), {
      apiKeys: resolved.apiKeys,
      adminToken: null,
      adminOpenWithoutToken: false,
      maxBodyBytes: resolved.maxBodyBytes,
      bodyTimeoutMs: resolved.bodyTimeoutMs,
      faults: resolved.faults,
      fallbackAuthority: '127.0.0.1:1',
      rpm: 0,
      maxConnections: resolved.maxConnections,
      publicConfig: publicConfig(resolved),
    }, seededRng(1));
    const server = createServer((req, res) => shell.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      assertError(await send(url, '/__mock/stats'), 403, /non-loopback/);
      assert.equal((await send(url, '/v1/get-user-credits', { headers: AUTH })).status, 200);
    } finally {
      shell.shutdown();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('admin token: required when configured', async () => {
    const mock = await startMock({ profile: 'ci', adminToken: 'sesame' });
    try {
      assertError(await send(mock.url, '/__mock/stats'), 403);
      assertError(await send(mock.url, '/__mock/stats', { headers: { 'x-admin-token': 'wrong!' } }), 403);
      assert.equal((await send(mock.url, '/__mock/stats', { headers: { 'x-admin-token': 'sesame' } })).status, 200);
      assert.ok(!(await send(mock.url, '/__mock/config', { headers: { 'x-admin-token': 'sesame' } })).text().includes('sesame'));
    } finally {
      await mock.close();
    }
  });

  it('fault injection by configuration: 5xx rate, bursts, slow answers, dropped connections', async () => {
    const errorsOnly = await startMock({ profile: 'ci', faults: { errorRate: 1, errorStatus: 503 } });
    const bursts = await startMock({ profile: 'ci', faults: { burst: { status: 504, everyMs: 1000, durationMs: 1000 } } });
    const slow = await startMock({ profile: 'ci', faults: { slowMs: 150 } });
    const drops = await startMock({ profile: 'ci', faults: { dropRate: 1 } });
    try {
      assertError(await send(errorsOnly.url, '/v1/get-user-credits', { headers: AUTH }), 503);
      assertError(await send(bursts.url, '/v1/get-user-credits', { headers: AUTH }), 504);
      const start = performance.now();
      assert.equal((await send(slow.url, '/v1/get-user-credits', { headers: AUTH })).status, 200);
      assert.ok(performance.now() - start >= 140);
      await assert.rejects(send(drops.url, '/v1/get-user-credits', { headers: AUTH }));
      // the admin surface is never faulted
      assert.equal((await send(drops.url, '/__mock/stats')).json().counters.by_status['0'], 1);
    } finally {
      await Promise.all([errorsOnly.close(), bursts.close(), slow.close(), drops.close()]);
    }
  });
});
