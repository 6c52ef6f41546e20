import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';
import { GENESIS_HASH, hashAuditEntry, verifyChain, type AuditEntry } from './chain.js';

function makeChain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      at: `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
      actorType: 'user',
      actorId: 'u1',
      action: 'user.create',
      targetType: 'user',
      targetId: `u${seq}`,
      ip: '127.0.0.1',
      purpose: null,
      legalBasis: null,
      outcome: 'success',
      details: canonicalJson({ n: seq }),
      prevHash: prev,
    };
    const hash = hashAuditEntry(body);
    entries.push({ ...body, hash });
    prev = hash;
  }
  return entries;
}

const headOf = (entries: AuditEntry[]) => ({ seq: entries.length, hash: entries.at(-1)?.hash ?? GENESIS_HASH });

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const chain = makeChain(5);
    expect(verifyChain(chain, headOf(chain))).toMatchObject({ ok: true, entries: 5, headSeq: 5 });
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, entries: 0 });
  });

  it('names an edited entry', () => {
    const chain = makeChain(5);
    chain[2] = { ...chain[2]!, targetId: 'someone-else' };
    expect(verifyChain(chain, headOf(makeChain(5)))).toMatchObject({ ok: false, brokenSeq: 3, reason: 'hash_mismatch' });
  });

  it('names the gap a deleted entry leaves', () => {
    const chain = makeChain(5);
    chain.splice(1, 1);
    expect(verifyChain(chain, headOf(makeChain(5)))).toMatchObject({ ok: false, brokenSeq: 3, reason: 'sequence_gap' });
  });

  it('detects a deleted entry even when the later ones were renumbered', () => {
    const chain = makeChain(5);
    chain.splice(1, 1);
    const renumbered = chain.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered, headOf(makeChain(5)))).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('detects reordered entries', () => {
    const chain = makeChain(5);
    const swapped = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[1]!, seq: 3 }, chain[3]!, chain[4]!];
    expect(verifyChain(swapped, headOf(chain))).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('detects truncation of the newest entries through the head', () => {
    const chain = makeChain(5);
    expect(verifyChain(chain.slice(0, 3), headOf(chain))).toMatchObject({ ok: false, reason: 'head_mismatch', brokenSeq: 4 });
  });
});
