import { isJpeg } from '../jpeg.ts';
import { decodeBase64, describe, effectiveValue, finding, isSuccess, jsonObject } from './helpers.ts';
import type { CheckDefinition, Finding } from '../types.ts';

// v1 with base64 true answers JSON {"image": <base64 JPEG>, "status": "Success"} (spec conflict base64-response,
// assumed from third-party clients, reference §1.3): the payload must decode to a JPEG, and `images` (when sent)
// must start with the same image. Only one thing here is documented: base64 true asks for the image base64-encoded
// (seed-scifi), so raw image bytes break a documented rule; the JSON's shape is an assumption, a finding.
export const base64ModeContent: CheckDefinition<'generation'> = {
  id: 'base64-mode-content',
  title: 'base64 mode answers JSON whose image decodes to a JPEG',
  family: 'outputs',
  severity: 'major',
  subject: 'generation',
  needs: ['billable'],
  applies: (_ctx, subject) => subject.api === 'v1' && effectiveValue(subject.case.params, 'base64') === true && isSuccess(subject.first),
  run: (_ctx, subject) => {
    const exchange = subject.first;
    const response = exchange.response!;
    if (response.mediaType !== 'application/json') {
      return finding(`${describe(exchange)}: base64 true answered ${response.mediaType || '(no Content-Type)'}, not application/json`, 'not-json', exchange, {
        rules: [response.mediaType.startsWith('image/') ? 'encoded' : 'main'],
      });
    }
    const body = jsonObject(exchange);
    const out: Finding[] = [];
    const image = body?.['image'];
    const decoded = typeof image === 'string' ? decodeBase64(image) : undefined;
    if (!decoded) out.push(finding(`${describe(exchange)}: "image" is not a base64 string`, 'image-not-base64', exchange));
    else if (!isJpeg(decoded)) out.push(finding(`${describe(exchange)}: "image" decodes to ${decoded.length} bytes that are not a JPEG`, 'image-not-jpeg', exchange));
    if (body?.['status'] !== 'Success') out.push(finding(`${describe(exchange)}: "status" is ${JSON.stringify(body?.['status'])}, not "Success"`, 'status', exchange));
    const images = body?.['images'];
    if (Array.isArray(images)) {
      images.forEach((value, index) => {
        const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
        if (!bytes || !isJpeg(bytes)) out.push(finding(`${describe(exchange)}: images[${index}] is not a base64 JPEG`, 'images-not-jpeg', exchange));
      });
      if (typeof image === 'string' && images[0] !== image) out.push(finding(`${describe(exchange)}: images[0] differs from image`, 'first-differs', exchange));
    }
    return out;
  },
  sampleFailure: 'POST /v1/sd1.5-scifi → 200: base64 true answered image/jpeg, not application/json',
  rules: {
    main: { basis: 'assumed', source: 'reference', where: '§1.3', quote: 'field name image. Not documented in any source found', why: 'only third-party clients show the shape (conflict base64-response)' },
    encoded: { basis: 'documented', source: 'seed-scifi', where: 'Parameters', quote: 'Base64 encoding of the output image.' },
  },
};
