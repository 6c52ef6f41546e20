import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import {
  base58CheckDecode,
  base58CheckEncode,
  base58Decode,
  base58Encode,
  moneroBase58Decode,
  moneroBase58Encode,
} from './base58.js';
import { parseBase58Address } from './base58Chains.js';
import { parseMoneroAddress } from './monero.js';

/** Invented 20-byte hash: never a real wallet. */
const hash20 = (seed: number): Uint8Array => Uint8Array.from({ length: 20 }, (_, i) => (seed * 31 + i * 17) & 0xff);
const withVersion = (version: number, body: Uint8Array): Uint8Array => Uint8Array.from([version, ...body]);

/** Builds an invented Monero address from invented keys. */
function inventedMonero(prefix: number, seed: number, paymentId = false): string {
  const body = Uint8Array.from([prefix, ...Array.from({ length: 64 + (paymentId ? 8 : 0) }, (_, i) => (seed + i * 13) & 0xff)]);
  const sum = keccak_256(body).subarray(0, 4);
  return moneroBase58Encode(Uint8Array.from([...body, ...sum]));
}

describe('base58', () => {
  it('round-trips, keeping leading zero bytes as "1"', () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255, 128]);
    const text = base58Encode(bytes);
    expect(text.startsWith('11')).toBe(true);
    expect(base58Decode(text)).toEqual(bytes);
  });

  it('rejects characters outside the alphabet (0, O, I, l)', () => {
    for (const bad of ['0abc', 'Oabc', 'Iabc', 'labc', 'ab c', 'añ']) expect(base58Decode(bad)).toBeNull();
  });

  it('verifies the base58check checksum', () => {
    const text = base58CheckEncode(withVersion(0, hash20(1)));
    expect(base58CheckDecode(text)).toEqual(withVersion(0, hash20(1)));
    // Change one character: the checksum must fail.
    const last = text[text.length - 1] === 'a' ? 'b' : 'a';
    expect(base58CheckDecode(text.slice(0, -1) + last)).toBeNull();
  });
});

describe('base58check addresses', () => {
  it('accepts well-known documentation addresses', () => {
    // The Bitcoin genesis coinbase address and the Bitcoin wiki's P2PKH / P2SH examples.
    expect(parseBase58Address('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toMatchObject({ chain: 'bitcoin', format: 'p2pkh' });
    expect(parseBase58Address('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toMatchObject({ chain: 'bitcoin', format: 'p2pkh' });
    expect(parseBase58Address('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toMatchObject({
      chain: 'bitcoin',
      format: 'p2sh',
      alsoValidFor: ['litecoin'],
    });
  });

  it.each([
    [0x00, 'bitcoin', 'p2pkh', 'mainnet', '1'],
    [0x05, 'bitcoin', 'p2sh', 'mainnet', '3'],
    [0x6f, 'bitcoin', 'p2pkh', 'testnet', ''],
    [0xc4, 'bitcoin', 'p2sh', 'testnet', '2'],
    [0x30, 'litecoin', 'p2pkh', 'mainnet', 'L'],
    [0x32, 'litecoin', 'p2sh', 'mainnet', 'M'],
    [0x1e, 'dogecoin', 'p2pkh', 'mainnet', 'D'],
    [0x41, 'tron', 'account', 'mainnet', 'T'],
  ] as const)('version 0x%s is %s %s', (version, chain, format, network, first) => {
    const address = base58CheckEncode(withVersion(version, hash20(version)));
    if (first !== '') expect(address[0]).toBe(first);
    expect(parseBase58Address(address)).toMatchObject({ chain, format, network, normalized: address });
  });

  it('rejects unknown versions, wrong payload length and bad checksums', () => {
    expect(parseBase58Address(base58CheckEncode(withVersion(0x99, hash20(2))))).toBeNull();
    expect(parseBase58Address(base58CheckEncode(Uint8Array.from([0x41, ...hash20(3), 7])))).toBeNull();
    expect(parseBase58Address('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3')).toBeNull();
    expect(parseBase58Address('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNvN2')).toBeNull();
  });
});

describe('Monero', () => {
  it('block-encodes to fixed widths (69 bytes → 95 chars, 77 → 106)', () => {
    expect(inventedMonero(18, 1)).toHaveLength(95);
    expect(inventedMonero(19, 1, true)).toHaveLength(106);
    const bytes = Uint8Array.from({ length: 69 }, (_, i) => i);
    expect(moneroBase58Decode(moneroBase58Encode(bytes))).toEqual(bytes);
  });

  it('accepts standard (4…), subaddress (8…) and integrated addresses with a valid keccak checksum', () => {
    const standard = inventedMonero(18, 5);
    const sub = inventedMonero(42, 6);
    const integrated = inventedMonero(19, 7, true);
    expect(standard[0]).toBe('4');
    expect(sub[0]).toBe('8');
    expect(parseMoneroAddress(standard)).toMatchObject({ chain: 'monero', format: 'standard' });
    expect(parseMoneroAddress(sub)).toMatchObject({ chain: 'monero', format: 'subaddress' });
    expect(parseMoneroAddress(integrated)).toMatchObject({ chain: 'monero', format: 'integrated' });
  });

  it('rejects a changed character, a wrong network byte and a wrong length', () => {
    const standard = inventedMonero(18, 5);
    const i = 40;
    const swapped = standard.slice(0, i) + (standard[i] === 'A' ? 'B' : 'A') + standard.slice(i + 1);
    expect(parseMoneroAddress(swapped)).toBeNull();
    expect(parseMoneroAddress(inventedMonero(24, 5))).toBeNull(); // stagenet byte
    expect(parseMoneroAddress(standard.slice(0, 94))).toBeNull();
    // Structure alone is not enough: 95 base58 chars starting with 4 but no valid checksum.
    expect(parseMoneroAddress(`4${'A'.repeat(94)}`)).toBeNull();
  });
});
