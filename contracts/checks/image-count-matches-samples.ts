import { completedGeneration, effectiveParameter, finding, jsonObject } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// `samples` images were asked for, `samples` must come back: v2 images[] has one entry per sample (reference §2.3),
// v1 base64's images[] likewise (spec conflict base64-response: assumed). v1 raw bytes carry one image by decision
// (conflict v1-multiple-samples), so it is not judged here. What was asked is what the vendor applies: samples
// absent or null is the default 1 (core/effective-params.ts), never Number(null) = 0.
export const imageCountMatchesSamples: CheckDefinition<'generation'> = {
  id: 'image-count-matches-samples',
  title: 'The number of images equals samples',
  family: 'outputs',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => {
    if (!completedGeneration(subject) || typeof effectiveParameter(subject.case.params, 'samples').value !== 'number') return false;
    if (subject.api === 'v2') return true;
    return jsonObject(subject.first) !== undefined && Array.isArray(jsonObject(subject.first)!['images']);
  },
  run: (_ctx, subject) => {
    const asked = effectiveParameter(subject.case.params, 'samples');
    const samples = asked.value as number;
    const body = subject.api === 'v2' ? jsonObject(subject.job!.result) : jsonObject(subject.first);
    const images = body?.['images'];
    const count = Array.isArray(images) ? images.length : 0;
    if (count === samples) return undefined;
    return finding(`${subject.api}: asked for ${samples} samples${asked.from === 'sent' ? '' : ` (${asked.from === 'read' ? 'read from a string' : 'the default'})`}, got ${count} images`, `${subject.api}:${samples}->${count}`, subject.api === 'v2' ? subject.job!.result : subject.first, {
      rules: [subject.api === 'v2' ? 'main' : 'base64-images', ...asked.rules],
    });
  },
  sampleFailure: 'v2: asked for 4 samples, got 1 images',
  rules: {
    main: { basis: 'documented', source: 'reference', where: '§2.3 [AE]', quote: 'images[] of media objects {url, content_type, file_name, file_size}', why: 'with seed-scifi "samples: Number of samples to generate": one image per sample' },
    'base64-images': { basis: 'assumed', source: 'reference', where: '§1.3', quote: 'With samples > 1 the shape (string vs array) is unknown', why: 'v1 base64 images[] is the spec\'s decision (conflict base64-response)' },
  },
};
