import { readJpegFrame } from '../jpeg.ts';
import { effectiveParameter, finding } from './helpers.ts';
import { generatedImages } from './images.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// Each image is a JPEG whose frame (the SOF marker, contracts/jpeg.ts) is img_width × img_height as the vendor applies
// them: sent, read from a string, or the documented default 512 when absent or null (core/effective-params.ts) —
// never Number(null) = 0. The size is documented (seed-scifi); that the image is a JPEG is documented only for v1's
// raw bytes (reference §1.3): a v2 or base64 image in another format breaks an assumption (spec ImageObject
// content_type), a finding.
export const jpegDimensions: CheckDefinition<'generation'> = {
  id: 'jpeg-dimensions',
  title: 'Every image is a JPEG of the requested width and height',
  family: 'outputs',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) =>
    generatedImages(subject).length > 0 && typeof effectiveParameter(subject.case.params, 'img_width').value === 'number' && typeof effectiveParameter(subject.case.params, 'img_height').value === 'number',
  run: (_ctx, subject) => {
    const width = effectiveParameter(subject.case.params, 'img_width');
    const height = effectiveParameter(subject.case.params, 'img_height');
    const rawV1 = (label: string): boolean => subject.api === 'v1' && label === 'v1 body';
    const out: Finding[] = [];
    for (const image of generatedImages(subject)) {
      if (!image.bytes) {
        out.push(finding(`${subject.api} ${image.label}: ${image.problem}`, `${subject.api}:unreadable`, image.exchange, { rules: [subject.api === 'v2' ? 'main' : 'jpeg-format'] }));
        continue;
      }
      const frame = readJpegFrame(image.bytes);
      if (typeof frame === 'string') {
        out.push(finding(`${subject.api} ${image.label}: ${frame}`, `${subject.api}:not-jpeg`, image.exchange, { rules: [rawV1(image.label) ? 'v1-jpeg' : 'jpeg-format'] }));
      } else if (frame.width !== width.value || frame.height !== height.value) {
        const asked = `${String(width.value)}×${String(height.value)}${width.from === 'sent' && height.from === 'sent' ? '' : ' (as applied: defaults for what was absent or null)'}`;
        out.push(
          finding(`${subject.api} ${image.label}: asked for ${asked}, the JPEG is ${frame.width}×${frame.height}`, `${subject.api}:${String(width.value)}x${String(height.value)}->${frame.width}x${frame.height}`, image.exchange, {
            rules: ['main', ...width.rules, ...height.rules],
          }),
        );
      }
    }
    return out;
  },
  sampleFailure: 'v2 image 0: asked for 768×512, the JPEG is 512×512',
  rules: {
    main: { basis: 'documented', source: 'seed-scifi', where: 'Parameters', quote: 'Width of the image. Default: 512 Allowed values : 512 768 1024' },
    'v1-jpeg': { basis: 'documented', source: 'reference', where: '§1.3 [PAGE-VEGART, AE, SDK]', quote: 'Default (base64: false): raw image bytes, Content-Type: image/jpeg' },
    'jpeg-format': { basis: 'assumed', why: 'only v1 raw bytes are documented as image/jpeg (reference §1.3); v2 and base64 images are assumed to be JPEGs too' },
  },
};
