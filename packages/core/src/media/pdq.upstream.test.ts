import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseNetpbm } from './netpbm.js';
import { pdqHash, pdqHashDihedral } from './pdq.js';

// Decoder-independent upstream vectors: raw pixels of upstream JPEGs, hashed by the C++ reference.
// They live in the shared data folder next to the repository and are never copied into it.
const UPSTREAM = fileURLToPath(new URL('../../../../../shared/data/pdq/upstream/', import.meta.url));
const present = existsSync(UPSTREAM + 'generated/ppm-expected.csv');

const COLUMNS = ['orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipplus1', 'flipminus1'] as const;
const NAMES = ['original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'flipPlus1', 'flipMinus1'] as const;

function rows(): Record<string, string>[] {
  if (!present) return [];
  const [header, ...lines] = readFileSync(UPSTREAM + 'generated/ppm-expected.csv', 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i] ?? '', cell])));
}

describe.skipIf(!present)(
  present ? 'PDQ upstream raw-pixel vectors (exact)' : `PDQ upstream raw-pixel vectors: SKIPPED, ${UPSTREAM} is absent`,
  () => {
    const vectors = rows();

    it('has the 13 vectors', () => {
      expect(vectors).toHaveLength(13);
    });

    it.each(vectors)('$file', (row) => {
      const image = parseNetpbm(gunzipSync(readFileSync(UPSTREAM + (row['file'] ?? ''))));
      expect([image.width, image.height]).toEqual([Number(row['width']), Number(row['height'])]);
      expect(pdqHash(image)).toEqual({ hash: row['orig'], quality: Number(row['quality']) });
      const dihedral = pdqHashDihedral(image);
      expect(dihedral.quality).toBe(Number(row['quality']));
      expect(NAMES.map((name) => dihedral.hashes[name])).toEqual(COLUMNS.map((column) => row[column]));
    });
  },
);
