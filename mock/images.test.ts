// The picture cache: warming encodes every picture of a size up front, so no later read of that size encodes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JpegCache, VARIANTS } from './images.ts';

test('warm(512, 512) encodes each of the VARIANTS pictures once; reads of that size then never encode', () => {
  const cache = new JpegCache(32);
  cache.warm(512, 512);
  assert.equal(cache.misses, VARIANTS);
  assert.equal(cache.size, VARIANTS);
  for (let seed = 0; seed < 200; seed++) {
    const key = { digest: seed * 7919, seed, sample: seed % 4, width: 512, height: 512 };
    assert.equal(cache.get(key).length, cache.byteLength(key));
  }
  assert.equal(cache.misses, VARIANTS, 'a read after warming encoded a picture');
  cache.get({ digest: 1, seed: 1, sample: 0, width: 768, height: 512 });
  assert.equal(cache.misses, VARIANTS + 1, 'another size is encoded on first read');
});
