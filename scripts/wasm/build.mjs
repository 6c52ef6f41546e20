#!/usr/bin/env node
// Compiles the hand-written PDQ kernel (packages/core/src/media/wasm/pdqKernel.wat) with wabt and writes
// packages/core/src/media/wasm/pdqKernel.generated.ts, which holds the binary as base64.
//
//   node scripts/wasm/build.mjs            write the module
//   node scripts/wasm/build.mjs --check    exit 1 if the committed module differs from what the .wat gives
//
// The functions are exported so the core test (media/pdqWasm.test.ts) can rebuild the binary in memory and
// compare it with the committed one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import wabtInit from 'wabt';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
export const WAT_PATH = path.join(REPO_ROOT, 'packages/core/src/media/wasm/pdqKernel.wat');
export const OUT_PATH = path.join(REPO_ROOT, 'packages/core/src/media/wasm/pdqKernel.generated.ts');

/** The wasm binary for the given WebAssembly text. Deterministic (no names section). */
export async function compileWat(text, filename = 'pdqKernel.wat') {
  const wabt = await wabtInit();
  const module = wabt.parseWat(filename, text, { simd: true, bulk_memory: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({ write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}

/** The TypeScript module text for a binary. */
export function renderModule(binary) {
  const base64 = Buffer.from(binary).toString('base64');
  const lines = [];
  for (let i = 0; i < base64.length; i += 100) lines.push(`  '${base64.slice(i, i + 100)}'`);
  return [
    '// GENERATED FILE — do not edit. Made by scripts/wasm/build.mjs from pdqKernel.wat (WebAssembly text, SIMD),',
    '// compiled with wabt. Regenerate with `node scripts/wasm/build.mjs` after editing the .wat; `--check` and',
    '// media/pdqWasm.test.ts verify that this file matches the .wat.',
    '',
    `/** The PDQ kernel binary (${binary.length} bytes), base64. */`,
    'export const PDQ_KERNEL_WASM_BASE64 =',
    lines.join(' +\n') + ';',
    '',
  ].join('\n');
}

/** The generated module text for the .wat at `watPath`. */
export async function generate(watPath = WAT_PATH) {
  return renderModule(await compileWat(readFileSync(watPath, 'utf8'), path.basename(watPath)));
}

async function main(args) {
  const text = await generate();
  if (args.includes('--check')) {
    const current = readFileSync(OUT_PATH, 'utf8');
    if (current !== text) {
      console.error(`${path.relative(REPO_ROOT, OUT_PATH)} is stale: run node scripts/wasm/build.mjs`);
      process.exit(1);
    }
    console.log(`${path.relative(REPO_ROOT, OUT_PATH)} is up to date`);
    return;
  }
  writeFileSync(OUT_PATH, text);
  console.log(`wrote ${path.relative(REPO_ROOT, OUT_PATH)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv.slice(2));
}
