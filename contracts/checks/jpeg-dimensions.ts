import { readJpegFrame } from '../jpeg.ts';
import { effectiveParam, finding } from './helpers.ts';
import { generatedImages } from './images.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// Each image is a JPEG whose frame (the SOF marker, contracts/jpeg.ts) is img_width × img_height as requested.
export const jpegDimensions: CheckDefinition<'generation'> = {
  id: 'jpeg-dimensions',
  title: 'Every image is a JPEG of the requested width and height',
  family: 'outputs',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => generatedImages(subject).length > 0,
  run: (_ctx, subject) => {
    const width = Number(effectiveParam(subject.case.params, 'img_width'));
    const height = Number(effectiveParam(subject.case.params, 'img_height'));
    const out: Finding[] = [];
    for (const image of generatedImages(subject)) {
      if (!image.bytes) {
        out.push(finding(`${subject.api} ${image.label}: ${image.problem}`, `${subject.api}:unreadable`, image.exchange));
        continue;
      }
      const frame = readJpegFrame(image.bytes);
      if (typeof frame === 'string') out.push(finding(`${subject.api} ${image.label}: ${frame}`, `${subject.api}:not-jpeg`, image.exchange));
      else if (frame.width !== width || frame.height !== height) {
        out.push(finding(`${subject.api} ${image.label}: asked for ${width}×${height}, the JPEG is ${frame.width}×${frame.height}`, `${subject.api}:${width}x${height}->${frame.width}x${frame.height}`, image.exchange));
      }
    }
    return out;
  },
  sampleFailure: 'v2 image 0: asked for 768×512, the JPEG is 512×512',
};
