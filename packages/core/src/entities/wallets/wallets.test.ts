import { describe, expect, it } from 'vitest';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58CheckEncode, moneroBase58Encode } from './base58.js';
import { bech32Encode, convertBits } from './bech32.js';
import { findWallets, parseWalletAddress } from './index.js';

// Invented addresses built from invented key bytes: valid checksums, never anyone's wallet.
function inventedMonero(prefix: number, seed: number): string {
  const body = Uint8Array.from([prefix, ...Array.from({ length: 64 }, (_, i) => (seed + i * 13) & 0xff)]);
  return moneroBase58Encode(Uint8Array.from([...body, ...keccak_256(body).subarray(0, 4)]));
}
const ltcSegwit = bech32Encode('ltc', [0, ...convertBits(Array.from({ length: 20 }, (_, i) => i * 11), 8, 5, true)!], 'bech32');

const tron = base58CheckEncode(Uint8Array.from([0x41, ...Array.from({ length: 20 }, (_, i) => 200 - i)]));
const ltc = base58CheckEncode(Uint8Array.from([0x30, ...Array.from({ length: 20 }, (_, i) => i * 3)]));

describe('findWallets', () => {
  it('finds each supported chain in free text with exact indices', () => {
    const xmr = inventedMonero(18, 9);
    const text =
      `Pagos: BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, USDT (TRC20) ${tron}; ` +
      `ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed / LTC ${ltc} / ` +
      `${ltcSegwit} / XMR ${xmr}.`;
    const found = findWallets(text);
    expect(found.map((w) => w.chain)).toEqual(['bitcoin', 'tron', 'ethereum', 'litecoin', 'litecoin', 'monero']);
    for (const w of found) expect(text.slice(w.start, w.end)).toBe(w.normalized);
  });

  it('rejects look-alikes whose checksum fails', () => {
    const text = [
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5',
      `T${'x'.repeat(33)}`,
      `4${'A'.repeat(94)}`,
    ].join(' ');
    expect(findWallets(text)).toEqual([]);
  });

  it('does not match inside longer tokens', () => {
    expect(findWallets('x1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toEqual([]);
    expect(findWallets('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00')).toEqual([]);
  });

  it('lower-cases upper-case bech32 addresses', () => {
    const [w] = findWallets('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4');
    expect(w?.normalized).toBe('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
  });

  it('parses single tokens', () => {
    expect(parseWalletAddress(tron)?.chain).toBe('tron');
    expect(parseWalletAddress('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')?.format).toBe('taproot');
    expect(parseWalletAddress('hello')).toBeNull();
  });
});
