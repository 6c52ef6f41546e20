import { parseBase58Address } from './base58Chains.js';
import { parseEthereumAddress } from './ethereum.js';
import { parseMoneroAddress } from './monero.js';
import { parseSegwitAddress } from './segwit.js';
import type { WalletInfo, WalletMatch } from './types.js';

export * from './base58.js';
export * from './bech32.js';
export { parseBase58Address } from './base58Chains.js';
export { parseEthereumAddress, toChecksumAddress } from './ethereum.js';
export { parseMoneroAddress } from './monero.js';
export { parseSegwitAddress } from './segwit.js';
export type { WalletInfo, WalletMatch } from './types.js';

// Candidates are found by shape, then kept only if a checksum validates: the pattern alone proves nothing.
// The look-arounds stop a match inside a longer alphanumeric token.
const CANDIDATE =
  /(?<![0-9A-Za-z])(?:0x[0-9a-fA-F]{40}|(?:bc|tb|ltc|tltc|BC|TB|LTC|TLTC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}|[1-9A-HJ-NP-Za-km-z]{26,106})(?![0-9A-Za-z])/g;

/** Parses one token as any supported address, or `null`. */
export function parseWalletAddress(token: string): WalletInfo | null {
  if (token.startsWith('0x')) return parseEthereumAddress(token);
  const lower = token.slice(0, 5).toLowerCase();
  if (/^(?:bc|tb|ltc|tltc)1/.test(lower)) {
    const segwit = parseSegwitAddress(token);
    if (segwit !== null) return segwit;
  }
  if (token.length === 95 || token.length === 106) return parseMoneroAddress(token);
  if (token.length <= 35) return parseBase58Address(token);
  return null;
}

/** Finds checksum-valid wallet addresses in text (indices are into `text`). */
export function findWallets(text: string): WalletMatch[] {
  const out: WalletMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const info = parseWalletAddress(m[0]);
    if (info !== null) out.push({ ...info, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
