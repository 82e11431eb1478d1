import { MAX_INPUT_PIXELS } from '@market/activities/image-keys';
import type { ImageContentType } from './schema';

/**
 * What the file really is, from its first bytes: the Content-Type a client sends is only a claim. A script renamed
 * `.png` and uploaded as image/png starts with `#!`, not with the PNG signature, and is refused.
 */
export function sniffImageType(bytes: Buffer): ImageContentType | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF <4-byte size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

const SHARP_FORMATS: Record<ImageContentType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The dimensions of a decodable image of the expected type, or null when sharp cannot read it as one. */
export async function imageDimensions(
  body: Buffer,
  type: ImageContentType,
): Promise<{ width: number; height: number } | null> {
  try {
    // Loaded on the first upload: the web process serves the catalog without the image library.
    const { default: sharp } = await import('sharp');
    const meta = await sharp(body, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (meta.format !== SHARP_FORMATS[type] || !meta.width || !meta.height) return null;
    if (meta.width * meta.height > MAX_INPUT_PIXELS) return null;
    // EXIF orientations 5–8 turn the picture a quarter: the page lays it out with the sides swapped.
    const turned = (meta.orientation ?? 1) >= 5;
    return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch {
    return null;
  }
}
