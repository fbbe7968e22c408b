import { completedGeneration, effectiveParam, finding, jsonObject } from './helpers.ts';
import type { CheckDefinition } from '../types.ts';

// `samples` images were asked for, `samples` must come back: v2 images[] has one entry per sample (reference §2.3),
// v1 base64's images[] likewise (spec conflict base64-response). v1 raw bytes carry one image by decision
// (conflict v1-multiple-samples), so it is not judged here.
export const imageCountMatchesSamples: CheckDefinition<'generation'> = {
  id: 'image-count-matches-samples',
  title: 'The number of images equals samples',
  family: 'outputs',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => {
    if (!completedGeneration(subject)) return false;
    if (subject.api === 'v2') return true;
    return jsonObject(subject.first) !== undefined && Array.isArray(jsonObject(subject.first)!['images']);
  },
  run: (_ctx, subject) => {
    const samples = Number(effectiveParam(subject.case.params, 'samples'));
    const body = subject.api === 'v2' ? jsonObject(subject.job!.result) : jsonObject(subject.first);
    const images = body?.['images'];
    const count = Array.isArray(images) ? images.length : 0;
    if (count === samples) return undefined;
    return finding(`${subject.api}: asked for ${samples} samples, got ${count} images`, `${subject.api}:${samples}->${count}`, subject.api === 'v2' ? subject.job!.result : subject.first);
  },
  sampleFailure: 'v2: asked for 4 samples, got 1 images',
};
