import { dct16, pdqQuality } from './pdqDct.js';
import { blurAndDecimate, lumaGrid64 } from './pdqDownscale.js';
import { pdqWasmKernel, type PdqAnalysis } from './pdqWasm.js';
import type { PixelImage } from './pixels.js';

/**
 * Which implementation computes PDQ's grid, DCT and quality. Both give bit-identical results;
 * 'wasm' (WebAssembly SIMD) is several times faster and is used whenever the runtime supports it.
 * Internal: not part of the package's public API (tests and the benchmark select a path here).
 */
export type PdqBackend = 'js' | 'wasm';
export type PdqBackendChoice = PdqBackend | 'auto';

let choice: PdqBackendChoice = 'auto';

/** Selects the implementation for later calls; returns the previous choice. */
export function setPdqBackend(next: PdqBackendChoice): PdqBackendChoice {
  const previous = choice;
  choice = next;
  return previous;
}

/** The implementation 'auto' resolves to in this runtime. */
export function availablePdqBackend(): PdqBackend {
  return pdqWasmKernel() ? 'wasm' : 'js';
}

/** The JS path: blurAndDecimate (or lumaGrid64 when `blur` is false), dct16, pdqQuality. */
export function analysePdqJs(image: PixelImage, blur: boolean): PdqAnalysis {
  const grid = blur ? blurAndDecimate(image) : lumaGrid64(image);
  return { grid, dct: dct16(grid), quality: pdqQuality(grid) };
}

/**
 * Grid, DCT and quality of an image of at least 1x1 (5x5 for a meaningful hash). With 'auto' the
 * WebAssembly kernel is used when available and the image fits it, else the JS path.
 */
export function analysePdq(image: PixelImage, blur: boolean, backend: PdqBackendChoice = choice): PdqAnalysis {
  if (backend === 'js') return analysePdqJs(image, blur);
  const kernel = pdqWasmKernel();
  const result = kernel?.analyse(image, blur) ?? null;
  if (result) return result;
  if (backend === 'wasm') {
    throw new Error(kernel ? 'image too large for the PDQ WebAssembly kernel' : 'WebAssembly SIMD is not available');
  }
  return analysePdqJs(image, blur);
}
