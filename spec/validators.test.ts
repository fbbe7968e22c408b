// The generated validators judge requests the way the vendor's pages say, at every bound; the one conformance judge
// (core/conformance.ts) that every stage uses runs these same validators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodeCopy from './generated/validators.mjs';
import { requestExamples } from '../core/spec.ts';
import { validatorFor } from '../core/conformance.ts';

const base = { prompt: 'a lighthouse at dusk' };

/** [name, body, valid?] — each bound of the pages' parameter table, and the value just outside it. */
const REQUEST_CASES: ReadonlyArray<readonly [string, Record<string, unknown>, boolean]> = [
  ['minimal', base, true],
  ['guidance_scale 0.1 (min)', { ...base, guidance_scale: 0.1 }, true],
  ['guidance_scale 25 (max)', { ...base, guidance_scale: 25 }, true],
  ['guidance_scale 0.09', { ...base, guidance_scale: 0.09 }, false],
  ['guidance_scale 25.01', { ...base, guidance_scale: 25.01 }, false],
  ['guidance_scale "7.5" (string)', { ...base, guidance_scale: '7.5' }, false],
  ['num_inference_steps 20 (min)', { ...base, num_inference_steps: 20 }, true],
  ['num_inference_steps 100 (max)', { ...base, num_inference_steps: 100 }, true],
  ['num_inference_steps 19', { ...base, num_inference_steps: 19 }, false],
  ['num_inference_steps 101', { ...base, num_inference_steps: 101 }, false],
  ['num_inference_steps 20.5', { ...base, num_inference_steps: 20.5 }, false],
  ['samples 1 (min)', { ...base, samples: 1 }, true],
  ['samples 4 (max)', { ...base, samples: 4 }, true],
  ['samples 0', { ...base, samples: 0 }, false],
  ['samples 5', { ...base, samples: 5 }, false],
  ['img_width 512', { ...base, img_width: 512 }, true],
  ['img_width 768', { ...base, img_width: 768 }, true],
  ['img_width 1024', { ...base, img_width: 1024 }, true],
  ['img_width 600', { ...base, img_width: 600 }, false],
  ['img_height 1025', { ...base, img_height: 1025 }, false],
  ['scheduler UniPC', { ...base, scheduler: 'UniPC' }, true],
  ['scheduler DPM2 a Karras', { ...base, scheduler: 'DPM2 a Karras' }, true],
  ['scheduler dpmpp_2m (page example)', { ...base, scheduler: 'dpmpp_2m' }, true],
  ['scheduler not in the list', { ...base, scheduler: 'karras_turbo' }, false],
  ['scheduler wrong case', { ...base, scheduler: 'unipc' }, false],
  ['seed -1', { ...base, seed: -1 }, true],
  ['seed 516797155652 (page example, > 2^32)', { ...base, seed: 516797155652 }, true],
  ['seed -2', { ...base, seed: -2 }, false],
  ['base64 true', { ...base, base64: true }, true],
  ['base64 "true" (string)', { ...base, base64: 'true' }, false],
  ['missing prompt', { negative_prompt: 'blurry' }, false],
  ['empty prompt', { prompt: '' }, false],
  ['prompt not a string', { prompt: 42 }, false],
  ['unknown field forwarded by the SDK', { ...base, interval: 4 }, true],
];

test('each seed page example payload is valid', () => {
  const examples = requestExamples();
  assert.deepEqual(Object.keys(examples).sort(), ['sd1.5-epicrealism', 'sd1.5-scifi']);
  for (const [name, body] of Object.entries(examples)) {
    assert.equal(nodeCopy.validateTxt2ImgRequest(body), true, `${name}: ${JSON.stringify(nodeCopy.validateTxt2ImgRequest.errors)}`);
  }
});

test('the request validator accepts each bound and rejects the value just outside it', () => {
  for (const [name, body, valid] of REQUEST_CASES) {
    assert.equal(nodeCopy.validateTxt2ImgRequest(body), valid, name);
    if (!valid) {
      const errors = nodeCopy.validateTxt2ImgRequest.errors ?? [];
      assert.ok(errors.length > 0, `${name}: rejected without an error`);
    }
  }
});

test('a rejection names the failing parameter', () => {
  assert.equal(nodeCopy.validateTxt2ImgRequest({ ...base, samples: 5 }), false);
  assert.equal(nodeCopy.validateTxt2ImgRequest.errors?.[0]?.instancePath, '/samples');
  assert.equal(nodeCopy.validateTxt2ImgRequest({ negative_prompt: 'x' }), false);
  assert.deepEqual(nodeCopy.validateTxt2ImgRequest.errors?.[0]?.params, { missingProperty: 'prompt' });
});

const RESPONSE_CASES: ReadonlyArray<readonly [keyof typeof nodeCopy, unknown, boolean]> = [
  ['validateSubmitResponse', { request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', status: 'QUEUED', status_url: 'http://127.0.0.1:1/v2/requests/2c7f59ea-13f1-402c-9353-915a2b5a2124/status', response_url: 'http://127.0.0.1:1/v2/requests/2c7f59ea-13f1-402c-9353-915a2b5a2124' }, true],
  ['validateSubmitResponse', { request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', status: 'QUEUED', status_url: '/v2/requests/x/status', response_url: 'relative' }, false],
  ['validateSubmitResponse', { request_id: 'not-a-uuid', status: 'QUEUED', status_url: 'http://a/b', response_url: 'http://a/c' }, false],
  ['validateSubmitResponse', { request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', status: 'PROCESSING', status_url: 'http://a/b', response_url: 'http://a/c' }, false],
  ['validateStatusResponse', { status: 'QUEUED', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', metrics: {} }, true],
  ['validateStatusResponse', { status: 'COMPLETED', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', metrics: { inference_time: 13.06 } }, true],
  ['validateStatusResponse', { status: 'COMPLETED', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124' }, false],
  ['validateStatusResponse', { status: 'FAILED', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', error: 'x' }, false],
  ['validateStatusResponse', { status: 'DONE', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124' }, false],
  ['validateStatusResponse', { status: 'PROCESSING', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', metrics: { cost: 0.01 } }, false],
  ['validateFailedResponse', { status: 'FAILED', error: 'Prompt is Mandatory and must be string', metrics: { inference_time: 0.007, queue_time: 0.23, total_time: 0.24 } }, true],
  ['validateFailedResponse', { status: 'FAILED', error: 'blocked', metrics: { inference_time: 0.1, cost: 0.002 } }, false],
  ['validateFailedResponse', { status: 'FAILED' }, false],
  ['validateResultResponse', { status: 'COMPLETED', error: null, output: 'http://127.0.0.1:1/images/a/0.jpg', images: [{ url: 'http://127.0.0.1:1/images/a/0.jpg', content_type: 'image/jpeg', file_name: '0.jpg', file_size: 1234 }], metrics: { inference_time: 1.2, queue_time: 0.3, total_time: 1.5, cost: 0.002, remaining_credits: 9.998 } }, true],
  ['validateResultResponse', { status: 'COMPLETED', output: 'http://127.0.0.1:1/images/a/0.jpg', metrics: { inference_time: 1.2 } }, false],
  ['validateResultResponse', { status: 'PROCESSING', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124', metrics: {} }, true],
  ['validateResultResponse', { status: 'COMPLETED', output: 'http://a/0.jpg', images: [], metrics: { inference_time: 1, queue_time: 0, total_time: 1, cost: 0, remaining_credits: 1 } }, false],
  ['validateErrorResponse', { error: 'Missing Authorization or x-api-key in header' }, true],
  ['validateErrorResponse', { message: 'not the envelope' }, false],
  ['validateErrorResponse', { error: '' }, false],
  ['validateBase64ImageResponse', { image: '/9j/4AAQ', status: 'Success' }, true],
  ['validateBase64ImageResponse', { image: '/9j/4AAQ' }, false],
];

test('the response validators accept the documented shapes and reject the broken ones', () => {
  for (const [name, body, valid] of RESPONSE_CASES) {
    const validate = nodeCopy[name] as (data: unknown) => boolean;
    assert.equal(validate(body), valid, `${name} ${JSON.stringify(body)}`);
  }
});

test('a job body with a known status is judged by that status\'s branch alone', () => {
  const completedWithoutMetrics = { status: 'COMPLETED', request_id: '2c7f59ea-13f1-402c-9353-915a2b5a2124' };
  assert.equal(nodeCopy.validateStatusResponse(completedWithoutMetrics), false);
  assert.deepEqual(
    nodeCopy.validateStatusResponse.errors?.map((e) => e.message),
    ["must have required property 'metrics'"],
  );
});

const ALL_CASES = [
  ...REQUEST_CASES.map(([, body]) => ['validateTxt2ImgRequest', body] as const),
  ...RESPONSE_CASES.map(([name, body]) => [name, body] as const),
];

test('the conformance judge runs these very validators, for every schema the cases name', () => {
  for (const [name] of ALL_CASES) assert.equal(validatorFor(name.replace(/^validate/, '')), nodeCopy[name as keyof typeof nodeCopy], name);
});
