import { DCT_MATRIX, DCT_SIZE } from './pdqDct.js';
import { PDQ_GRID, lumaGrid64 } from './pdqDownscale.js';
import type { PixelImage } from './pixels.js';
import { PDQ_KERNEL_WASM_BASE64 } from './wasm/pdqKernel.generated.js';

/**
 * Driver of the WebAssembly SIMD PDQ kernel (`wasm/pdqKernel.wat`): luma, the two box-filter passes,
 * decimation, the 16x16 DCT and the quality sum, bit-identical to the JS path (pdqDownscale.ts,
 * pdqDct.ts) because WebAssembly f32 arithmetic is IEEE single precision without fused operations
 * and the kernel performs the same operations in the same order per value.
 *
 * Pure and synchronous: the module is compiled and instantiated once, lazily, with
 * `new WebAssembly.Module` / `new WebAssembly.Instance`; its memory grows to fit the largest image
 * seen. Where WebAssembly SIMD is unavailable `pdqWasmKernel()` returns null and callers use JS.
 */

/** The kernel's fixed memory layout (see the .wat). */
const GRID_OFFSET = 0;
const DCT_MATRIX_OFFSET = 16384;
const DCT_MATRIX_T_OFFSET = 20480;
const DCT_OUT_OFFSET = 28672;
const PAGE = 65536;

/**
 * Images the kernel accepts (larger ones go to the JS path): its offsets are 32-bit and its work
 * buffers grow with width x height, so stay far below 2 GiB of memory.
 */
const MAX_IMAGE_BYTES = 2 ** 28;
const MAX_SIDE = 2 ** 20;
const MAX_MEMORY_BYTES = 2 ** 31;

// Just enough of the WebAssembly JS API for this file (core compiles against ES2023 only, and the
// global may be missing, e.g. in a runtime started with WebAssembly disabled).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface KernelExports {
  readonly memory: WasmMemory;
  layout(width: number, height: number, channels: number): number;
  image(): number;
  downscale(): void;
  dct(): void;
  quality(): number;
}
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports?: object) => { readonly exports: unknown };
}

function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

/** A module with one function returning a v128 constant: valid only where SIMD is supported. */
export const SIMD_PROBE_MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b, // code: v128.const 0
]);

/** Whether this runtime has WebAssembly with the SIMD (128-bit) extension. */
export function wasmSimdSupported(): boolean {
  const api = webAssembly();
  if (api === undefined || typeof api.validate !== 'function') return false;
  try {
    return api.validate(SIMD_PROBE_MODULE);
  } catch {
    return false;
  }
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) to bytes; no dependency on Buffer or atob. */
export function decodeBase64(text: string): Uint8Array {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64_DIGITS.length; i++) values[BASE64_DIGITS.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0;
  let bitCount = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? values[code]! : -1;
    if (value < 0) throw new Error(`invalid base64 character at ${i}`);
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[o++] = (bits >> bitCount) & 0xff;
    }
  }
  return out;
}

/** The 64x64 grid, the 16x16 DCT (row-major) and the quality (0..100) of one image. */
export interface PdqAnalysis {
  readonly grid: Float32Array;
  readonly dct: Float32Array;
  readonly quality: number;
}

export class PdqWasmKernel {
  readonly #exports: KernelExports;

  constructor(exports: KernelExports) {
    this.#exports = exports;
    const memory = new Float32Array(exports.memory.buffer);
    for (let i = 0; i < DCT_SIZE; i++) {
      for (let k = 0; k < PDQ_GRID; k++) {
        const d = DCT_MATRIX[i * PDQ_GRID + k]!;
        memory[DCT_MATRIX_OFFSET / 4 + i * PDQ_GRID + k] = d;
        memory[DCT_MATRIX_T_OFFSET / 4 + k * DCT_SIZE + i] = d;
      }
    }
  }

  /** Whether `analyse` takes this image (else it returns null). Needs width, height >= 1. */
  accepts(image: PixelImage): boolean {
    const { width, height, channels } = image;
    return (
      width >= 1 && height >= 1 && width <= MAX_SIDE && height <= MAX_SIDE && width * height * channels <= MAX_IMAGE_BYTES
    );
  }

  /**
   * Like blurAndDecimate (or lumaGrid64 when `blur` is false) followed by dct16 and pdqQuality.
   * Null when the image is too large for the kernel or its memory cannot grow.
   */
  analyse(image: PixelImage, blur: boolean): PdqAnalysis | null {
    if (!this.accepts(image)) return null;
    const k = this.#exports;
    if (blur) {
      const { width, height, channels, data } = image;
      const needed = k.layout(width, height, channels) >>> 0;
      if (needed > MAX_MEMORY_BYTES || !this.#ensureMemory(needed)) return null;
      new Uint8Array(k.memory.buffer, k.image(), data.length).set(data);
      k.downscale();
    } else {
      new Float32Array(k.memory.buffer, GRID_OFFSET, PDQ_GRID * PDQ_GRID).set(lumaGrid64(image));
    }
    k.dct();
    const sum = k.quality();
    const memory = k.memory.buffer;
    return {
      grid: new Float32Array(memory, GRID_OFFSET, PDQ_GRID * PDQ_GRID).slice(),
      dct: new Float32Array(memory, DCT_OUT_OFFSET, DCT_SIZE * DCT_SIZE).slice(),
      quality: Math.min(100, Math.floor(sum / 90)),
    };
  }

  #ensureMemory(bytes: number): boolean {
    const memory = this.#exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing <= 0) return true;
    try {
      memory.grow(Math.ceil(missing / PAGE));
      return true;
    } catch {
      return false; // RangeError: the engine refused more memory
    }
  }
}

let kernel: PdqWasmKernel | null | undefined;

/** The shared kernel instance, created on first use; null without WebAssembly SIMD. */
export function pdqWasmKernel(): PdqWasmKernel | null {
  if (kernel === undefined) kernel = createKernel();
  return kernel;
}

function createKernel(): PdqWasmKernel | null {
  const api = webAssembly();
  if (api === undefined || !wasmSimdSupported()) return null;
  try {
    const module = new api.Module(decodeBase64(PDQ_KERNEL_WASM_BASE64));
    return new PdqWasmKernel(new api.Instance(module, {}).exports as KernelExports);
  } catch {
    return null; // e.g. SIMD present but another feature the kernel uses (bulk memory) is not
  }
}
