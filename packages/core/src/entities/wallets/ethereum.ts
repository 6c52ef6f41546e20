import { keccak_256 } from '@noble/hashes/sha3.js';
import type { WalletInfo } from './types.js';

const HEX40 = /^0x[0-9a-fA-F]{40}$/;

/** EIP-55: upper-case each hex letter whose matching nibble of keccak256(lower-case hex) is ≥ 8. */
export function toChecksumAddress(address: string): string {
  const hex = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(hex));
  let out = '0x';
  for (let i = 0; i < hex.length; i++) {
    const ch = hex[i] ?? '';
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Validates an Ethereum (EVM) address. Mixed case must match EIP-55 exactly, because a mixed-case string with a
 * wrong checksum is a typo or a forgery; all-lower and all-upper carry no checksum and are accepted.
 */
export function parseEthereumAddress(text: string): WalletInfo | null {
  if (!HEX40.test(text)) return null;
  const body = text.slice(2);
  const checksummed = toChecksumAddress(text);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && checksummed !== text) return null;
  return { chain: 'ethereum', network: 'mainnet', format: 'account', normalized: checksummed };
}
