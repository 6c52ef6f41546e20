import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../stats/rng.js';
import { HashIndex, type HashMatch } from './hashIndex.js';

// Deterministic PRNG so failures reproduce.
const prng = mulberry32;

const HEX = '0123456789abcdef';

function randomHash(rand: () => number): string {
  let hex = '';
  for (let i = 0; i < 64; i++) hex += HEX[Math.floor(rand() * 16)];
  return hex;
}

/** Flips exactly `bits` distinct random bits. */
function flipBits(hash: string, bits: number, rand: () => number): string {
  const nibbles = [...hash].map((c) => parseInt(c, 16));
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(rand() * 256));
  for (const bit of chosen) nibbles[bit >> 2]! ^= 1 << (bit & 3);
  return nibbles.map((n) => HEX[n]).join('');
}

// Independent of the code under test: nibble-wise XOR with a lookup table.
const NIBBLE_BITS = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];
const nibbleCache = new Map<string, Uint8Array>();
function nibbles(hash: string): Uint8Array {
  let cached = nibbleCache.get(hash);
  if (!cached) nibbleCache.set(hash, (cached = Uint8Array.from(hash, (c) => parseInt(c, 16))));
  return cached;
}
function referenceDistance(a: string, b: string): number {
  const x = nibbles(a.toLowerCase());
  const y = nibbles(b.toLowerCase());
  let d = 0;
  for (let i = 0; i < 64; i++) d += NIBBLE_BITS[x[i]! ^ y[i]!]!;
  return d;
}

function bruteForce<T>(entries: readonly (readonly [string, T])[], query: string, radius: number): [T, number][] {
  return entries
    .map(([hash, value]) => [value, referenceDistance(hash, query)] as [T, number])
    .filter(([, d]) => d <= radius);
}

const canonical = <T>(pairs: [T, number][]): string[] => pairs.map(([v, d]) => `${String(v)}@${d}`).sort();
const asPairs = <T>(matches: HashMatch<T>[]): [T, number][] => matches.map((m) => [m.value, m.distance]);

describe('HashIndex', () => {
  it('returns exact matches with distances, nearest first', () => {
    const rand = prng(1);
    const base = randomHash(rand);
    const index = new HashIndex<string>();
    index.add(flipBits(base, 31, rand), 'd31');
    index.add(flipBits(base, 32, rand), 'd32');
    index.add(base, 'd0');
    index.add(flipBits(base, 5, rand).toUpperCase(), 'd5');
    const result = index.query(base);
    expect(result.map((m) => [m.value, m.distance])).toEqual([
      ['d0', 0],
      ['d5', 5],
      ['d31', 31],
    ]);
    expect(result[0]?.hash).toBe(base);
    expect(index.query(base, 32).map((m) => m.value)).toContain('d32');
    expect(index.size).toBe(4);
  });

  it('rejects malformed hashes and radii', () => {
    const index = new HashIndex<number>();
    expect(() => index.add('abc', 1)).toThrow(/64 hexadecimal/);
    expect(() => index.query('z'.repeat(64))).toThrow(/64 hexadecimal/);
    expect(() => index.query('0'.repeat(64), -1)).toThrow(RangeError);
    expect(() => index.query('0'.repeat(64), 1.5)).toThrow(RangeError);
  });

  it.each([
    { seed: 11, radius: 31 },
    { seed: 12, radius: 31 },
    { seed: 13, radius: 0 },
    { seed: 14, radius: 15 },
    { seed: 15, radius: 40 },
    { seed: 16, radius: 64 },
  ])('equals brute force with planted neighbours (seed $seed, radius $radius)', ({ seed, radius }) => {
    const rand = prng(seed);
    const queries = Array.from({ length: 60 }, () => randomHash(rand));
    const entries: [string, number][] = [];
    // Random background, plus neighbours of each query at every distance 0..45.
    for (let i = 0; i < 2500; i++) entries.push([randomHash(rand), entries.length]);
    for (const q of queries) {
      for (let d = 0; d <= 45; d++) {
        if (rand() < 0.6) entries.push([flipBits(q, d, rand), entries.length]);
      }
    }
    // Duplicates of one hash carrying different values.
    entries.push([queries[0]!, entries.length], [queries[0]!, entries.length + 1]);

    const index = new HashIndex<number>();
    index.reserve(entries.length);
    index.addAll(entries.slice(0, 3000)); // probe tables
    for (const [hash, value] of entries.slice(3000)) index.add(hash, value); // pending tail
    expect(index.size).toBe(entries.length);

    let planted = 0;
    for (const q of queries) {
      const expected = bruteForce(entries, q, radius);
      planted += expected.length;
      const got = index.query(q, radius);
      expect(canonical(asPairs(got))).toEqual(canonical(expected));
      expect(got.map((m) => m.distance)).toEqual([...got.map((m) => m.distance)].sort((a, b) => a - b));
      expect(canonical(asPairs(index.queryByScan(q, radius)))).toEqual(canonical(expected));
    }
    if (radius >= 31) expect(planted).toBeGreaterThan(queries.length * 10);
  });

  it('stays exact across removals, compaction and rebuilds', () => {
    const rand = prng(99);
    const q = randomHash(rand);
    let entries: [string, number][] = [];
    for (let i = 0; i < 6000; i++) entries.push([i % 3 ? randomHash(rand) : flipBits(q, i % 40, rand), i]);
    const index = new HashIndex<number>(entries);

    // Remove a third by hash (one value each), then all entries of one planted hash.
    const removedValues = new Set<number>();
    for (const [hash, value] of entries) {
      if (value % 3 === 0 && value % 2 === 0) {
        expect(index.remove(hash, value)).toBe(1);
        removedValues.add(value);
      }
    }
    entries = entries.filter(([, value]) => !removedValues.has(value));
    expect(index.size).toBe(entries.length);
    expect(canonical(asPairs(index.query(q)))).toEqual(canonical(bruteForce(entries, q, 31)));

    index.rebuild();
    const [victim] = entries.filter(([, v]) => v % 3 === 0);
    expect(victim).toBeDefined();
    const removed = index.remove(victim![0]);
    entries = entries.filter(([hash]) => hash !== victim![0]);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(index.remove(victim![0])).toBe(0);
    expect(canonical(asPairs(index.query(q)))).toEqual(canonical(bruteForce(entries, q, 31)));

    index.clear();
    expect(index.size).toBe(0);
    expect(index.query(q)).toEqual([]);
  });
});

// Upstream regression data: 100 needles vs 1350 haystack hashes, with the exhaustive pair list.
const UPSTREAM = fileURLToPath(new URL('../../../../../shared/data/pdq/upstream/', import.meta.url));
const upstreamPresent = existsSync(UPSTREAM + 'generated/needles-vs-haystack-bruteforce-d32.csv');

describe.skipIf(!upstreamPresent)(
  upstreamPresent ? 'HashIndex on upstream needles vs haystack' : `HashIndex upstream suite: SKIPPED, ${UPSTREAM} is absent`,
  () => {
    const lines = (file: string): string[] => readFileSync(UPSTREAM + file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

    it('finds exactly the 250 brute-force pairs within 32', () => {
      const needles = lines('pdq/data/reg-test-input/needles.txt');
      const haystack = lines('pdq/data/reg-test-input/haystack.txt');
      expect([needles.length, haystack.length]).toEqual([100, 1350]);
      const index = new HashIndex<number>();
      haystack.forEach((hash, i) => index.add(hash, i));
      index.rebuild();

      const expected = lines('generated/needles-vs-haystack-bruteforce-d32.csv')
        .slice(1)
        .map((row) => {
          const [needle, , hay, , distance] = row.split(',');
          return `${needle}:${hay}:${distance}`;
        })
        .sort();
      expect(expected).toHaveLength(250);
      const got = needles.flatMap((needle, n) => index.query(needle, 32).map((m) => `${n}:${m.value}:${m.distance}`)).sort();
      expect(got).toEqual(expected);
    });
  },
);
