// The lookups that tie a judgement to the spec rule it rests on: a schema error to the keyword it broke (walking the
// spec along the instance path, a $ref's usage shadowing its component), a header to its presence or form rule, an
// enum value to its own rule — and the checks of the spec's basis entries themselves (core/spec-rules.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerRule, operationRule, parameterRule, responseRule, schemaErrorRule } from './rule-basis.ts';
import { collectSpecRules } from './spec-rules.ts';
import { specDocument } from './spec.ts';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as validators from '../spec/generated/validators.mjs';

function schemaErrorList(schema: string, body: unknown): ErrorObject[] {
  const validate = (validators as unknown as Record<string, ValidateFunction>)[`validate${schema}`]!;
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

const ID = '2c7f59ea-13f1-402c-9353-915a2b5a2124';
const URL_ = `https://api.segmind.com/v2/requests/${ID}`;

/** Every rule the generated validator's errors on `body` trace to, with its basis. */
function rulesFor(schema: string, body: unknown): string[] {
  const errors = schemaErrorList(schema, body);
  assert.ok(errors.length > 0, `${schema} accepted ${JSON.stringify(body)}`);
  return [...new Set(errors.map((e) => { const r = schemaErrorRule(schema, body, e); return `${r.id} ${r.basis}`; }))];
}

test('a schema error is traced to the rule it broke, and its basis', () => {
  const completed = { status: 'COMPLETED', request_id: ID, output: `${URL_}/0.jpg`, metrics: { inference_time: 1, queue_time: 0, total_time: 1, cost: 0.002, remaining_credits: 9 } };
  assert.deepEqual(rulesFor('SubmitResponse', { request_id: ID, status: 'QUEUED', response_url: URL_ }), ['SubmitResponse:* documented']);
  assert.deepEqual(rulesFor('SubmitResponse', { request_id: 'job-1', status: 'QUEUED', status_url: `${URL_}/status`, response_url: URL_ }), ['SubmitResponse.request_id:format documented']);
  // The result's pieces the documents never show: assumed.
  assert.deepEqual(rulesFor('ResultResponse', { ...completed, error: '' }), ['CompletedResult.error:type assumed']);
  assert.deepEqual(rulesFor('ResultResponse', { ...completed, images: [{ url: `${URL_}/0.jpg`, content_type: 'image/jpeg', file_size: -3 }] }), ['ImageObject.file_size:* assumed']);
  assert.deepEqual(rulesFor('ResultResponse', { ...completed, images: [{ url: `${URL_}/0.jpg`, content_type: 'image/png' }] }), ['ImageObject.content_type:const assumed']);
  // file_size may be a string or an integer.
  assert.deepEqual(schemaErrorList('ResultResponse', { ...completed, images: [{ url: `${URL_}/0.jpg`, content_type: 'image/jpeg', file_size: '20480' }] }), []);
  assert.deepEqual(schemaErrorList('ResultResponse', { ...completed, images: [{ url: `${URL_}/0.jpg`, content_type: 'image/jpeg', file_size: 20480 }] }), []);
  // … and the ones they do show: documented.
  const { output: _output, ...noOutput } = completed;
  assert.deepEqual(rulesFor('ResultResponse', noOutput), ['CompletedResult:* documented']);
  // Billing fields in a pending body: assumed (the usage PendingStatus.metrics shadows PartialMetrics); in a FAILED
  // body they break a documented rule.
  const pending = { status: 'PROCESSING', request_id: ID, metrics: { cost: 0.002 } };
  assert.deepEqual(rulesFor('StatusResponse', pending), ['PendingStatus.metrics:* assumed']);
  assert.deepEqual(rulesFor('FailedResponse', { status: 'FAILED', error: 'x', metrics: { cost: 0.002 } }), ['PartialMetrics:* documented']);
  // A pending body without its request_id: documented on the status endpoint (the docs' example), assumed on the
  // result endpoint, whose whole pending branch is (conflict result-before-completion).
  assert.deepEqual(rulesFor('StatusResponse', { status: 'QUEUED' }), ['PendingStatus:* documented']);
  assert.deepEqual(rulesFor('ResultResponse', { status: 'QUEUED' }), ['ResultResponse.oneOf[PendingStatus]:* assumed']);
  // An unknown status is outside the documented states, wherever it is read.
  assert.deepEqual(rulesFor('StatusResponse', { status: 'IN_QUEUE', request_id: ID }), ['StatusResponse:* documented']);
});

test('parameters, headers, answers and operations name their rules', () => {
  assert.equal(parameterRule('scheduler', 'enum', 'euler').basis, 'assumed');
  assert.equal(parameterRule('scheduler', 'enum', 'dpmpp_2m').basis, 'documented');
  assert.equal(parameterRule('scheduler', 'enum', 'Heun').id, 'Txt2ImgRequest.scheduler:enum');
  assert.equal(parameterRule('seed', 'minimum').basis, 'assumed');
  assert.equal(parameterRule('samples', 'maximum').basis, 'documented');
  assert.deepEqual([headerRule('generateSync', 200, 'x-seed-value', 'presence')?.basis, headerRule('generateSync', 200, 'x-seed-value', 'format')?.basis], ['documented', 'assumed']);
  assert.equal(headerRule('generateSync', 400, 'x-seed-value', 'presence'), undefined);
  assert.equal(responseRule('generateSync', 502, 'content')?.basis, 'assumed');
  assert.equal(responseRule('generateSync', 400, 'content')?.basis, 'documented');
  assert.equal(responseRule('generateSync', 418, 'content'), undefined);
  assert.deepEqual([operationRule('submitAsync', 'success').basis, operationRule('generateSync', 'success').basis, operationRule('getRequestStatus', 'responses').basis], ['assumed', 'documented', 'documented']);
});

test('the spec\'s basis entries are checked: a documented rule quotes its source, an assumed one says why, every request constraint has one', () => {
  const spec = structuredClone(specDocument()) as unknown as Record<string, any>;
  assert.ok(collectSpecRules(spec).length > 100);
  const seed = (s: Record<string, any>): Record<string, any> => s['components'].schemas.Txt2ImgRequest.properties.seed['x-infercheck-basis'];
  const broken = (edit: (s: Record<string, any>) => void, problem: RegExp): void => {
    const copy = structuredClone(spec);
    edit(copy);
    assert.throws(() => collectSpecRules(copy), problem);
  };
  broken((s) => delete seed(s)['minimum'].why, /Txt2ImgRequest\.seed:minimum: an assumed rule says why/);
  broken((s) => delete seed(s)['default'].quote, /Txt2ImgRequest\.seed:default: a documented rule names its source and quotes it/);
  broken((s) => (seed(s)['default'].source = 'a-blog'), /unknown source "a-blog"/);
  broken((s) => delete seed(s)['maximum'], /Txt2ImgRequest\.seed:maximum: each constraint of a request parameter rests on its own entry/);
  broken((s) => (seed(s)['*'] = { basis: 'documented', source: 'seed-scifi', quote: 'seed' }), /not \*/);
  broken((s) => delete s['components'].responses.BadGateway['x-infercheck-basis'].content, /BadGateway:content/);
  broken((s) => delete s['components'].schemas.ImageObject['x-infercheck-basis'], /ImageObject: every component schema says what it rests on/);
  broken((s) => (s['components'].schemas.Txt2ImgRequest.properties.scheduler['x-infercheck-basis'].enum.values.turbo = { basis: 'assumed', why: 'x' }), /values names turbo, which the enum does not list/);
});
