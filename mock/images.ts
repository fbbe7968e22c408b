// Generated images: a deterministic procedural picture of exactly width × height, encoded as a real baseline JPEG
// by jpeg-js. Encoding costs ~80–130 ms per picture in pure JS (512² to 1024²), far too much to pay for each job: a v2
// result names every image's `file_size` (reference §2.3), so the size must be known when the result is read, and a
// load run reads thousands. So a picture is one of VARIANTS per size, drawn from the key and encoded once (kept in a
// small LRU), and every served image is that picture with a comment segment naming its own key (`infercheck-mock:`
// and 16 hex digits: a fixed length) right after the start marker: each key still gets its own bytes, the same key
// the same bytes (same seed, same image), and an image's size is the picture's plus a constant — known without
// building it.
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

/** Pictures per size: enough that neighbouring seeds look different, few enough that a run encodes a handful. */
export const VARIANTS = 8;
const TAG_PREFIX = 'infercheck-mock:';
/** The comment segment: marker (2), length (2), prefix and 16 hex digits. */
const TAG_BYTES = 4 + TAG_PREFIX.length + 16;

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** The comment segment (JPEG COM, 0xFFFE) that makes an image's bytes its key's own. */
function tagSegment(key: ImageKey): Buffer {
  const id = `${key.digest}:${key.seed}:${key.sample}:${key.width}x${key.height}`;
  const payload = Buffer.from(`${TAG_PREFIX}${hex8(fnv1a(id))}${hex8(fnv1a(`${id}:b`))}`, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xfe, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]), payload]);
}

export class JpegCache {
  readonly #capacity: number;
  readonly #pictures = new Map<string, Buffer>();
  hits = 0;
  misses = 0;
  constructor(capacity = 32) {
    this.#capacity = capacity;
  }

  /** The picture a key shows: one of VARIANTS per size, encoded once. */
  #picture(key: ImageKey): Buffer {
    return this.#variant(fnv1a(`${key.digest}:${key.seed}:${key.sample}`) % VARIANTS, key.width, key.height);
  }

  /** One variant's picture at one size: from the LRU, or encoded now and kept. */
  #variant(variant: number, width: number, height: number): Buffer {
    const id = `${variant}:${width}x${height}`;
    const cached = this.#pictures.get(id);
    if (cached) {
      this.hits++;
      this.#pictures.delete(id); // re-insert: Map order is the LRU order
      this.#pictures.set(id, cached);
      return cached;
    }
    this.misses++;
    const pixels = renderPixels({ digest: variant, seed: 0, sample: 0, width, height });
    const encoded = jpeg.encode({ data: pixels, width, height }, JPEG_QUALITY).data;
    const bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    this.#pictures.set(id, bytes);
    while (this.#pictures.size > this.#capacity) {
      const oldest = this.#pictures.keys().next();
      if (oldest.done) break;
      this.#pictures.delete(oldest.value);
    }
    return bytes;
  }

  /** The image's bytes: the picture with the key's comment after the start-of-image marker. */
  get(key: ImageKey): Buffer {
    const picture = this.#picture(key);
    return Buffer.concat([picture.subarray(0, 2), tagSegment(key), picture.subarray(2)]);
  }

  /** The image's size in bytes, exactly what `get` serves (a result's `file_size`). */
  byteLength(key: ImageKey): number {
    return this.#picture(key).length + TAG_BYTES;
  }

  /**
   * Encodes every picture of one size now (VARIANTS × ~100 ms of pure JS at 512²): a server that warms before it
   * listens never stalls its first results for a second while it encodes them, which would make the first seconds of
   * any load test against it arrive late and wait longer than the rest.
   */
  warm(width: number, height: number): void {
    for (let variant = 0; variant < VARIANTS; variant++) this.#variant(variant, width, height);
  }

  /** Encoded pictures held. */
  get size(): number {
    return this.#pictures.size;
  }
}
