import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryBankSource, type MatchableEntry } from './bankSource.js';
import { Matcher, MAX_MATCHES_PER_QUERY } from './matchService.js';
import { Problem } from './problem.js';

const randomHash = () => randomBytes(32).toString('hex');

/** The hash with `bits` distinct bits flipped. */
function flip(hash: string, bits: number): string {
  const bytes = Buffer.from(hash, 'hex');
  for (let b = 0; b < bits; b++) bytes[b >> 3]! ^= 1 << (b & 7);
  return bytes.toString('hex');
}

const pdqEntry = (id: string, hash: string, category: string | null = 'test'): MatchableEntry => ({ id, signalType: 'pdq', hash, category });

function setup() {
  let now = 0;
  const source = new MemoryBankSource();
  const matcher = new Matcher(source, { now: () => now, refreshIntervalMs: 1000 });
  return { source, matcher, tick: (ms: number) => (now += ms) };
}

describe('Matcher', () => {
  it('finds planted neighbours at every distance up to the threshold and none beyond', async () => {
    const { source, matcher } = setup();
    const query = randomHash();
    const entries = Array.from({ length: 3000 }, (_, i) => pdqEntry(`noise-${i}`, randomHash()));
    for (const d of [0, 1, 15, 16, 30, 31, 32, 40]) entries.push(pdqEntry(`d${d}`, flip(query, d)));
    source.put({ id: 'b1', name: 'one', enabled: true }, entries);
    const [result] = await matcher.match([{ signalType: 'pdq', hash: query }]);
    expect(result!.status).toBe('matched');
    expect(result!.matches.map((m) => [m.entryId, m.distance])).toEqual([0, 1, 15, 16, 30, 31].map((d) => [`d${d}`, d]));
    const [wider] = await matcher.match([{ signalType: 'pdq', hash: query }], { threshold: 40 });
    expect(wider!.matches.map((m) => m.entryId)).toEqual(['d0', 'd1', 'd15', 'd16', 'd30', 'd31', 'd32', 'd40']);
    const [exact] = await matcher.match([{ signalType: 'pdq', hash: query }], { threshold: 0 });
    expect(exact!.matches).toEqual([{ bank: 'one', bankId: 'b1', entryId: 'd0', signalType: 'pdq', category: 'test', distance: 0 }]);
  });

  it('refuses PDQ queries under quality 50 and says so', async () => {
    const { source, matcher } = setup();
    const hash = randomHash();
    source.put({ id: 'b', name: 'b', enabled: true }, [pdqEntry('e', hash)]);
    const [low, ok] = await matcher.match([
      { signalType: 'pdq', hash, quality: 49 },
      { signalType: 'pdq', hash, quality: 50 },
    ]);
    expect(low).toEqual({ status: 'low_quality', quality: 49, minQuality: 50, matches: [] });
    expect(ok!.status).toBe('matched');
  });

  it('matches MD5 and SHA-256 exactly, and only against their own type', async () => {
    const { source, matcher } = setup();
    const sha = randomHash();
    source.put({ id: 'b', name: 'b', enabled: true }, [
      { id: 'm', signalType: 'md5', hash: 'a'.repeat(32), category: null },
      { id: 's', signalType: 'sha256', hash: sha, category: null },
    ]);
    const results = await matcher.match([
      { signalType: 'md5', hash: 'a'.repeat(32) },
      { signalType: 'sha256', hash: sha },
      { signalType: 'pdq', hash: sha },
      { signalType: 'md5', hash: 'b'.repeat(32) },
    ]);
    expect(results.map((r) => r.status)).toEqual(['matched', 'matched', 'no_match', 'no_match']);
    expect(results[1]!.matches[0]).toMatchObject({ entryId: 's', distance: 0, signalType: 'sha256' });
  });

  it('sees changes made in this process at once and other processes’ after the interval', async () => {
    const { source, matcher, tick } = setup();
    const hash = randomHash();
    source.put({ id: 'b', name: 'b', enabled: true }, []);
    expect((await matcher.match([{ signalType: 'pdq', hash }]))[0]!.status).toBe('no_match');
    source.put({ id: 'b', name: 'b', enabled: true }, [pdqEntry('new', hash)]); // "another process"
    expect((await matcher.match([{ signalType: 'pdq', hash }]))[0]!.status).toBe('no_match');
    tick(1001);
    expect((await matcher.match([{ signalType: 'pdq', hash }]))[0]!.status).toBe('matched');
    source.put({ id: 'b', name: 'b', enabled: false }, [pdqEntry('new', hash)]);
    matcher.invalidate();
    expect((await matcher.match([{ signalType: 'pdq', hash }]))[0]!.status).toBe('no_match');
  });

  it('reloads only the banks whose revision changed', async () => {
    const { source, matcher } = setup();
    source.put({ id: 'a', name: 'a', enabled: true }, [pdqEntry('a1', randomHash())]);
    source.put({ id: 'b', name: 'b', enabled: true }, [pdqEntry('b1', randomHash())]);
    await matcher.match([]);
    let loads = 0;
    const original = source.entries.bind(source);
    source.entries = (id: string) => (loads++, original(id));
    source.put({ id: 'b', name: 'b', enabled: true }, [pdqEntry('b2', randomHash())]);
    matcher.invalidate();
    await matcher.match([]);
    expect(loads).toBe(1);
    expect(matcher.stats()).toMatchObject({ banks: 2, pdqEntries: 2 });
  });

  it('names unknown and disabled banks, and limits matching to the named ones', async () => {
    const { source, matcher } = setup();
    const hash = randomHash();
    source.put({ id: 'a', name: 'alpha', enabled: true }, [pdqEntry('a1', hash)]);
    source.put({ id: 'b', name: 'beta', enabled: true }, [pdqEntry('b1', hash)]);
    source.put({ id: 'c', name: 'gamma', enabled: false }, [pdqEntry('c1', hash)]);
    const [all] = await matcher.match([{ signalType: 'pdq', hash }]);
    expect(all!.matches.map((m) => m.bank).sort()).toEqual(['alpha', 'beta']);
    const [one] = await matcher.match([{ signalType: 'pdq', hash }], { banks: ['beta'] });
    expect(one!.matches.map((m) => m.bank)).toEqual(['beta']);
    await expect(matcher.match([], { banks: ['nope'] })).rejects.toMatchObject({ code: 'bank.not_found', status: 404 });
    await expect(matcher.match([], { banks: ['gamma'] })).rejects.toMatchObject({ code: 'bank.disabled' });
    await expect(matcher.match([], { threshold: 65 })).rejects.toBeInstanceOf(Problem);
  });

  it('matches rotations and flips by their variants, reporting each entry once at its nearest', async () => {
    const { source, matcher } = setup();
    const hash = randomHash();
    const rotated = randomHash();
    source.put({ id: 'b', name: 'b', enabled: true }, [pdqEntry('rot', rotated)]);
    const [plain] = await matcher.match([{ signalType: 'pdq', hash, variants: { rotate90: flip(rotated, 3) } }]);
    expect(plain!.status).toBe('no_match');
    const [dihedral] = await matcher.match([{ signalType: 'pdq', hash, variants: { original: hash, rotate90: flip(rotated, 3), flipX: flip(rotated, 9) } }], { dihedral: true });
    expect(dihedral!.matches).toEqual([expect.objectContaining({ entryId: 'rot', distance: 3, variant: 'rotate90' })]);
  });

  it('caps the matches of one query, nearest first', async () => {
    const { source, matcher } = setup();
    const hash = randomHash();
    source.put({ id: 'b', name: 'b', enabled: true }, Array.from({ length: 150 }, (_, i) => pdqEntry(`e${i}`, flip(hash, i % 20))));
    const [r] = await matcher.match([{ signalType: 'pdq', hash }]);
    expect(r).toMatchObject({ status: 'matched', truncated: true });
    expect(r!.matches).toHaveLength(MAX_MATCHES_PER_QUERY);
    expect(r!.matches[0]!.distance).toBe(0);
  });
});

describe('Matcher work limits', () => {
  it('refuses whole-bank scans that would exceed the budget, and answers smaller ones', async () => {
    const source = new MemoryBankSource();
    source.put({ id: 'b', name: 'b', enabled: true }, Array.from({ length: 5000 }, (_, i) => pdqEntry(`e${i}`, randomHash())));
    const matcher = new Matcher(source);
    const queries = Array.from({ length: 1000 }, () => ({ signalType: 'pdq' as const, hash: randomHash() }));
    await expect(matcher.match(queries, { threshold: 64, dihedral: true })).rejects.toMatchObject({ code: 'match.too_costly', status: 422 });
    expect(await matcher.match(queries.slice(0, 100), { threshold: 64 })).toHaveLength(100);
    expect(await matcher.match(queries.slice(0, 100), { threshold: 47, dihedral: true })).toHaveLength(100);
  });
});
