import type { Chain, WalletFormat } from '../types.js';

/** A checksum-valid address found in text; the caller maps spans back to the original text. */
export interface WalletMatch {
  start: number;
  end: number;
  chain: Chain;
  network: 'mainnet' | 'testnet';
  format: WalletFormat;
  normalized: string;
  alsoValidFor?: Chain[];
}

export type WalletInfo = Omit<WalletMatch, 'start' | 'end'>;
