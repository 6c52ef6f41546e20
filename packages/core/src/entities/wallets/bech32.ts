/** Bech32 (BIP-173) and Bech32m (BIP-350) decoding, plus segwit address rules. */

export type Bech32Encoding = 'bech32' | 'bech32m';

export const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const CHARSET_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < BECH32_CHARSET.length; i++) CHARSET_INDEX[BECH32_CHARSET.charCodeAt(i)] = i;

const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GENERATOR[i]!) >>> 0;
  }
  return chk;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

export interface Bech32Decoded {
  hrp: string;
  /** 5-bit words without the 6-word checksum. */
  words: number[];
  encoding: Bech32Encoding;
}

/** Decodes a Bech32 or Bech32m string; `null` if any rule of BIP-173/350 is broken. */
export function bech32Decode(text: string): Bech32Decoded | null {
  if (text.length > 90) return null;
  let hasLower = false;
  let hasUpper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 33 || c > 126) return null;
    if (c >= 97 && c <= 122) hasLower = true;
    else if (c >= 65 && c <= 90) hasUpper = true;
  }
  if (hasLower && hasUpper) return null;
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return null;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (let i = sep + 1; i < lower.length; i++) {
    const v = CHARSET_INDEX[lower.charCodeAt(i)] ?? -1;
    if (v < 0) return null;
    data.push(v);
  }
  const check = polymod([...hrpExpand(hrp), ...data]);
  const encoding: Bech32Encoding | null =
    check === BECH32_CONST ? 'bech32' : check === BECH32M_CONST ? 'bech32m' : null;
  if (encoding === null) return null;
  return { hrp, words: data.slice(0, -6), encoding };
}

/** Encodes words with a checksum (tests build invented addresses with it). */
export function bech32Encode(hrp: string, words: readonly number[], encoding: Bech32Encoding): string {
  const values = [...hrpExpand(hrp), ...words, 0, 0, 0, 0, 0, 0];
  const mod = polymod(values) ^ (encoding === 'bech32' ? BECH32_CONST : BECH32M_CONST);
  let out = `${hrp}1`;
  for (const w of words) out += BECH32_CHARSET[w];
  for (let i = 0; i < 6; i++) out += BECH32_CHARSET[(mod >>> (5 * (5 - i))) & 31];
  return out;
}

/** Regroups bits (8→5 or 5→8); with `pad` false, leftover bits must be fewer than `from` and all zero. */
export function convertBits(data: readonly number[], from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const value of data) {
    if (value < 0 || value >> from !== 0) return null;
    acc = (acc << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
    acc &= (1 << bits) - 1; // keep the accumulator small
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return null;
  }
  return out;
}

export interface SegwitAddress {
  hrp: string;
  version: number;
  program: Uint8Array;
}

/** Decodes a segwit address for the expected HRP (`bc`, `tb`, `ltc`, …), enforcing BIP-141/173/350 rules. */
export function decodeSegwitAddress(expectedHrp: string, address: string): SegwitAddress | null {
  const dec = bech32Decode(address);
  if (dec === null || dec.hrp !== expectedHrp || dec.words.length < 1) return null;
  const version = dec.words[0] ?? -1;
  if (version > 16) return null;
  if ((version === 0) !== (dec.encoding === 'bech32')) return null;
  const program = convertBits(dec.words.slice(1), 5, 8, false);
  if (program === null || program.length < 2 || program.length > 40) return null;
  if (version === 0 && program.length !== 20 && program.length !== 32) return null;
  return { hrp: dec.hrp, version, program: Uint8Array.from(program) };
}
