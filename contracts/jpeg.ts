// Reads a JPEG's frame header without decoding it: the dimensions are in the first SOFn marker segment
// (ITU-T T.81 §B.2.2: FF Cn, length, precision, height, width). Cheaper than decoding and it needs no library.

export interface JpegFrame {
  readonly width: number;
  readonly height: number;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the FFCx range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The frame size, or a reason it could not be read. */
export function readJpegFrame(bytes: Uint8Array): JpegFrame | string {
  if (!isJpeg(bytes)) return 'not a JPEG (no SOI marker FF D8)';
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return `corrupt marker at byte ${offset}`;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'no SOF marker before the image data';
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return 'truncated SOF segment';
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      return { width, height };
    }
    offset += 2 + length;
  }
  return 'no SOF marker';
}
