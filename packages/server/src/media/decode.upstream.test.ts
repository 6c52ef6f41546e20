import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { hammingDistance, parseNetpbm, pdqHash, pdqHashDihedral } from '@centinela/core';
import { describe, expect, it } from 'vitest';
import { decodeImage, jpegDecoder } from './decode.js';

/**
 * Upstream conformance from image files: sharp's decode + our PDQ vs the C++ reference tool.
 * Upstream's rule: within Hamming distance 10 when the reference quality is >= 80. The reference
 * tool squashes images over 512 px to 512x512 (nearest neighbour) first; we hash full resolution,
 * which costs a few bits on those rows. Data stays in ../shared and is never copied here.
 */
const UPSTREAM = fileURLToPath(new URL('../../../../../shared/data/pdq/upstream/', import.meta.url));
const present = existsSync(UPSTREAM + 'generated/cpp-reference-hashes.csv');

interface ReferenceRow {
  readonly file: string;
  readonly hash: string;
  readonly quality: number;
  readonly preResized: boolean;
}

function referenceRows(): ReferenceRow[] {
  if (!present) return [];
  const [, ...lines] = readFileSync(UPSTREAM + 'generated/cpp-reference-hashes.csv', 'utf8').trim().split('\n');
  return lines
    .map((line) => {
      const [file = '', , , hash = '', quality = '', note = ''] = line.split(',');
      return { file, hash, quality: Number(quality), preResized: note.includes('pre-resized') };
    })
    .filter((row) => row.hash !== '' && existsSync(UPSTREAM + row.file));
}

describe.skipIf(!present)(
  present ? 'PDQ from upstream image files (sharp decode)' : `PDQ upstream file conformance: SKIPPED, ${UPSTREAM} is absent`,
  () => {
    const rows = referenceRows();

    // `auto` is the libjpeg-turbo fast path where it was built at install; `sharp` is the RGB path everywhere.
    const decoders = jpegDecoder === 'sharp' ? (['sharp'] as const) : (['auto', 'sharp'] as const);
    it.each(decoders)('stays within distance 10 of the C++ reference for quality >= 80, and reports the distribution (decoder %s)', async (decoder) => {
      expect(rows.length).toBeGreaterThanOrEqual(29);
      const distances: { file: string; distance: number; quality: number; preResized: boolean }[] = [];
      for (const row of rows) {
        const { hash, quality } = pdqHash(await decodeImage(readFileSync(UPSTREAM + row.file), { decoder }));
        distances.push({ file: row.file, distance: hammingDistance(hash, row.hash), quality, preResized: row.preResized });
      }
      const histogram = new Map<number, number>();
      for (const { distance } of distances) histogram.set(distance, (histogram.get(distance) ?? 0) + 1);
      const summary = (subset: typeof distances): string => {
        const sorted = subset.map((d) => d.distance).sort((a, b) => a - b);
        const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
        return `n=${sorted.length} min=${sorted[0]} median=${sorted[sorted.length >> 1]} mean=${mean.toFixed(2)} max=${sorted.at(-1)}`;
      };
      console.log(
        [
          `PDQ upstream distance distribution (decoder ${decoder === 'auto' ? jpegDecoder : 'sharp'} for JPEGs, full resolution, vs C++ reference):`,
          `  all rows: ${summary(distances)}`,
          `  native size (<= 512 px, no reference pre-resize): ${summary(distances.filter((d) => !d.preResized))}`,
          `  reference pre-resized to 512x512: ${summary(distances.filter((d) => d.preResized))}`,
          `  histogram distance:count ${[...histogram].sort((a, b) => a[0] - b[0]).map(([d, n]) => `${d}:${n}`).join(' ')}`,
          ...distances.map((d) => `  ${String(d.distance).padStart(3)}  q=${String(d.quality).padStart(3)}  ${d.file}${d.preResized ? ' (ref pre-resized)' : ''}`),
        ].join('\n'),
      );
      for (const row of rows) {
        const measured = distances.find((d) => d.file === row.file);
        // Upstream's bound applies from quality 80 (under 50 is never matched anyway).
        if (row.quality >= 80) expect(measured?.distance, row.file).toBeLessThanOrEqual(10);
      }
    });

    it('decodes the lossless RGBA PNG to exactly the reference core hash of its RGB pixels', async () => {
      const image = await decodeImage(readFileSync(UPSTREAM + 'pdq/data/misc-images/c.png'));
      expect([image.width, image.height, image.channels]).toEqual([1432, 812, 3]);
      expect(pdqHash(image)).toEqual({ hash: 'e64cc9d91c623882f8d1f1d9a398e78c9f199b3bd83924f2b7e11e0bf861b064', quality: 100 });
    });

    it('decodes JPEGs to (nearly) the reference libjpeg-turbo pixels', async () => {
      const lines = readFileSync(UPSTREAM + 'generated/ppm-expected.csv', 'utf8').trim().split('\n').slice(1);
      const sources: Record<string, string> = {
        wee: 'pdq/data/misc-images/wee.jpg',
        small: 'pdq/data/misc-images/small.jpg',
        'shrink-a-lot': 'pdq/data/bridge-mods/shrink-a-lot.jpg',
        'square-128x128': 'pdq/data/bridge-mods/square-128x128.jpg',
        'square-256x256': 'pdq/data/bridge-mods/square-256x256.jpg',
      };
      const report: string[] = [];
      for (const line of lines) {
        const [file = '', , , , orig = ''] = line.split(',');
        const stem = file.replace(/^generated\/ppm\//, '').replace(/\.ppm\.gz$/, '');
        const source = sources[stem] ?? `pdq/data/reg-test-input/labelme-subset/${stem}.jpg`;
        if (!existsSync(UPSTREAM + source)) continue;
        const reference = parseNetpbm(gunzipSync(readFileSync(UPSTREAM + file)));
        const decoded = await decodeImage(readFileSync(UPSTREAM + source), { decoder: 'sharp' });
        expect([decoded.width, decoded.height]).toEqual([reference.width, reference.height]);
        let differing = 0;
        let maxDelta = 0;
        if (decoded.channels === reference.channels) {
          for (let i = 0; i < decoded.data.length; i++) {
            const delta = Math.abs(decoded.data[i]! - reference.data[i]!);
            if (delta) differing++;
            maxDelta = Math.max(maxDelta, delta);
          }
        }
        const distance = hammingDistance(pdqHash(decoded).hash, orig);
        report.push(`  ${stem}: channels ${decoded.channels}/${reference.channels}, differing bytes ${differing}, max delta ${maxDelta}, pdq distance ${distance}`);
      }
      console.log(['sharp JPEG decode vs reference pixels (generated/ppm):', ...report].join('\n'));
      expect(report.length).toBeGreaterThanOrEqual(12);
    });

    it('computes dihedral hashes of the bridge photo close to the reference', async () => {
      const [, ...lines] = readFileSync(UPSTREAM + 'generated/cpp-reference-dihedral.csv', 'utf8').trim().split('\n');
      const row = lines.find((line) => line.startsWith('pdq/data/bridge-mods/square-256x256.jpg'))?.split(',') ?? [];
      const result = pdqHashDihedral(await decodeImage(readFileSync(UPSTREAM + 'pdq/data/bridge-mods/square-256x256.jpg')));
      const ours = Object.values(result.hashes);
      ours.forEach((hash, i) => expect(hammingDistance(hash, row[i + 1] ?? '')).toBeLessThanOrEqual(10));
    });
  },
);
