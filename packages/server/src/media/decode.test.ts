import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MediaError, hammingDistance, parseNetpbm, pdqHash, type PixelImage } from '@centinela/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngHeaderClaiming } from '../test/images.js';
import { decodeImage, jpegDecoder, type DecodeOptions } from './decode.js';
import { hashImageFile } from './hashImageFile.js';

const FIXTURES = fileURLToPath(new URL('../../../core/test-fixtures/pdq/synthetic/', import.meta.url));
const load = (file: string): PixelImage => parseNetpbm(readFileSync(FIXTURES + file));

// composite-512x384: photo-like content with quality 100 (expected.csv); reference hashes come from there.
const rgb = load('composite-512x384.ppm');
const grey = load('gray1ch-composite-200x150.pgm');
const expectedCsv = readFileSync(FIXTURES + 'expected.csv', 'utf8');
function expectedHash(stem: string): string {
  const row = expectedCsv.split('\n').find((line) => line.startsWith(`${stem},`));
  if (!row) throw new Error(`${stem} not in expected.csv`);
  return row.split(',')[3] ?? '';
}

const encode = (image: PixelImage): sharp.Sharp =>
  sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: image.channels } });

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
}

async function decodeHash(bytes: Uint8Array, options?: DecodeOptions): Promise<string> {
  return pdqHash(await decodeImage(bytes, options)).hash;
}

describe('decodeImage', () => {
  it('decodes lossless PNG, WebP and TIFF to the exact pixels (so the exact reference hash)', async () => {
    const want = expectedHash('composite-512x384');
    for (const bytes of [
      await encode(rgb).png().toBuffer(),
      await encode(rgb).webp({ lossless: true }).toBuffer(),
      await encode(rgb).tiff({ compression: 'lzw' }).toBuffer(),
    ]) {
      const decoded = await decodeImage(bytes);
      expect([decoded.width, decoded.height, decoded.channels]).toEqual([512, 384, 3]);
      expect(Buffer.from(decoded.data).equals(Buffer.from(rgb.data))).toBe(true);
      expect(pdqHash(decoded).hash).toBe(want);
    }
  });

  it('keeps greyscale as one channel, hashed exactly like the reference grey path', async () => {
    const decoded = await decodeImage(await encode(grey).toColourspace('b-w').png().toBuffer());
    expect(decoded.channels).toBe(1);
    expect(pdqHash(decoded).hash).toBe(expectedHash('gray1ch-composite-200x150'));
  });

  it('handles JPEG, GIF (palette), AVIF (HEIF) and CMYK within small distances', async () => {
    const want = expectedHash('composite-512x384');
    const jpeg = await encode(rgb).jpeg({ quality: 95 }).toBuffer();
    expect(hammingDistance(await decodeHash(jpeg), want)).toBeLessThanOrEqual(10);
    const gif = await encode(rgb).gif().toBuffer();
    expect((await decodeImage(gif)).format).toBe('gif');
    expect(hammingDistance(await decodeHash(gif), want)).toBeLessThanOrEqual(31);
    const avif = await encode(rgb).avif({ quality: 90, effort: 0 }).toBuffer();
    const fromAvif = await decodeImage(avif);
    expect(fromAvif.format).toBe('heif');
    expect(hammingDistance(pdqHash(fromAvif).hash, want)).toBeLessThanOrEqual(31);
    const cmyk = await encode(rgb).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const decoded = await decodeImage(cmyk);
    expect(decoded.channels).toBe(3);
    expect(hammingDistance(pdqHash(decoded).hash, want)).toBeLessThanOrEqual(31);
  });

  it('drops alpha without compositing, expands palettes and reduces 16-bit to 8-bit', async () => {
    const rgba = new Uint8Array(rgb.width * rgb.height * 4);
    for (let p = 0, q = 0; p < rgb.data.length; p += 3, q += 4) {
      rgba.set(rgb.data.subarray(p, p + 3), q);
      rgba[q + 3] = q % 7 === 0 ? 0 : 128; // transparent pixels keep their colour values
    }
    const png = await sharp(Buffer.from(rgba), { raw: { width: rgb.width, height: rgb.height, channels: 4 } }).png().toBuffer();
    expect(Buffer.from((await decodeImage(png)).data).equals(Buffer.from(rgb.data))).toBe(true);

    const png16 = await encode(rgb).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    expect(Buffer.from((await decodeImage(png16)).data).equals(Buffer.from(rgb.data))).toBe(true);

    const palette = await encode(rgb).png({ palette: true, colours: 256 }).toBuffer();
    expect((await sharp(palette).metadata()).isPalette).toBe(true);
    const decoded = await decodeImage(palette);
    expect(decoded.channels).toBe(3);
    expect(hammingDistance(pdqHash(decoded).hash, expectedHash('composite-512x384'))).toBeLessThanOrEqual(31);
  });

  it('applies EXIF orientation only when asked', async () => {
    const rotated = await encode(rgb).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const plain = await decodeImage(rotated);
    expect([plain.width, plain.height]).toEqual([512, 384]);
    const oriented = await decodeImage(rotated, { applyExifOrientation: true });
    expect([oriented.width, oriented.height]).toEqual([384, 512]);
  });

  it('refuses decompression bombs before decoding', async () => {
    await expectCode(decodeImage(pngHeaderClaiming(50_000, 50_000)), 'media.too_many_pixels');
    const png = await encode(rgb).png().toBuffer();
    await expectCode(decodeImage(png, { maxPixels: 512 * 384 - 1 }), 'media.too_many_pixels');
    await expect(decodeImage(png, { maxPixels: 512 * 384 })).resolves.toMatchObject({ width: 512 });
  });

  it('gives stable codes for empty, garbage, truncated and unsupported input', async () => {
    await expectCode(decodeImage(new Uint8Array(0)), 'media.empty_file');
    await expectCode(decodeImage(Buffer.from('definitely not an image, just text')), 'media.unsupported_format');
    await expectCode(decodeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')), 'media.unsupported_format');
    const jpeg = await encode(rgb).jpeg().toBuffer();
    await expectCode(decodeImage(jpeg.subarray(0, jpeg.length >> 1)), 'media.decode_failed');
    const png = await encode(rgb).png().toBuffer();
    await expectCode(decodeImage(png.subarray(0, png.length >> 1)), 'media.decode_failed');
  });
});

// The fast path exists where libjpeg-turbo's headers were present at install (CI installs them). Without it
// every JPEG goes to sharp, which the tests above already cover.
describe.skipIf(jpegDecoder === 'sharp')('decodeImage: the libjpeg-turbo fast path for JPEG', () => {
  it('decodes up to 512 px to exactly sharp\'s RGB pixels', async () => {
    const jpeg = await encode(rgb).jpeg({ quality: 90 }).toBuffer();
    const fast = await decodeImage(jpeg);
    const viaSharp = await decodeImage(jpeg, { decoder: 'sharp' });
    expect([fast.width, fast.height, fast.channels, fast.format]).toEqual([512, 384, 3, 'jpeg']);
    expect(Buffer.from(fast.data).equals(Buffer.from(viaSharp.data))).toBe(true);
  });

  it('decodes a larger colour JPEG to one full-resolution luma channel within rounding of sharp\'s RGB path', async () => {
    const jpeg = await encode(rgb).resize(1024, 768).jpeg({ quality: 95 }).toBuffer();
    const fast = await decodeImage(jpeg);
    const viaSharp = await decodeImage(jpeg, { decoder: 'sharp' });
    expect([fast.width, fast.height, fast.channels, fast.format]).toEqual([1024, 768, 1, 'jpeg']);
    expect(viaSharp.channels).toBe(3);
    let maxDelta = 0;
    for (let i = 0, p = 0; i < fast.data.length; i++, p += 3) {
      const luma = 0.299 * viaSharp.data[p]! + 0.587 * viaSharp.data[p + 1]! + 0.114 * viaSharp.data[p + 2]!;
      maxDelta = Math.max(maxDelta, Math.abs(fast.data[i]! - luma));
    }
    expect(maxDelta).toBeLessThan(2.5); // Y is decoded, not recomputed from rounded RGB
    expect(hammingDistance(pdqHash(fast).hash, pdqHash(viaSharp).hash)).toBeLessThanOrEqual(10);
  });

  it('leaves CMYK, EXIF orientation and corrupt files to sharp, and keeps the stable codes', async () => {
    const cmyk = await encode(rgb).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    expect((await decodeImage(cmyk)).channels).toBe(3);
    const rotated = await encode(rgb).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect(await decodeImage(rotated, { applyExifOrientation: true })).toMatchObject({ width: 384, height: 512, channels: 3 });
    const jpeg = await encode(rgb).jpeg().toBuffer();
    await expectCode(decodeImage(jpeg.subarray(0, jpeg.length >> 1)), 'media.decode_failed');
    await expectCode(decodeImage(jpeg.subarray(0, 40)), 'media.decode_failed');
    await expectCode(decodeImage(jpeg, { maxPixels: 512 * 384 - 1 }), 'media.too_many_pixels');
    await expect(decodeImage(jpeg, { maxPixels: 512 * 384 })).resolves.toMatchObject({ channels: 3 });
  });
});

describe('hashImageFile', () => {
  it('returns pdq, quality, md5 and sha256 of the file bytes', async () => {
    const png = await encode(rgb).png().toBuffer();
    const result = await hashImageFile(png);
    expect(result).toEqual({
      pdq: expectedHash('composite-512x384'),
      quality: 100,
      md5: createHash('md5').update(png).digest('hex'),
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.md5).toMatch(/^[0-9a-f]{32}$/);
  });
});
