import type { Chain } from '../types.js';
import { decodeSegwitAddress } from './bech32.js';
import type { WalletInfo } from './types.js';

const HRPS: ReadonlyArray<{ hrp: string; chain: Chain; network: 'mainnet' | 'testnet' }> = [
  { hrp: 'bc', chain: 'bitcoin', network: 'mainnet' },
  { hrp: 'tb', chain: 'bitcoin', network: 'testnet' },
  { hrp: 'ltc', chain: 'litecoin', network: 'mainnet' },
  { hrp: 'tltc', chain: 'litecoin', network: 'testnet' },
];

/** Validates a Bitcoin or Litecoin native segwit address (bech32 for v0, bech32m for v1+). */
export function parseSegwitAddress(text: string): WalletInfo | null {
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  const entry = HRPS.find((h) => h.hrp === lower.slice(0, sep));
  if (entry === undefined) return null;
  const decoded = decodeSegwitAddress(entry.hrp, text);
  if (decoded === null) return null;
  const format =
    decoded.version === 0 ? 'segwit-v0' : decoded.version === 1 && decoded.program.length === 32 ? 'taproot' : 'segwit-future';
  return { chain: entry.chain, network: entry.network, format, normalized: lower };
}
