import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jpegDecoder } from '../packages/server/src/media/decode.js';
import { hashImageFile } from '../packages/server/src/media/hashImageFile.js';

const UPSTREAM = fileURLToPath(new URL('../../shared/data/pdq/upstream/pdq/data/', import.meta.url));

/** End to end (read bytes → decode at full resolution → PDQ, MD5, SHA-256) on the upstream photo set, with the JPEG fast path and with sharp alone. */
export async function run(): Promise<void> {
  if (!existsSync(UPSTREAM)) {
    console.log(`skipped: ${UPSTREAM} is absent (the upstream PDQ images live in ../shared)`);
    return;
  }
  const files = walk(UPSTREAM).filter((f) => /\.jpe?g$/i.test(f)); // the target is on the JPEG set
  const bytes = files.map((f) => readFileSync(f));
  for (const b of bytes) await hashImageFile(b); // warm-up: JIT, sharp's thread pool, the WebAssembly kernel
  const rounds = 3;
  const sequential = async (decoder: 'auto' | 'sharp') => {
    const perImage: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const b of bytes) {
        const t = performance.now();
        await hashImageFile(b, { decoder });
        perImage.push(performance.now() - t);
      }
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    perImage.sort((a, b) => a - b);
    const q = (p: number) => perImage[Math.min(perImage.length - 1, Math.floor(p * perImage.length))]!.toFixed(2);
    return { mean: wall / perImage.length, median: q(0.5), p90: q(0.9), cpu: (cpu.user + cpu.system) / 1000 / perImage.length };
  };
  const sharpOnly = await sequential('sharp');
  const auto = await sequential('auto');
  console.log(`decode + hash (full resolution, + MD5 + SHA-256), ${files.length} upstream JPEGs × ${rounds}, one at a time:`);
  console.log(`  JPEG decoder ${jpegDecoder}: mean ${auto.mean.toFixed(2)} ms, median ${auto.median} ms, p90 ${auto.p90} ms, process CPU ${auto.cpu.toFixed(2)} ms (target ≤ 8 ms per image)`);
  console.log(`  sharp (RGB, then luma): mean ${sharpOnly.mean.toFixed(2)} ms, median ${sharpOnly.median} ms, p90 ${sharpOnly.p90} ms; ratio ${(sharpOnly.mean / auto.mean).toFixed(2)}×`);

  // Throughput with two files in flight: sharp decodes on libuv's threads while the hash runs on the main one.
  const t1 = performance.now();
  for (let r = 0; r < rounds; r++) {
    let next = 0;
    const lane = async () => {
      while (next < bytes.length) await hashImageFile(bytes[next++]!);
    };
    await Promise.all([lane(), lane()]);
  }
  const perImageConcurrent = (performance.now() - t1) / (rounds * bytes.length);
  console.log(`  two files in flight (2 cores): ${perImageConcurrent.toFixed(2)} ms per image, ${(1000 / perImageConcurrent).toFixed(0)} images/s`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
