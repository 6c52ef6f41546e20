import { MediaError } from './errors.js';
import type { PixelImage } from './pixels.js';

/**
 * Minimal binary Netpbm reader (P5 greyscale, P6 RGB), pure bytes -> pixels. Enough for test
 * vectors and raw pixel dumps, so core tests need no image library. 16-bit samples (maxval > 255)
 * and other maxvals are scaled to 0..255 with rounding.
 */

const MAX_NETPBM_PIXELS = 1 << 28;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

function invalid(message: string): MediaError {
  return new MediaError('media.invalid_image', `netpbm: ${message}`);
}

/** Reads the header tokens: magic, width, height, maxval; returns them and where the raster starts. */
function readHeader(bytes: Uint8Array): { magic: string; numbers: number[]; rasterStart: number } {
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    // Skip whitespace and '#' comments (which run to end of line).
    while (pos < bytes.length) {
      const byte = bytes[pos]!;
      if (isSpace(byte)) pos++;
      else if (byte === 0x23) {
        while (pos < bytes.length && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
      } else break;
    }
    const start = pos;
    while (pos < bytes.length && !isSpace(bytes[pos]!) && bytes[pos] !== 0x23) pos++;
    if (pos === start) throw invalid('truncated header');
    tokens.push(String.fromCharCode(...bytes.subarray(start, pos)));
  }
  // Exactly one whitespace byte separates maxval from the raster.
  if (pos >= bytes.length || !isSpace(bytes[pos]!)) throw invalid('missing raster');
  const [magic = '', ...rest] = tokens;
  const numbers = rest.map((token) => {
    if (!/^\d{1,9}$/.test(token)) throw invalid(`bad number ${JSON.stringify(token.slice(0, 12))}`);
    return Number(token);
  });
  return { magic, numbers, rasterStart: pos + 1 };
}

export function parseNetpbm(bytes: Uint8Array): PixelImage {
  if (bytes.length < 2 || bytes[0] !== 0x50 /* P */ || (bytes[1] !== 0x35 && bytes[1] !== 0x36)) {
    throw invalid('only binary PGM (P5) and PPM (P6) are supported');
  }
  const { magic, numbers, rasterStart } = readHeader(bytes);
  const [width = 0, height = 0, maxval = 0] = numbers;
  if (magic !== 'P5' && magic !== 'P6') throw invalid(`unknown magic ${JSON.stringify(magic)}`);
  if (width < 1 || height < 1) throw invalid('width and height must be positive');
  if (width * height > MAX_NETPBM_PIXELS) throw new MediaError('media.too_many_pixels', 'netpbm: image too large');
  if (maxval < 1 || maxval > 65535) throw invalid('maxval must be 1..65535');

  const channels = magic === 'P5' ? 1 : 3;
  const samples = width * height * channels;
  const bytesPerSample = maxval > 255 ? 2 : 1;
  if (bytes.length - rasterStart < samples * bytesPerSample) throw invalid('truncated raster');

  const raster = bytes.subarray(rasterStart, rasterStart + samples * bytesPerSample);
  let data: Uint8Array;
  if (bytesPerSample === 1 && maxval === 255) {
    data = raster.slice();
  } else {
    data = new Uint8Array(samples);
    for (let i = 0; i < samples; i++) {
      const value = bytesPerSample === 1 ? raster[i]! : (raster[2 * i]! << 8) | raster[2 * i + 1]!;
      if (value > maxval) throw invalid('sample exceeds maxval');
      data[i] = Math.round((value * 255) / maxval);
    }
  }
  return { width, height, channels, data };
}
