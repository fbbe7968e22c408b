// Generated images: a deterministic procedural picture of exactly width × height, encoded as a real baseline JPEG
// by jpeg-js. Encoding costs ~50–100 ms per 512² in pure JS, so encoded bytes are cached by digest in a small LRU:
// polling loops, retries and repeated seeds never pay for an encode twice.
import jpeg from 'jpeg-js';

const JPEG_QUALITY = 70;

/** FNV-1a 32-bit over a string: a stable digest of the parameters that shape a picture. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface ImageKey {
  readonly digest: number;
  readonly seed: number;
  readonly sample: number;
  readonly width: number;
  readonly height: number;
}

/** RGBA pixels: smooth colour fields from a palette and phase drawn from the key (cheap, deterministic). */
export function renderPixels(key: ImageKey): Buffer {
  const { width, height } = key;
  let state = fnv1a(`${key.digest}:${key.seed}:${key.sample}:${width}x${height}`) || 1;
  const next = (): number => {
    // xorshift32: deterministic per key, independent of the core's RNG stream
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const base = [next() * 255, next() * 255, next() * 255];
  const amp = [40 + next() * 80, 40 + next() * 80, 40 + next() * 80];
  const fx = (1 + next() * 4) * ((2 * Math.PI) / width);
  const fy = (1 + next() * 4) * ((2 * Math.PI) / height);
  const phase = next() * 2 * Math.PI;
  const cols = new Float64Array(width);
  const rows = new Float64Array(height);
  for (let x = 0; x < width; x++) cols[x] = Math.sin(x * fx + phase);
  for (let y = 0; y < height; y++) rows[y] = Math.cos(y * fy - phase);
  const data = Buffer.allocUnsafe(width * height * 4);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const r = rows[y]!;
    for (let x = 0; x < width; x++) {
      const c = cols[x]!;
      const v1 = c * r;
      const v2 = c + r;
      data[o] = clamp(base[0]! + amp[0]! * v1);
      data[o + 1] = clamp(base[1]! + amp[1]! * 0.5 * v2);
      data[o + 2] = clamp(base[2]! - amp[2]! * v1);
      data[o + 3] = 255;
      o += 4;
    }
  }
  return data;
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v | 0;
}

export class JpegCache {
  readonly #capacity: number;
  readonly #entries = new Map<string, Buffer>();
  hits = 0;
  misses = 0;
  constructor(capacity = 32) {
    this.#capacity = capacity;
  }
  get(key: ImageKey): Buffer {
    const id = `${key.digest}:${key.seed}:${key.sample}:${key.width}x${key.height}`;
    const cached = this.#entries.get(id);
    if (cached) {
      this.hits++;
      this.#entries.delete(id); // re-insert: Map order is the LRU order
      this.#entries.set(id, cached);
      return cached;
    }
    this.misses++;
    const encoded = jpeg.encode({ data: renderPixels(key), width: key.width, height: key.height }, JPEG_QUALITY).data;
    const bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    this.#entries.set(id, bytes);
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    return bytes;
  }
  get size(): number {
    return this.#entries.size;
  }
}
