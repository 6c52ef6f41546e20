import { MediaError } from './errors.js';

/**
 * Decoded 8-bit pixels, row-major, channels interleaved, no row padding.
 * 1 = grey, 3 = RGB, 4 = RGBA (alpha is ignored by PDQ, like dropping the channel).
 */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** Throws `media.invalid_image` unless the buffer size matches the declared geometry. */
export function assertPixelImage(image: PixelImage): void {
  const { width, height, channels, data } = image;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 0 || height < 0) {
    throw new MediaError('media.invalid_image', `invalid image size ${String(width)}x${String(height)}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new MediaError('media.invalid_image', `unsupported channel count ${String(channels)}`);
  }
  if (data.length !== width * height * channels) {
    throw new MediaError(
      'media.invalid_image',
      `pixel buffer has ${data.length} bytes, expected ${width * height * channels} for ${width}x${height}x${channels}`,
    );
  }
}
