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

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whether `text` can hold a candidate at all. A candidate is a whole run of [0-9A-Za-z] (the look-arounds), of at
 * least 26 characters, or of at least 9 starting with b/t/l (bech32: `bc1` + 6). Most ads have none, and this loop
 * is much cheaper than the regex.
 */
function mayHoldWallet(text: string): boolean {
  for (let i = 0; i < text.length; ) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const first = text.charCodeAt(i);
    let j = i + 1;
    while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
    const len = j - i;
    if (len >= 26) return true;
    if (len >= 9 && (first === 98 || first === 116 || first === 108 || first === 66 || first === 84 || first === 76)) return true;
    i = j;
  }
  return false;
}

/** Finds checksum-valid wallet addresses in text (indices are into `text`). */
export function findWallets(text: string): WalletMatch[] {
  const out: WalletMatch[] = [];
  if (!mayHoldWallet(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    const info = parseWalletAddress(m[0]);
    if (info !== null) out.push({ ...info, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
