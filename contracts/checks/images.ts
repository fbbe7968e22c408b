// Where a generation's images are: v1's raw bytes, v1's base64 JSON (image + images[]), or v2's downloaded URLs.
import { completedGeneration, decodeBase64, jsonObject, type Generation } from './helpers.ts';
import type { Exchange } from '../types.ts';

export interface GeneratedImage {
  readonly label: string;
  readonly bytes?: Uint8Array;
  readonly problem?: string;
  readonly exchange: Exchange;
}

export function generatedImages(subject: Generation): GeneratedImage[] {
  if (!completedGeneration(subject)) return [];
  if (subject.api === 'v1') {
    const exchange = subject.first;
    const response = exchange.response!;
    if (response.mediaType.startsWith('image/')) return [{ label: 'v1 body', bytes: response.bytes, exchange }];
    const body = jsonObject(exchange);
    if (!body) return [];
    const out: GeneratedImage[] = [];
    const images = Array.isArray(body['images']) ? (body['images'] as unknown[]) : typeof body['image'] === 'string' ? [body['image']] : [];
    images.forEach((value, index) => {
      const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
      out.push(bytes ? { label: `base64 image ${index}`, bytes, exchange } : { label: `base64 image ${index}`, problem: 'not valid base64', exchange });
    });
    return out;
  }
  return (subject.job?.images ?? []).map((exchange, index) =>
    exchange.response && exchange.response.status === 200
      ? { label: `image ${index}`, bytes: exchange.response.bytes, exchange }
      : { label: `image ${index}`, problem: `download answered ${exchange.response?.status ?? exchange.error}`, exchange },
  );
}
