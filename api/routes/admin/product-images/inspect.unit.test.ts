import sharp from 'sharp';
import { imageDimensions, sniffImageType } from './inspect';

const base = () => sharp({ create: { width: 30, height: 20, channels: 3, background: '#123456' } });

describe('sniffImageType', () => {
  test('recognises PNG, JPEG and WebP by their first bytes', async () => {
    expect(sniffImageType(await base().png().toBuffer())).toBe('image/png');
    expect(sniffImageType(await base().jpeg().toBuffer())).toBe('image/jpeg');
    expect(sniffImageType(await base().webp().toBuffer())).toBe('image/webp');
  });

  test('refuses scripts, HTML, SVG, GIF and empty files', async () => {
    for (const text of ['#!/bin/sh\necho hi\n', '<html><script>alert(1)</script>', '<svg xmlns="…"/>', '']) {
      expect(sniffImageType(Buffer.from(text))).toBeNull();
    }
    expect(sniffImageType(await base().gif().toBuffer())).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
  });
});

describe('imageDimensions', () => {
  test('reads the size of an image of the expected type', async () => {
    expect(await imageDimensions(await base().png().toBuffer(), 'image/png')).toEqual({
      width: 30,
      height: 20,
    });
  });

  test('swaps the sides of an image EXIF rotates a quarter turn', async () => {
    const rotated = await base().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await imageDimensions(rotated, 'image/jpeg')).toEqual({ width: 20, height: 30 });
  });

  test('null for another format than expected, or for garbage behind a valid signature', async () => {
    expect(await imageDimensions(await base().jpeg().toBuffer(), 'image/png')).toBeNull();
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(40),
    ]);
    expect(await imageDimensions(fake, 'image/png')).toBeNull();
  });
});
