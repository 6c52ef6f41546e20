import { keccak_256 } from '@noble/hashes/sha3.js';
import type { WalletFormat } from '../types.js';
import { moneroBase58Decode } from './base58.js';
import type { WalletInfo } from './types.js';

// Mainnet network bytes (single-byte varints): standard 18, integrated 19, subaddress 42.
const PREFIXES: ReadonlyMap<number, { format: WalletFormat; bytes: number }> = new Map([
  [18, { format: 'standard' as const, bytes: 69 }],
  [19, { format: 'integrated' as const, bytes: 77 }],
  [42, { format: 'subaddress' as const, bytes: 69 }],
]);

/**
 * Validates a Monero mainnet address: 95 chars (106 integrated), block base58 decoding to prefix + spend key +
 * view key (+ payment id) + 4-byte keccak-256 checksum.
 */
export function parseMoneroAddress(text: string): WalletInfo | null {
  if (text.length !== 95 && text.length !== 106) return null;
  const bytes = moneroBase58Decode(text);
  if (bytes === null) return null;
  const prefix = PREFIXES.get(bytes[0] ?? -1);
  if (prefix === undefined || prefix.bytes !== bytes.length) return null;
  const body = bytes.subarray(0, bytes.length - 4);
  const hash = keccak_256(body);
  for (let i = 0; i < 4; i++) if (bytes[body.length + i] !== hash[i]) return null;
  return { chain: 'monero', network: 'mainnet', format: prefix.format, normalized: text };
}
