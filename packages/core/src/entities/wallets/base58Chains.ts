import type { Chain, WalletFormat } from '../types.js';
import { base58CheckDecode } from './base58.js';
import type { WalletInfo } from './types.js';

interface VersionInfo {
  chain: Chain;
  network: 'mainnet' | 'testnet';
  format: WalletFormat;
  alsoValidFor?: Chain[];
}

// Version bytes of 20-byte-hash base58check addresses. 0x05 is Bitcoin P2SH and also Litecoin's legacy P2SH.
const VERSIONS: ReadonlyMap<number, VersionInfo> = new Map<number, VersionInfo>([
  [0x00, { chain: 'bitcoin', network: 'mainnet', format: 'p2pkh' }],
  [0x05, { chain: 'bitcoin', network: 'mainnet', format: 'p2sh', alsoValidFor: ['litecoin'] }],
  [0x6f, { chain: 'bitcoin', network: 'testnet', format: 'p2pkh' }],
  [0xc4, { chain: 'bitcoin', network: 'testnet', format: 'p2sh' }],
  [0x30, { chain: 'litecoin', network: 'mainnet', format: 'p2pkh' }],
  [0x32, { chain: 'litecoin', network: 'mainnet', format: 'p2sh' }],
  [0x1e, { chain: 'dogecoin', network: 'mainnet', format: 'p2pkh' }],
  [0x16, { chain: 'dogecoin', network: 'mainnet', format: 'p2sh' }],
  [0x41, { chain: 'tron', network: 'mainnet', format: 'account' }],
]);

/** Validates a base58check address (Bitcoin, Litecoin, Dogecoin, Tron) by checksum and version byte. */
export function parseBase58Address(text: string): WalletInfo | null {
  const payload = base58CheckDecode(text);
  if (payload === null || payload.length !== 21) return null;
  const info = VERSIONS.get(payload[0] ?? -1);
  if (info === undefined) return null;
  return { ...info, normalized: text };
}
