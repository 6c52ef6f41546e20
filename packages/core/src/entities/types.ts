import type { CountryCode } from 'libphonenumber-js';

export type { CountryCode };

export type EntityType = 'phone' | 'email' | 'wallet' | 'handle' | 'url';

/** Fields every entity carries. `start`/`end` are UTF-16 indices into the ORIGINAL text; `value` is that slice. */
export interface EntityBase {
  value: string;
  normalized: string;
  start: number;
  end: number;
}

/** Where a contact is reached through, when the text or link says so. */
export type Platform =
  | 'whatsapp'
  | 'telegram'
  | 'instagram'
  | 'snapchat'
  | 'onlyfans'
  | 'twitter'
  | 'tiktok'
  | 'facebook'
  | 'unknown';

export interface PhoneEntity extends EntityBase {
  type: 'phone';
  /** E.164, e.g. `+573105551234`. */
  normalized: string;
  /** ISO 3166-1 alpha-2 region libphonenumber assigned, when known. */
  region?: CountryCode;
  /** True when the number was written to evade matching (words, look-alike letters, styled digits, spread digits). */
  obfuscated: boolean;
  /** Set when a link or nearby keyword ties the number to a messaging app. */
  platform?: Platform;
}

export interface EmailEntity extends EntityBase {
  type: 'email';
  /** Lower-case `local@domain`. */
  normalized: string;
  /** True when `arroba`/`(at)`/`[dot]`/`punto`… replaced the real punctuation. */
  obfuscated: boolean;
}

export type Chain = 'bitcoin' | 'litecoin' | 'ethereum' | 'tron' | 'monero' | 'dogecoin';

export type WalletFormat =
  | 'p2pkh'
  | 'p2sh'
  | 'segwit-v0'
  | 'taproot'
  | 'segwit-future'
  | 'account'
  | 'standard'
  | 'subaddress'
  | 'integrated';

export interface WalletEntity extends EntityBase {
  type: 'wallet';
  chain: Chain;
  network: 'mainnet' | 'testnet';
  format: WalletFormat;
  /** Canonical text: bech32 lower-case, Ethereum EIP-55 checksummed, base58 unchanged. */
  normalized: string;
  /** Other chains that use the same address encoding (a `3…` P2SH address is valid for Bitcoin and Litecoin). */
  alsoValidFor?: Chain[];
}

export interface HandleEntity extends EntityBase {
  type: 'handle';
  platform: Platform;
  /** Lower-case user name (for WhatsApp: the E.164 number; for invites: the invite code, case kept). */
  username: string;
  /** `platform:username`, the key used to link ads. */
  normalized: string;
  kind: 'profile' | 'invite';
}

export interface UrlEntity extends EntityBase {
  type: 'url';
  /** Lower-case host without `www.`. */
  host: string;
  /** Scheme + host + path + query without tracking parameters or fragment. */
  normalized: string;
}

export type Entity = PhoneEntity | EmailEntity | WalletEntity | HandleEntity | UrlEntity;

export interface ExtractOptions {
  /** Region used for numbers written without an international prefix (site or call default). */
  defaultRegion?: CountryCode;
  /** Texts longer than this many UTF-16 units are cut before extraction. Default {@link DEFAULT_MAX_CHARS}. */
  maxChars?: number;
}

/** Ads are a few KB; a megabyte-sized "ad" is junk or an attack, and extraction is cut there. */
export const DEFAULT_MAX_CHARS = 100_000;
