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
