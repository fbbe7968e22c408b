import { test } from 'node:test';
import assert from 'node:assert/strict';
import { billableBudget, parseTarget, readApiKey, UsageError } from './target.ts';
import { REDACTED, redactDeep, redactHeaders, redactText } from './redact.ts';

test('targets: mock, live, and URLs (an SDK-style /v1 base is accepted)', () => {
  assert.deepEqual(parseTarget('mock'), { kind: 'mock' });
  assert.deepEqual(parseTarget('live'), { kind: 'live', baseUrl: 'https://api.segmind.com', apiKeyEnv: 'SEGMIND_API_KEY' });
  assert.deepEqual(parseTarget('http://127.0.0.1:8080/v1/', 'MY_KEY'), { kind: 'url', baseUrl: 'http://127.0.0.1:8080', apiKeyEnv: 'MY_KEY' });
  for (const bad of ['ftp://x', 'nonsense', 'http://user:pw@127.0.0.1/']) {
    assert.throws(() => parseTarget(bad), UsageError, bad);
  }
});

test('a billable target needs an explicit budget; the mock does not', () => {
  assert.equal(billableBudget(parseTarget('mock'), undefined), Number.POSITIVE_INFINITY);
  assert.throws(() => billableBudget(parseTarget('live'), undefined), /--max-billable/);
  assert.equal(billableBudget(parseTarget('live'), 0), 0);
  assert.equal(billableBudget(parseTarget('http://127.0.0.1:1'), 3), 3);
  assert.throws(() => billableBudget(parseTarget('live'), -1), UsageError);
  assert.throws(() => billableBudget(parseTarget('live'), 1.5), UsageError);
});

test('the key is read from the named variable and an empty one is a usage error that does not echo anything', () => {
  const target = parseTarget('live');
  if (target.kind === 'mock') throw new Error('unreachable');
  assert.equal(readApiKey(target, { SEGMIND_API_KEY: 'SG_abcdef0123456789' }), 'SG_abcdef0123456789');
  assert.throws(() => readApiKey(target, {}), /\$SEGMIND_API_KEY/);
  // a key from a file (a Kubernetes Secret made with --from-file) ends in a newline no header may carry
  assert.equal(readApiKey(target, { SEGMIND_API_KEY: 'SG_abcdef0123456789\n' }), 'SG_abcdef0123456789');
  assert.throws(() => readApiKey(target, { SEGMIND_API_KEY: ' \n' }), /\$SEGMIND_API_KEY, which is empty/);
});

test('redaction removes keys from headers, strings and nested records', () => {
  assert.deepEqual(redactHeaders({ 'X-Api-Key': 'SG_abcdef0123456789', accept: 'image/jpeg' }), { 'X-Api-Key': REDACTED, accept: 'image/jpeg' });
  assert.equal(redactText('curl -H "x-api-key: SG_abcdef0123456789"'), `curl -H "x-api-key: ${REDACTED}"`);
  assert.equal(redactText('token=custom-secret-value', ['custom-secret-value']), `token=${REDACTED}`);
  const deep = redactDeep({ request: { headers: { authorization: 'Bearer x' }, body: { note: 'sg_0123456789abcdef' } } });
  assert.deepEqual(deep, { request: { headers: { authorization: REDACTED }, body: { note: REDACTED } } });
});
