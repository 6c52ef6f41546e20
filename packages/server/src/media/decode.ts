import { MediaError, type PixelImage } from '@centinela/core';
import { nativeJpeg } from '@centinela/jpeg';
import sharp from 'sharp';

/**
 * Image files -> 8-bit pixels for PDQ, with sharp (libvips).
 *
 * Choices, made to stay as close as possible to the C++ reference (CImg + libjpeg/libpng) and to
 * python-threatexchange (PIL):
 * - Greyscale stays 1 channel, so PDQ uses the grey value as luma, as the reference does.
 * - Alpha is dropped, not composited: PIL's `convert("RGB")` (what hasher-matcher-actioner does)
 *   keeps the colour values under transparent pixels, and so do we. The C++ tool refuses alpha.
 * - Palette images are expanded; 16-bit samples are reduced to 8 bits; CMYK and other colour
 *   spaces are converted to sRGB.
 * - EXIF orientation is ignored unless `applyExifOrientation` is set (the reference ignores it).
 * - Animated GIF/WebP and multi-page TIFF: the first frame/page only.
 * - The pixel limit is checked from the header before decoding, and enforced again by libvips.
 * - JPEGs take a fast path when `@centinela/jpeg` was built at install (libjpeg-turbo headers present).
 *   Up to 512 px it decodes the same RGB pixels as sharp (so the same hash, exact with the reference).
 *   Larger images, which the reference tool itself squashes to 512x512 first, are decoded as luma (Y)
 *   only, at full resolution, skipping chroma and colour conversion: JPEG's Y uses PDQ's own weights,
 *   so hashes move by rounding only (measured in the upstream suite). Anything the fast path refuses
 *   (CMYK, corrupt data, EXIF orientation asked for) goes to sharp.
 */

export const DEFAULT_MAX_PIXELS = 50_000_000;

export const SUPPORTED_IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif'] as const;
export type SupportedImageFormat = (typeof SUPPORTED_IMAGE_FORMATS)[number];

export interface DecodeOptions {
  /** Rotate/flip per EXIF orientation before hashing. Default false, like the reference. */
  readonly applyExifOrientation?: boolean;
  /** Refuse images with more pixels than this (decompression bombs). */
  readonly maxPixels?: number;
  /** `auto` (default) takes the JPEG luma fast path when it is built; `sharp` always decodes with sharp. */
  readonly decoder?: 'auto' | 'sharp';
}

/** Which decoder `auto` uses for JPEGs on this installation. */
export const jpegDecoder: 'libjpeg-turbo' | 'sharp' = nativeJpeg ? 'libjpeg-turbo' : 'sharp';

/** Above this longest side the fast path decodes luma only (where the reference resizes anyway). */
export const LUMA_ONLY_ABOVE = 512;

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The libjpeg-turbo fast path, or null to let sharp decide (it has the final word on odd files). */
async function decodeJpegFast(bytes: Uint8Array, maxPixels: number): Promise<DecodedImage | null> {
  if (!nativeJpeg) return null;
  try {
    const { width, height, channels, data } = await nativeJpeg.decodeJpeg(bytes, maxPixels, LUMA_ONLY_ABOVE);
    return { width, height, channels, data: new Uint8Array(data.buffer, data.byteOffset, data.length), format: 'jpeg' };
  } catch (error) {
    if ((error as { code?: string }).code === 'too_many_pixels') {
      throw new MediaError('media.too_many_pixels', `the image has more than ${maxPixels} pixels`);
    }
    return null;
  }
}

export interface DecodedImage extends PixelImage {
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
  readonly format: SupportedImageFormat;
}

function isSupported(format: string | undefined): format is SupportedImageFormat {
  return (SUPPORTED_IMAGE_FORMATS as readonly string[]).includes(format ?? '');
}

/** Maps libvips/sharp failures to stable codes. */
function toMediaError(error: unknown): MediaError {
  if (error instanceof MediaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported image format|bad seek|not a known file format/i.test(message)) {
    return new MediaError('media.unsupported_format', 'the file is not an image in a supported format', { cause: error });
  }
  if (/pixel limit/i.test(message)) {
    return new MediaError('media.too_many_pixels', 'the image has too many pixels', { cause: error });
  }
  return new MediaError('media.decode_failed', `the image could not be decoded: ${message}`, { cause: error });
}

export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<DecodedImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (bytes.length === 0) throw new MediaError('media.empty_file', 'the file is empty');
  if (options.decoder !== 'sharp' && !options.applyExifOrientation && isJpeg(bytes)) {
    const fast = await decodeJpegFast(bytes, maxPixels);
    if (fast) return fast;
  }
  try {
    // Embedded colour profiles are ignored, as the reference hasher does: same pixels, and no colour transform to pay for.
    const input = { limitInputPixels: maxPixels, failOn: 'truncated', pages: 1, page: 0, ignoreIcc: true } as const;
    const meta = await sharp(bytes, input).metadata();
    if (!isSupported(meta.format)) {
      throw new MediaError('media.unsupported_format', `unsupported image format ${String(meta.format)}`);
    }
    const width = meta.width ?? 0;
    // For multi-frame files metadata may stack frames; the first frame is what we decode.
    const height = meta.pageHeight ?? meta.height ?? 0;
    if (width * height > maxPixels) {
      throw new MediaError('media.too_many_pixels', `the image has ${width * height} pixels; the limit is ${maxPixels}`);
    }

    let pipeline = sharp(bytes, input);
    if (options.applyExifOrientation) pipeline = pipeline.autoOrient();
    if (meta.hasAlpha) pipeline = pipeline.removeAlpha();
    const grey = meta.channels !== undefined && meta.channels - (meta.hasAlpha ? 1 : 0) === 1 && meta.space !== 'cmyk';
    pipeline = pipeline.toColourspace(grey ? 'b-w' : 'srgb');
    const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });

    const channels = info.channels;
    if (channels !== 1 && channels !== 3) {
      throw new MediaError('media.decode_failed', `unexpected ${channels}-channel output`);
    }
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (pixels.length !== info.width * info.height * channels) {
      throw new MediaError('media.decode_failed', 'decoder returned a buffer of the wrong size');
    }
    return { width: info.width, height: info.height, channels, data: pixels, format: meta.format };
  } catch (error) {
    throw toMediaError(error);
  }
}
