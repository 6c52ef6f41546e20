import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import wabtInit from 'wabt';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWat, generate, OUT_PATH, WAT_PATH } from '../../../../scripts/wasm/build.mjs';
import { parseNetpbm } from './netpbm.js';
import { pdqHash, pdqHashDihedral } from './pdq.js';
import { analysePdq, availablePdqBackend, setPdqBackend } from './pdqBackend.js';
import { decodeBase64, pdqWasmKernel, SIMD_PROBE_MODULE, wasmSimdSupported, type PdqAnalysis } from './pdqWasm.js';
import type { PixelImage } from './pixels.js';
import { PDQ_KERNEL_WASM_BASE64 } from './wasm/pdqKernel.generated.js';

const SYNTHETIC = fileURLToPath(new URL('../../test-fixtures/pdq/synthetic/', import.meta.url));
const UPSTREAM = fileURLToPath(new URL('../../../../../shared/data/pdq/upstream/', import.meta.url));

afterEach(() => {
  setPdqBackend('auto');
});

describe('PDQ WebAssembly kernel: build', () => {
  it('the committed binary is exactly what the .wat compiles to', async () => {
    const binary = await compileWat(readFileSync(WAT_PATH, 'utf8'));
    expect(decodeBase64(PDQ_KERNEL_WASM_BASE64)).toEqual(binary);
    expect((await generate()) === readFileSync(OUT_PATH, 'utf8'), 'run: node scripts/wasm/build.mjs').toBe(true);
  });

  it('decodes base64 like Buffer does', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) & 255);
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
    expect(() => decodeBase64('ab$d')).toThrow(/invalid base64/);
  });

  it('the SIMD probe is a valid module that needs the SIMD feature', async () => {
    const wabt = await wabtInit();
    const probe = wabt.readWasm(SIMD_PROBE_MODULE, { simd: true });
    expect(() => probe.validate()).not.toThrow();
    probe.destroy();
    expect(() => wabt.readWasm(SIMD_PROBE_MODULE, { simd: false })).toThrow();
    expect(wasmSimdSupported()).toBe(true); // Node >= 16.4
    expect(availablePdqBackend()).toBe('wasm');
  });

  it('hands images it cannot hold back to the JS path', () => {
    const kernel = pdqWasmKernel();
    expect(kernel).not.toBeNull();
    const huge = { width: 2 ** 21, height: 1, channels: 1 as const, data: new Uint8Array(0) };
    expect(kernel?.accepts(huge)).toBe(false);
    expect(kernel?.accepts({ ...huge, width: 1024, height: 768 })).toBe(true);
  });
});

/** Bit patterns, so -0 / +0 and NaN payloads would count as differences. */
function bits(values: Float32Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}

function expectSameAnalysis(js: PdqAnalysis, wasm: PdqAnalysis): void {
  expect(bits(wasm.grid)).toEqual(bits(js.grid));
  expect(bits(wasm.dct)).toEqual(bits(js.dct));
  expect(wasm.quality).toBe(js.quality);
}

function expectSameHashes(image: PixelImage): void {
  setPdqBackend('js');
  const js = { plain: pdqHash(image), dihedral: pdqHashDihedral(image) };
  setPdqBackend('wasm');
  const wasm = { plain: pdqHash(image), dihedral: pdqHashDihedral(image) };
  expect(wasm).toEqual(js);
}

function fixtureImages(): [string, () => PixelImage][] {
  const files: [string, () => PixelImage][] = readdirSync(SYNTHETIC)
    .filter((file) => /\.(ppm|pgm)$/.test(file))
    .sort()
    .map((file) => [file, () => parseNetpbm(readFileSync(SYNTHETIC + file))]);
  if (existsSync(UPSTREAM + 'generated/ppm-expected.csv')) {
    const lines = readFileSync(UPSTREAM + 'generated/ppm-expected.csv', 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const file = line.split(',')[0] ?? '';
      files.push([`upstream ${file}`, () => parseNetpbm(gunzipSync(readFileSync(UPSTREAM + file)))]);
    }
  }
  return files;
}

describe('PDQ WebAssembly kernel equals the JS path bit for bit', () => {
  const fixtures = fixtureImages();

  it('covers the synthetic vectors', () => {
    expect(fixtures.filter(([name]) => !name.startsWith('upstream')).length).toBeGreaterThanOrEqual(27);
  });

  it.each(fixtures)('%s', (_name, load) => {
    const image = load();
    if (image.width >= 1 && image.height >= 1) {
      expectSameAnalysis(analysePdq(image, true, 'js'), analysePdq(image, true, 'wasm'));
    }
    if (image.width === 64 && image.height === 64) {
      expectSameAnalysis(analysePdq(image, false, 'js'), analysePdq(image, false, 'wasm'));
    }
    expectSameHashes(image);
  });

  /** Random images: white noise mixed with smooth gradients, so quality and hashes vary. */
  function randomImage(width: number, height: number, channels: 1 | 3 | 4, seed: number): PixelImage {
    let state = seed >>> 0;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 16;
    };
    const noise = next() % 200;
    const data = new Uint8Array(width * height * channels);
    for (let y = 0, p = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < channels; c++, p++) {
          const smooth = 127 + 120 * Math.sin((x * (c + 1)) / (width / 3 + 1)) * Math.cos(y / (height / 5 + 1));
          data[p] = Math.max(0, Math.min(255, Math.round(smooth + ((next() % (noise + 1)) - noise / 2))));
        }
      }
    }
    return { width, height, channels, data };
  }

  it.each([
    [1, 1, 3],
    [2, 3, 1],
    [5, 5, 3],
    [6, 7, 4],
    [7, 5, 1],
    [9, 16, 3],
    [13, 29, 3],
    [17, 33, 4],
    [63, 65, 3],
    [64, 64, 3],
    [65, 63, 1],
    [127, 129, 3],
    [255, 17, 4],
    [333, 251, 3],
    [1023, 19, 3],
    [19, 1023, 1],
    [517, 389, 4],
    [1001, 769, 3],
    [4099, 9, 3], // wide windows
    [7, 5003, 3], // tall: pass 2 runs two blocks behind pass 1
    [11, 9001, 1], // taller still
  ] as const)('%i x %i x %i random pixels', (width, height, channels) => {
    const image = randomImage(width, height, channels, width * 7919 + height * 31 + channels);
    expectSameAnalysis(analysePdq(image, true, 'js'), analysePdq(image, true, 'wasm'));
    if (width === 64 && height === 64) {
      expectSameAnalysis(analysePdq(image, false, 'js'), analysePdq(image, false, 'wasm'));
    }
    expectSameHashes(image);
  });

  it('reuses its memory across sizes (large, then small, then large again)', () => {
    const sizes = [
      [900, 700, 3],
      [6, 6, 1],
      [300, 1200, 4],
      [900, 700, 3],
    ] as const;
    for (const [width, height, channels] of sizes) {
      const image = randomImage(width, height, channels, width + height);
      expectSameAnalysis(analysePdq(image, true, 'js'), analysePdq(image, true, 'wasm'));
    }
  });
});
