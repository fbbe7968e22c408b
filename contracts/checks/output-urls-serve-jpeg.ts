import { isJpeg } from '../jpeg.ts';
import { completedGeneration, finding, jsonObject } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// A COMPLETED result names its images by URL (`output` and images[].url, reference §2.3: public, unguessable,
// retained 7 days). Each must answer 200 with a JPEG, and `output` must be the first image's URL.
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
      out.push(finding(`result output ${JSON.stringify(body['output'])} is not images[0].url`, 'output-not-first-image', job.result));
    }
    if (job.images.length === 0) out.push(finding('a COMPLETED result names no image URL to fetch', 'no-image-urls', job.result));
    for (const exchange of job.images) {
      const response = exchange.response;
      if (!response || response.status !== 200) out.push(finding(`GET ${exchange.request.url} → ${response?.status ?? exchange.error}`, `status-${response?.status ?? 'none'}`, exchange));
      else if (response.mediaType !== 'image/jpeg' || !isJpeg(response.bytes)) out.push(finding(`GET ${exchange.request.url} served ${response.mediaType}, not a JPEG`, 'not-jpeg', exchange));
    }
    return out;
  },
  sampleFailure: 'GET https://images.example/2c7f…/0.jpg → 404',
};
