import { isJpeg } from '../jpeg.ts';
import { completedGeneration, finding, jsonObject } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// A COMPLETED result names its images by URL (`output` and images[].url, reference §2.3: public, unguessable,
// retained 7 days). Each must answer 200 (documented) with a JPEG (assumed: only v1's bytes are documented as JPEG),
// and `output` must be the first image's URL (assumed: the docs say output is "URL to the generated image").
export const outputUrlsServeJpeg: CheckDefinition<'generation'> = {
  id: 'output-urls-serve-jpeg',
  title: "A result's output and image URLs serve JPEGs",
  family: 'outputs',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => subject.api === 'v2' && completedGeneration(subject),
  run: (_ctx, subject) => {
    const job = subject.job!;
    const body = jsonObject(job.result)!;
    const out: Finding[] = [];
    const images = Array.isArray(body['images']) ? (body['images'] as Array<Record<string, unknown>>) : [];
    if (images.length > 0 && images[0]?.['url'] !== body['output']) {
      out.push(finding(`result output ${JSON.stringify(body['output'])} is not images[0].url`, 'output-not-first-image', job.result, { rules: ['output-first'] }));
    }
    if (job.images.length === 0) out.push(finding('a COMPLETED result names no image URL to fetch', 'no-image-urls', job.result));
    for (const exchange of job.images) {
      const response = exchange.response;
      if (!response || response.status !== 200) out.push(finding(`GET ${exchange.request.url} → ${response?.status ?? exchange.error}`, `status-${response?.status ?? 'none'}`, exchange));
      else if (response.mediaType !== 'image/jpeg' || !isJpeg(response.bytes)) out.push(finding(`GET ${exchange.request.url} served ${response.mediaType}, not a JPEG`, 'not-jpeg', exchange, { rules: ['jpeg'] }));
    }
    return out;
  },
  sampleFailure: 'GET https://images.example/2c7f…/0.jpg → 404',
  rules: {
    main: { basis: 'documented', source: 'reference', where: '§2.3 [DOCS-SDK, AE]', quote: 'hosted on images.segmind.com, public, unguessable, retained 7 days' },
    'output-first': { basis: 'assumed', source: 'reference', where: '§2.3 [DOCS-SDK]', quote: 'URL to the generated image', why: 'with several images, that output is the first one is inferred' },
    jpeg: { basis: 'assumed', why: 'only v1 raw bytes are documented as image/jpeg (reference §1.3); v2 images are assumed to be JPEGs too' },
  },
};
