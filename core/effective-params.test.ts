// What a request asks for as the vendor applies it: absent or null is the documented default (never Number(null) = 0),
// "4" is 4, and each reading says which rules it rests on — a default is documented, null as absent and "4" as 4 are
// the spec's assumptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveParameter, effectiveParameters, readAs } from './effective-params.ts';

const ids = (rules: readonly { id: string; basis: string }[]): string[] => rules.map((r) => `${r.id} ${r.basis}`);

test('absent and null read as the documented default; null only by an assumption', () => {
  assert.deepEqual(effectiveParameter({ prompt: 'x' }, 'samples'), { value: 1, from: 'default', rules: effectiveParameter(undefined, 'samples').rules });
  assert.deepEqual(ids(effectiveParameter({ prompt: 'x' }, 'img_width').rules), ['Txt2ImgRequest.img_width:default documented']);
  const nulled = effectiveParameter({ prompt: 'x', samples: null }, 'samples');
  assert.equal(nulled.value, 1, 'null is the default, not Number(null) = 0');
  assert.deepEqual(ids(nulled.rules), ['Txt2ImgRequest:null assumed', 'Txt2ImgRequest.samples:default documented']);
  assert.equal(effectiveParameter({ prompt: 'x' }, 'negative_prompt').value, undefined, 'no default: nothing is asked');
});

test('a value of the spec\'s type is taken as sent; its string form is read by an assumption; anything else is unreadable', () => {
  assert.deepEqual(effectiveParameter({ samples: 3 }, 'samples'), { value: 3, from: 'sent', rules: [] });
  const read = effectiveParameter({ samples: '4' }, 'samples');
  assert.deepEqual([read.value, read.from, ids(read.rules)], [4, 'read', ['Txt2ImgRequest:strings assumed']]);
  assert.equal(effectiveParameter({ guidance_scale: '7.5' }, 'guidance_scale').value, 7.5);
  assert.equal(effectiveParameter({ base64: 'true' }, 'base64').value, true);
  assert.deepEqual(effectiveParameter({ samples: [1] }, 'samples'), { value: undefined, from: 'unreadable', rules: [] });
  assert.deepEqual(effectiveParameter({ samples: 'two' }, 'samples').from, 'unreadable');
  assert.deepEqual(effectiveParameter({ samples: 1.5 }, 'samples').from, 'unreadable');
});

test('readAs reads a form field as its parameter\'s type, and leaves the rest as text', () => {
  assert.deepEqual(
    ['20', ' 7 ', '1e3', 'x'].map((t) => readAs('num_inference_steps', t)),
    [20, 7, '1e3', 'x'],
  );
  assert.deepEqual(['7.5', '.5', '1e1', 'NaN'].map((t) => readAs('guidance_scale', t)), [7.5, 0.5, 10, 'NaN']);
  assert.deepEqual(['True', 'false', 'FALSE', 'yes'].map((t) => readAs('base64', t)), [true, false, false, 'yes']);
  assert.equal(readAs('prompt', '42'), '42', 'a string parameter stays a string');
  assert.equal(readAs('interval', '4'), '4', 'a parameter the spec does not know stays as sent');
  assert.equal(readAs('seed', '9007199254740993'), '9007199254740993', 'beyond the exact integers: not read');
});

test('effectiveParameters completes a body with the spec\'s defaults', () => {
  assert.deepEqual(effectiveParameters({ prompt: 'x', samples: 2, seed: null }), {
    prompt: 'x',
    scheduler: 'UniPC',
    num_inference_steps: 20,
    guidance_scale: 7.5,
    samples: 2,
    seed: -1,
    img_width: 512,
    img_height: 512,
    base64: false,
  });
});
