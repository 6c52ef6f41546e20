import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hammingDistance } from './hash256.js';
import { parseNetpbm } from './netpbm.js';
import { DIHEDRAL_NAMES, pdqHash, pdqHashDihedral } from './pdq.js';
import { blurAndDecimate, boxFilterLine } from './pdqDownscale.js';
import type { PixelImage } from './pixels.js';

// Exact conformance against the reference's own outputs for the same pixels (see the fixture README).
const FIXTURES = fileURLToPath(new URL('../../test-fixtures/pdq/synthetic/', import.meta.url));

function readCsv(name: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(FIXTURES + name, 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i] ?? '', cell])));
}

function loadImage(file: string): PixelImage {
  return parseNetpbm(readFileSync(FIXTURES + file));
}

const expected = readCsv('expected.csv');
const dihedral = readCsv('dihedral.csv');
const DIHEDRAL_COLUMNS = ['original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'flipPlus1', 'flipMinus1'] as const;

describe('PDQ synthetic conformance (exact)', () => {
  it('has the full vector set', () => {
    expect(expected).toHaveLength(26);
    expect(dihedral).toHaveLength(26);
    expect([...DIHEDRAL_NAMES]).toEqual([...DIHEDRAL_COLUMNS]);
  });

  it.each(expected)('plain hash and quality of $file', (row) => {
    const image = loadImage(`${row['file']}.ppm`);
    expect([image.width, image.height]).toEqual([Number(row['width']), Number(row['height'])]);
    expect(pdqHash(image)).toEqual({ hash: row['pdq'], quality: Number(row['quality']) });
  });

  it.each(dihedral)('8 dihedral hashes and quality of $file', (row) => {
    const result = pdqHashDihedral(loadImage(`${row['file']}.ppm`));
    const want = Object.fromEntries(DIHEDRAL_COLUMNS.map((name) => [name, row[name]]));
    expect(result.hashes).toEqual(want);
    expect(result.quality).toBe(Number(row['quality']));
  });

  it('hashes the 1-channel PGM exactly like the reference grey path', () => {
    const grey = loadImage('gray1ch-composite-200x150.pgm');
    expect(grey.channels).toBe(1);
    const row = expected.find((r) => r['file'] === 'gray1ch-composite-200x150');
    expect(pdqHash(grey)).toEqual({ hash: row?.['pdq'], quality: Number(row?.['quality']) });
    const dih = dihedral.find((r) => r['file'] === 'gray1ch-composite-200x150');
    expect(pdqHashDihedral(grey).hashes.rotate90).toBe(dih?.['rotate90']);
  });
});

describe('PDQ behaviour', () => {
  const rgb = loadImage('composite-512x384.ppm');

  it('ignores alpha in RGBA input', () => {
    const rgba = new Uint8Array(rgb.width * rgb.height * 4);
    for (let p = 0, q = 0; p < rgb.data.length; p += 3, q += 4) {
      rgba.set(rgb.data.subarray(p, p + 3), q);
      rgba[q + 3] = (p * 7) & 255;
    }
    expect(pdqHash({ ...rgb, channels: 4, data: rgba })).toEqual(pdqHash(rgb));
  });

  it('is deterministic and sensitive to content', () => {
    const first = pdqHash(rgb);
    expect(pdqHash(rgb)).toEqual(first);
    const edited = rgb.data.slice();
    for (let i = 0; i < edited.length / 2; i++) edited[i] = 255 - edited[i]!;
    expect(hammingDistance(pdqHash({ ...rgb, data: edited }).hash, first.hash)).toBeGreaterThan(31);
  });

  it('gives the zero hash under 5 px and rejects inconsistent buffers', () => {
    const tiny = { width: 4, height: 100, channels: 3 as const, data: new Uint8Array(4 * 100 * 3).fill(9) };
    expect(pdqHash(tiny)).toEqual({ hash: '0'.repeat(64), quality: 0 });
    expect(Object.values(pdqHashDihedral(tiny).hashes)).toEqual(Array(8).fill('0'.repeat(64)));
    expect(() => pdqHash({ ...tiny, data: new Uint8Array(5) })).toThrow(/expected 1200/);
  });

  it('box filter keeps float32 running-sum semantics (window 1 is not an exact identity)', () => {
    const src = Float32Array.from([1e8, 1, 3, 7, 0.1]);
    const dst = new Float32Array(5);
    boxFilterLine(src, dst, 5, 1);
    // Running sum: 1e8 -> +1 -1e8 = 0 in float32 (1e8 + 1 rounds to 1e8), not the input value 1.
    expect(dst[0]).toBe(1e8);
    expect(dst[1]).toBe(0);
    boxFilterLine(Float32Array.from([1, 2, 3, 4]), dst, 4, 2);
    // win 2: half 2, window [i, i+1] clipped -> 1.5, 2.5, 3.5, 4
    expect([...dst.subarray(0, 4)]).toEqual([1.5, 2.5, 3.5, 4]);
  });
});

/** Straightforward float32 transcription of the README's algorithm: full buffers, true division. */
function naiveBlurAndDecimate(image: PixelImage): Float32Array {
  const { width: w, height: h, data } = image;
  const f = Math.fround;
  let buf: Float32Array = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const [r = 0, g = 0, b = 0] = data.subarray(i * 3, i * 3 + 3);
    buf[i] = f(f(f(f(0.299) * r) + f(f(0.587) * g)) + f(f(0.114) * b));
  }
  const box = (src: Float32Array, stride: number, lines: number, lineStride: number, n: number, win: number): Float32Array => {
    const out = new Float32Array(src.length);
    const half = Math.floor((win + 2) / 2);
    for (let line = 0; line < lines; line++) {
      const at = (k: number): number => line * lineStride + k * stride;
      let sum = 0;
      for (let k = 0; k < half - 1; k++) sum = f(sum + src[at(k)]!);
      for (let i = 0; i < n; i++) {
        const enter = i + half - 1;
        const leave = i - (win - half) - 1;
        if (enter < n) sum = f(sum + src[at(enter)]!);
        if (leave >= 0) sum = f(sum - src[at(leave)]!);
        const count = Math.min(n - 1, enter) - Math.max(0, i - (win - half)) + 1;
        out[at(i)] = f(sum / count);
      }
    }
    return out;
  };
  const winX = Math.floor((w + 127) / 128);
  const winY = Math.floor((h + 127) / 128);
  for (let pass = 0; pass < 2; pass++) {
    buf = box(buf, 1, h, w, w, winX);
    buf = box(buf, w, w, 1, h, winY);
  }
  const grid = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 64; j++) {
      grid[i * 64 + j] = buf[Math.floor(((i + 0.5) * h) / 64) * w + Math.floor(((j + 0.5) * w) / 64)]!;
    }
  }
  return grid;
}

describe('PDQ streamed downscale equals the plain algorithm', () => {
  it.each([
    [5, 5],
    [7, 300],
    [300, 7],
    [129, 1025],
    [1000, 260],
    [640, 1111],
  ])('%i x %i random pixels', (width, height) => {
    let seed = width * 7919 + height;
    const data = new Uint8Array(width * height * 3);
    for (let i = 0; i < data.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      data[i] = (seed >>> 16) & 255;
    }
    const image: PixelImage = { width, height, channels: 3, data };
    expect(blurAndDecimate(image)).toEqual(naiveBlurAndDecimate(image));
  });
});
