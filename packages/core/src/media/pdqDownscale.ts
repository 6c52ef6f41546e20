import type { PixelImage } from './pixels.js';

/**
 * PDQ steps 1-2: float32 luma, two passes of the Jarosz box filter, decimation to 64x64.
 *
 * Bit-exactness with the C++ reference needs float32 rounding after every operation, in the
 * reference's order. Float32Array stores round; local sums go through Math.fround. The traversal
 * is streamed row by row (a ring of rows for the vertical pass) because that is cache-friendly and
 * does not change any individual sum.
 */

export const PDQ_GRID = 64;

const fround = Math.fround;

// Luma is (0.299f*R + 0.587f*G) + 0.114f*B in float32. Each product of a float32 weight and a byte
// is exact in double, so per-channel tables hold them already rounded.
const LUMA_R = lumaTable(0.299);
const LUMA_G = lumaTable(0.587);
const LUMA_B = lumaTable(0.114);
function lumaTable(weight: number): Float32Array {
  const w = fround(weight);
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = w * v;
  return table;
}

/** Writes row `y` of luma into `out` (length width). Grey input is used as is, like the reference. */
function lumaRow(image: PixelImage, data: Uint8Array, y: number, out: Float32Array): void {
  const { width, channels } = image;
  let p = y * width * channels;
  if (channels === 1) {
    for (let x = 0; x < width; x++) out[x] = data[p + x]!;
    return;
  }
  const lr = LUMA_R;
  const lg = LUMA_G;
  const lb = LUMA_B;
  for (let x = 0; x < width; x++, p += channels) {
    out[x] = fround(lr[data[p]!]! + lg[data[p + 1]!]!) + lb[data[p + 2]!]!;
  }
}

/** Box window length for a dimension: floor((n + 127) / 128). Always <= n for n >= 1. */
export function jaroszWindow(n: number): number {
  return Math.floor((n + 127) / 128);
}

/**
 * Division by a window count, done as multiplication by the double reciprocal. Bit-exact after
 * rounding to float32: for a float32 s and integer c < 2^20, s/c is never closer than 2^-45
 * (relative) to a float32 rounding boundary, while s * (1/c) in double is within 2^-52 of s/c.
 */
const RECIPROCALS_CACHE: number[] = [];
function reciprocal(count: number): number {
  return (RECIPROCALS_CACHE[count] ??= 1 / count);
}

/**
 * One box-filter pass over `n` values with a running float32 sum. Output i averages
 * src[i-(win-half) .. i+half-1] clipped to the line, half = floor((win+2)/2). Full windows add the
 * entering value before subtracting the leaving one; the sum is never recomputed.
 */
export function boxFilterLine(src: Float32Array, dst: Float32Array, n: number, win: number): void {
  boxFilterLines(src, dst, n, 1, win);
}

const LANES = 4;

/**
 * `boxFilterLine` on `rows` (1..4) consecutive lines of length n at once. The running sum is a
 * serial chain of float32 roundings; interleaving independent lines lets the CPU overlap them
 * (about 3x faster) without changing any individual sum.
 */
function boxFilterLines(src: Float32Array, dst: Float32Array, n: number, rows: number, win: number): void {
  // Missing lanes repeat the last row; their results are written to the same place, harmlessly.
  const o0 = 0;
  const o1 = Math.min(1, rows - 1) * n;
  const o2 = Math.min(2, rows - 1) * n;
  const o3 = Math.min(3, rows - 1) * n;
  const half = (win + 2) >> 1;
  const lead = win - half;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let enter = 0;
  for (; enter < half - 1; enter++) {
    s0 = fround(s0 + src[o0 + enter]!);
    s1 = fround(s1 + src[o1 + enter]!);
    s2 = fround(s2 + src[o2 + enter]!);
    s3 = fround(s3 + src[o3 + enter]!);
  }
  let count = half - 1;
  let i = 0;
  for (; i <= lead; i++, enter++) {
    s0 = fround(s0 + src[o0 + enter]!);
    s1 = fround(s1 + src[o1 + enter]!);
    s2 = fround(s2 + src[o2 + enter]!);
    s3 = fround(s3 + src[o3 + enter]!);
    const r = reciprocal(++count);
    dst[o0 + i] = s0 * r;
    dst[o1 + i] = s1 * r;
    dst[o2 + i] = s2 * r;
    dst[o3 + i] = s3 * r;
  }
  const full = reciprocal(win);
  for (; i <= n - half; i++, enter++) {
    const leave = i - lead - 1;
    s0 = fround(fround(s0 + src[o0 + enter]!) - src[o0 + leave]!);
    s1 = fround(fround(s1 + src[o1 + enter]!) - src[o1 + leave]!);
    s2 = fround(fround(s2 + src[o2 + enter]!) - src[o2 + leave]!);
    s3 = fround(fround(s3 + src[o3 + enter]!) - src[o3 + leave]!);
    dst[o0 + i] = s0 * full;
    dst[o1 + i] = s1 * full;
    dst[o2 + i] = s2 * full;
    dst[o3 + i] = s3 * full;
  }
  for (; i < n; i++) {
    const leave = i - lead - 1;
    s0 = fround(s0 - src[o0 + leave]!);
    s1 = fround(s1 - src[o1 + leave]!);
    s2 = fround(s2 - src[o2 + leave]!);
    s3 = fround(s3 - src[o3 + leave]!);
    const r = reciprocal(--count);
    dst[o0 + i] = s0 * r;
    dst[o1 + i] = s1 * r;
    dst[o2 + i] = s2 * r;
    dst[o3 + i] = s3 * r;
  }
}

/**
 * One vertical step on every column: sums += ring[enter row] (when enter >= 0), then
 * sums -= ring[leave row] (when leave >= 0), each rounded to float32; then out = sums / count.
 */
function stepColumns(
  sums: Float32Array,
  ring: Float32Array,
  enter: number,
  leave: number,
  width: number,
  out: Float32Array | null,
  reciprocalCount: number,
): void {
  if (enter >= 0 && leave >= 0) {
    if (out) {
      for (let x = 0; x < width; x++) {
        const s = fround(fround(sums[x]! + ring[enter + x]!) - ring[leave + x]!);
        sums[x] = s;
        out[x] = s * reciprocalCount;
      }
      return;
    }
    for (let x = 0; x < width; x++) sums[x] = fround(sums[x]! + ring[enter + x]!) - ring[leave + x]!;
  } else if (enter >= 0) {
    for (let x = 0; x < width; x++) sums[x] = sums[x]! + ring[enter + x]!;
  } else if (leave >= 0) {
    for (let x = 0; x < width; x++) sums[x] = sums[x]! - ring[leave + x]!;
  }
  if (out) for (let x = 0; x < width; x++) out[x] = sums[x]! * reciprocalCount;
}

/** Sample positions floor((i + 0.5) * n / 64), computed in double as the reference does. */
function samplePositions(n: number): Int32Array {
  const positions = new Int32Array(PDQ_GRID);
  for (let i = 0; i < PDQ_GRID; i++) positions[i] = Math.floor(((i + 0.5) * n) / PDQ_GRID);
  return positions;
}

/** The pixel bytes as a plain Uint8Array, so hot loops see one array type (not Buffer etc.). */
function plainBytes(image: PixelImage): Uint8Array {
  const { data } = image;
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Luma of a 64x64 image without blurring (the reference's plain-hash special case). */
export function lumaGrid64(image: PixelImage): Float32Array {
  const grid = new Float32Array(PDQ_GRID * PDQ_GRID);
  const data = plainBytes(image);
  for (let y = 0; y < PDQ_GRID; y++) lumaRow(image, data, y, grid.subarray(y * PDQ_GRID, (y + 1) * PDQ_GRID));
  return grid;
}

/**
 * Blurs twice (rows then columns, twice) and decimates to a 64x64 float32 grid.
 * Requires width, height >= 1 (callers reject images under 5 px first).
 *
 * Streaming, in blocks of 4 rows: pass 1 (horizontal) fills a ring of rows; pass 2 (vertical) keeps
 * one running sum per column and emits finished rows into a block; pass 3 (horizontal) runs on
 * each block and keeps only the 64 sampled columns; pass 4 (vertical) runs on that narrow buffer.
 * Memory is O(width x window) instead of O(width x height).
 */
export function blurAndDecimate(image: PixelImage): Float32Array {
  const { width, height } = image;
  const winX = jaroszWindow(width);
  const winY = jaroszWindow(height);
  const halfY = (winY + 2) >> 1;
  const leadY = winY - halfY;
  const sampleCols = samplePositions(width);
  const sampleRows = samplePositions(height);
  const data = plainBytes(image);

  // Pass 1 rows needed by the vertical window: r-winY .. r, for up to 4 new rows at a time.
  // A multiple of 4 rows, so a block of 4 never wraps and pass 1 writes straight into the ring.
  const ringRows = Math.ceil((winY + LANES) / LANES) * LANES;
  const ring = new Float32Array(ringRows * width);
  const lumaBlock = new Float32Array(LANES * width);
  const columnSums = new Float32Array(width);
  const pass2Block = new Float32Array(LANES * width);
  const pass3Block = new Float32Array(LANES * width);
  const pass2Rows: number[] = [];
  const narrow = new Float32Array(height * PDQ_GRID);

  const flushPass2 = (): void => {
    const rows = pass2Rows.length;
    if (rows === 0) return;
    boxFilterLines(pass2Block, pass3Block, width, rows, winX);
    for (let k = 0; k < rows; k++) {
      const from = k * width;
      const to = pass2Rows[k]! * PDQ_GRID;
      for (let j = 0; j < PDQ_GRID; j++) narrow[to + j] = pass3Block[from + sampleCols[j]!]!;
    }
    pass2Rows.length = 0;
  };
  // Vertical step for output row i: add the entering row (if any), subtract the leaving one (if
  // any), then emit the average into the pass-2 block.
  const stepPass2 = (i: number, enter: number, count: number): void => {
    const leave = i - leadY - 1;
    const e = enter >= 0 ? (enter % ringRows) * width : -1;
    const l = leave >= 0 ? (leave % ringRows) * width : -1;
    if (i >= 0) {
      const out = pass2Block.subarray(pass2Rows.length * width, (pass2Rows.length + 1) * width);
      stepColumns(columnSums, ring, e, l, width, out, reciprocal(count));
      pass2Rows.push(i);
      if (pass2Rows.length === LANES) flushPass2();
    } else {
      stepColumns(columnSums, ring, e, l, width, null, 0);
    }
  };

  for (let r0 = 0; r0 < height; r0 += LANES) {
    const rows = Math.min(LANES, height - r0);
    for (let k = 0; k < rows; k++) lumaRow(image, data, r0 + k, lumaBlock.subarray(k * width, (k + 1) * width));
    const slot = (r0 % ringRows) * width;
    boxFilterLines(lumaBlock, ring.subarray(slot, slot + rows * width), width, rows, winX);
    for (let k = 0; k < rows; k++) {
      const r = r0 + k;
      const i = r - (halfY - 1); // the output row whose window this row completes
      stepPass2(i, r, r - Math.max(0, i - leadY) + 1);
    }
  }
  for (let i = Math.max(0, height - halfY + 1); i < height; i++) {
    stepPass2(i, -1, height - Math.max(0, i - leadY));
  }
  flushPass2();

  // Pass 4: vertical box on the 64 kept columns, 4 columns at a time, then keep the sampled rows.
  const columns = new Float32Array(LANES * height);
  const filtered = new Float32Array(LANES * height);
  const grid = new Float32Array(PDQ_GRID * PDQ_GRID);
  for (let j0 = 0; j0 < PDQ_GRID; j0 += LANES) {
    for (let k = 0; k < LANES; k++) {
      for (let y = 0; y < height; y++) columns[k * height + y] = narrow[y * PDQ_GRID + j0 + k]!;
    }
    boxFilterLines(columns, filtered, height, LANES, winY);
    for (let k = 0; k < LANES; k++) {
      for (let i = 0; i < PDQ_GRID; i++) grid[i * PDQ_GRID + j0 + k] = filtered[k * height + sampleRows[i]!]!;
    }
  }
  return grid;
}
