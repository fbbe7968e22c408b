// The one conformance judge (conformance.ts): each kind of violation fires on its own, a conforming answer is silent,
// and each violation names the rule it broke, the spec rules behind it and what they rest on. The contract checks' own proofs (contracts/self-test.test.ts) run the
// same judge against a scripted vendor; these cases are the load engine's view (parsed body, lower-case headers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeResponse, VIOLATION_RULE, type ResponseToJudge } from './conformance.ts';

const id = '2c7f59ea-13f1-402c-9353-915a2b5a2124';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): ResponseToJudge => ({ status, headers, mediaType: 'application/json', json: body });
const submitted = { request_id: id, status: 'QUEUED', status_url: `https://api.segmind.com/v2/requests/${id}/status`, response_url: `https://api.segmind.com/v2/requests/${id}` };
const kinds = (operationId: string, r: ResponseToJudge): string[] => judgeResponse(operationId, r).violations.map((v) => v.kind);
const jpegHeaders = { 'x-cost': '0.002', 'x-remaining-credits': '9.9', 'x-request-id': id, 'x-generation-time': '1.2', 'x-seed-value': '5' };

test('conforming submit, status, FAILED, result and v1 answers are silent', () => {
  assert.deepEqual(kinds('submitAsync', json(200, submitted)), []);
  assert.deepEqual(kinds('getRequestStatus', json(200, { status: 'PROCESSING', request_id: id, metrics: {} })), []);
  assert.deepEqual(kinds('getRequestStatus', json(422, { status: 'FAILED', error: 'Prompt is Mandatory and must be string', metrics: { inference_time: 0.007 } })), []);
  assert.deepEqual(kinds('generateSync', { status: 200, headers: jpegHeaders, mediaType: 'image/jpeg' }), []);
});

test('each kind fires on its violation and names its rule', () => {
  assert.deepEqual(kinds('submitAsync', json(200, { ...submitted, status: 'PROCESSING' })), ['body-schema']);
  assert.deepEqual(kinds('getRequestStatus', json(418, { error: 'teapot' })), ['undocumented-status']);
  assert.deepEqual(kinds('getRequestResult', { status: 200, headers: {}, mediaType: 'text/plain' }), ['undocumented-content-type']);
  assert.deepEqual(kinds('getRequestResult', { status: 200, headers: {}, mediaType: 'application/json', jsonError: 'Unexpected token' }), ['body-not-json']);
  assert.deepEqual(kinds('submitAsync', json(429, { error: 'Too many requests' })), ['header-missing']);
  const { 'x-request-id': _, ...noRequestId } = jpegHeaders;
  assert.deepEqual(kinds('generateSync', { status: 200, headers: noRequestId, mediaType: 'image/jpeg' }), ['header-missing']);
  assert.deepEqual(kinds('generateSync', { status: 200, headers: { ...jpegHeaders, 'x-cost': '' }, mediaType: 'image/jpeg' }).length > 0, true);
  for (const v of judgeResponse('getRequestStatus', json(418, {})).violations) assert.equal(v.rule, VIOLATION_RULE[v.kind]);
});

test('which rules applied: an undocumented status leaves the others nothing to judge', () => {
  assert.deepEqual([...judgeResponse('getRequestStatus', json(418, {})).applied], ['status-code-documented']);
  assert.deepEqual([...judgeResponse('submitAsync', json(200, submitted)).applied], ['status-code-documented', 'content-type-documented', 'response-schema-valid']);
  assert.ok(judgeResponse('generateSync', { status: 200, headers: jpegHeaders, mediaType: 'image/jpeg' }).applied.has('documented-headers'));
});

test('each violation carries the spec rules it broke and their basis: documented ones fail, assumed ones are findings', () => {
  const basis = (operationId: string, r: ResponseToJudge): string[] =>
    judgeResponse(operationId, r).violations.map((v) => `${v.kind} ${v.specRules.map((s) => s.id).join('+')} ${v.basis}`);
  // The pages' table of error codes: an unlisted code breaks a documented rule.
  assert.deepEqual(basis('getRequestStatus', json(418, { error: 'teapot' })), ['undocumented-status getRequestStatus:responses documented']);
  // Spec decision submit-status-code: no document gives the code of a successful submit or status read, so another
  // 2xx differs from an assumption — a finding for every stage, never an error; v1's 200 is documented.
  assert.deepEqual(basis('submitAsync', json(202, submitted)), ['undocumented-status submitAsync:success assumed']);
  assert.deepEqual(basis('getRequestStatus', json(202, {})), ['undocumented-status getRequestStatus:success assumed']);
  assert.deepEqual(basis('generateSync', { status: 201, headers: jpegHeaders, mediaType: 'image/jpeg' }), ['undocumented-status generateSync:success documented']);
  // That x-seed-value is sent is documented; its form is not (a lenient vendor echoes "-2").
  assert.deepEqual(basis('generateSync', { status: 200, headers: { ...jpegHeaders, 'x-seed-value': 'seven' }, mediaType: 'image/jpeg' }), ['header-invalid XSeedValue:format assumed']);
  const { 'x-seed-value': _, ...noSeed } = jpegHeaders;
  assert.deepEqual(basis('generateSync', { status: 200, headers: noSeed, mediaType: 'image/jpeg' }), ['header-missing XSeedValue:presence documented']);
  // One body breaking a documented and an assumed rule: a violation of each basis, each naming its own rules.
  const id2 = submitted.request_id;
  const completed = { status: 'COMPLETED', request_id: id2, metrics: { inference_time: 1, queue_time: 0, total_time: 1, cost: 0.002, remaining_credits: 9 } };
  const both = judgeResponse('getRequestResult', json(200, { ...completed, error: '' })).violations;
  assert.deepEqual(both.map((v) => `${v.specRules.map((s) => s.id).join('+')} ${v.basis}`).sort(), ['CompletedResult.error:type assumed', 'CompletedResult:* documented']);
  assert.ok(both.every((v) => v.kind === 'body-schema' && v.rule === 'response-schema-valid'));
  assert.match(both.find((v) => v.basis === 'assumed')!.message, /\(an assumed rule\)/);
  // The content type of an answer the documents show is documented; a body of that type that does not parse breaks it.
  assert.deepEqual(basis('getRequestResult', { status: 200, headers: {}, mediaType: 'application/json', jsonError: 'Unexpected token' }), ['body-not-json getRequestResult.200:content documented']);
});
