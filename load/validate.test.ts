// Response validation inside k6 (k6/lib/validate.ts) must fire on each kind of violation and pass good answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeResponse, parseOnly } from './k6/lib/validate.ts';

const id = '2c7f59ea-13f1-402c-9353-915a2b5a2124';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: { 'Content-Type': 'application/json', ...headers }, bodyText: JSON.stringify(body) });
const submitted = { request_id: id, status: 'QUEUED', status_url: `https://api.segmind.com/v2/requests/${id}/status`, response_url: `https://api.segmind.com/v2/requests/${id}` };

test('a conforming submit, status and result pass', () => {
  assert.deepEqual(judgeResponse('submitAsync', json(200, submitted)).failures, []);
  assert.deepEqual(judgeResponse('getRequestStatus', json(200, { status: 'PROCESSING', request_id: id, metrics: {} })).failures, []);
  assert.deepEqual(judgeResponse('getRequestStatus', json(422, { status: 'FAILED', error: 'Prompt is Mandatory and must be string', metrics: { inference_time: 0.007 } })).failures, []);
  const jpeg = { status: 200, headers: { 'content-type': 'image/jpeg', 'x-cost': '0.002', 'x-remaining-credits': '9.9', 'x-request-id': id, 'x-generation-time': '1.2', 'x-seed-value': '5' }, bodyText: null };
  assert.deepEqual(judgeResponse('generateSync', jpeg).failures, []);
});

test('each kind of violation is counted', () => {
  const kinds = (r: ReturnType<typeof judgeResponse>) => r.failures.map((f) => f.kind);
  assert.deepEqual(kinds(judgeResponse('submitAsync', json(200, { ...submitted, status: 'PROCESSING' }))), ['schema']);
  assert.deepEqual(kinds(judgeResponse('submitAsync', json(200, { request_id: id }))), ['schema']);
  assert.deepEqual(kinds(judgeResponse('getRequestStatus', json(418, { error: 'teapot' }))), ['undocumented-status']);
  assert.deepEqual(kinds(judgeResponse('getRequestResult', { status: 200, headers: { 'content-type': 'text/plain' }, bodyText: 'ok' })), ['undocumented-media-type']);
  assert.deepEqual(kinds(judgeResponse('getRequestResult', { status: 200, headers: { 'content-type': 'application/json' }, bodyText: '{not json' })), ['not-json']);
  assert.deepEqual(kinds(judgeResponse('submitAsync', json(429, { error: 'Too many requests' }))), ['missing-header']);
  // a COMPLETED result without billing metrics breaks ResultMetrics
  const result = { status: 'COMPLETED', output: 'https://images.segmind.com/x.jpg', metrics: { inference_time: 1, queue_time: 0, total_time: 1 } };
  assert.deepEqual(kinds(judgeResponse('getRequestResult', json(200, result))), ['schema']);
});

test('parseOnly parses without judging', () => {
  assert.deepEqual(parseOnly(json(200, { anything: 1 })), { failures: [], json: { anything: 1 } });
  assert.equal(parseOnly({ status: 200, headers: { 'content-type': 'image/jpeg' }, bodyText: null }).json, undefined);
});

test('the memo gives every body the verdict a full judgement would, including violations', async () => {
  const { judgeResponseMemo } = await import('./k6/lib/validate.ts');
  const other = '9b1f0c2e-5d4a-4e3b-8c7d-6a5b4c3d2e1f';
  const pending = (rid: string, status = 'PROCESSING') => json(200, { status, request_id: rid, status_url: `https://api.segmind.com/v2/requests/${rid}/status`, response_url: `https://api.segmind.com/v2/requests/${rid}`, metrics: {} });
  assert.deepEqual(judgeResponseMemo('getRequestStatus', pending(id), id).failures, []);
  assert.deepEqual(judgeResponseMemo('getRequestStatus', pending(other), other).failures, [], 'a hit for another id');
  assert.equal(judgeResponseMemo('getRequestStatus', pending(other, 'RUNNING'), other).failures.length, 1, 'a different body is judged');
  const badUrl = json(200, { status: 'QUEUED', request_id: other, status_url: 'not a url', response_url: 'also not', metrics: {} });
  assert.equal(judgeResponseMemo('getRequestStatus', badUrl, other).failures.length, 1);
  const bad = json(200, { ...submitted, request_id: other, status_url: 'nope' });
  assert.equal(judgeResponseMemo('submitAsync', bad, null).failures.length, 1, 'a submit takes its id from its body');
  assert.deepEqual(judgeResponseMemo('submitAsync', json(200, { ...submitted, request_id: other, status_url: `https://x.test/v2/requests/${other}/status` }), null).failures, []);
  // an id that is not a UUID is never normalised away
  assert.equal(judgeResponseMemo('getRequestStatus', pending('not-a-uuid'), 'not-a-uuid').failures.length, 1);
});

test('the memo shares verdicts across numbers of one class, and tells classes apart', async () => {
  const { judgeResponseMemo, numberClass } = await import('./k6/lib/validate.ts');
  const rid = '3a3b3c3d-1111-4222-8333-444455556666';
  const result = (metrics: Record<string, number>) =>
    json(200, { status: 'COMPLETED', request_id: rid, error: null, output: `https://x.test/images/${rid}/0.jpg`, metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 9.9, ...metrics } });
  assert.deepEqual(judgeResponseMemo('getRequestResult', result({}), rid).failures, []);
  assert.deepEqual(judgeResponseMemo('getRequestResult', result({ inference_time: 2.7, cost: 0.004 }), rid).failures, []);
  assert.equal(judgeResponseMemo('getRequestResult', result({ inference_time: -0.5 }), rid).failures.length, 1, 'a negative time is judged anew');
  assert.equal(judgeResponseMemo('getRequestResult', result({ retry_count: 0.5 }), rid).failures.length, 1, 'a fractional count is judged anew');
  assert.deepEqual(judgeResponseMemo('getRequestResult', result({ retry_count: 3 }), rid).failures, []);
  assert.equal(judgeResponseMemo('getRequestResult', result({ retry_count: 0 }), rid).failures.length, 1, 'retry_count below its minimum of 1');
  assert.deepEqual(['neg-int', 'neg', 'zero', 'frac<1', 'int>=1', '>1', 'int>=1-unsafe'], [-2, -0.5, 0, 0.3, 7, 7.5, 2 ** 60].map(numberClass));
});

test("the memo's assumption holds for this spec: numbers are constrained only by type and a minimum of 0 or 1", async () => {
  const { specDocument } = await import('../core/spec.ts');
  const { OPERATIONS } = await import('../spec/generated/operations.ts');
  const schemas = specDocument().components.schemas as Record<string, Record<string, unknown>>;
  const seen = new Set<string>();
  const offending: string[] = [];
  const walk = (schema: unknown, where: string): void => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Record<string, unknown>;
    if (typeof s['$ref'] === 'string') {
      const name = (s['$ref'] as string).split('/').pop()!;
      if (!seen.has(name)) {
        seen.add(name);
        walk(schemas[name], name);
      }
      return;
    }
    const numeric = s['type'] === 'number' || s['type'] === 'integer';
    for (const keyword of ['maximum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf']) if (keyword in s) offending.push(`${where}: ${keyword}`);
    if (numeric && 'minimum' in s && s['minimum'] !== 0 && s['minimum'] !== 1) offending.push(`${where}: minimum ${String(s['minimum'])}`);
    if (numeric && ('enum' in s || 'const' in s)) offending.push(`${where}: enum/const on a number`);
    for (const [key, value] of Object.entries(s)) {
      if (key === 'properties' && value && typeof value === 'object') for (const [p, sub] of Object.entries(value)) walk(sub, `${where}.${p}`);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}.${key}[${i}]`));
      else if (value && typeof value === 'object') walk(value, `${where}.${key}`);
    }
  };
  const load = new Set(['generateSync', 'submitAsync', 'getRequestStatus', 'getRequestResult', 'getRequestStatusV1']);
  for (const op of OPERATIONS.filter((o) => load.has(o.operationId))) {
    for (const entry of Object.values(op.responses)) for (const name of Object.values(entry.content)) if (name) walk({ $ref: `#/components/schemas/${name}` }, op.operationId);
  }
  assert.ok(seen.has('ResultMetrics') && seen.has('SubmitResponse'), 'the walk reached the response schemas');
  assert.deepEqual(offending, []);
});

test('a string that mimics a number class is never confused with the number', async () => {
  const { judgeResponseMemo } = await import('./k6/lib/validate.ts');
  const rid = '5a5b5c5d-1111-4222-8333-444455556666';
  const result = (seed: unknown) => json(200, { status: 'COMPLETED', request_id: rid, output: `https://x.test/${rid}.jpg`, seed, metrics: { inference_time: 1, queue_time: 0, total_time: 1, cost: 0.1, remaining_credits: 1 } });
  assert.deepEqual(judgeResponseMemo('getRequestResult', result(12), rid).failures, []);
  assert.equal(judgeResponseMemo('getRequestResult', result('\u0000#int>=1'), rid).failures.length, 1);
});
