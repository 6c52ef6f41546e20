import { sha256 } from '@noble/hashes/sha2.js';

/** The Bitcoin base58 alphabet (no 0, O, I, l), shared by Bitcoin, Litecoin, Tron, Dogecoin and Monero. */
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE58_ALPHABET.length; i++) DIGIT_OF[BASE58_ALPHABET.charCodeAt(i)] = i;

/** Decodes base58 text to bytes, or `null` when a character is outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  // Little-endian base-256 accumulator; inputs are short (≤ 120 chars) so quadratic work is fine.
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (DIGIT_OF[code] ?? -1) : -1;
    if (digit < 0) return null;
    let carry = digit;
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] ?? 0) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[zeros + i] = bytes[bytes.length - 1 - i] ?? 0;
  return out;
}

/** Encodes bytes as base58 (used by tests to build invented addresses). */
export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] ?? 0;
    for (let j = 0; j < digits.length; j++) {
      carry += (digits[j] ?? 0) << 8;
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = '1'.repeat(zeros);
  for (let i = digits.length - 1; i >= 0; i--) out += BASE58_ALPHABET[digits[i] ?? 0];
  return out;
}

function checksum4(payload: Uint8Array): Uint8Array {
  return sha256(sha256(payload)).subarray(0, 4);
}

/** Decodes base58check: returns the payload (version byte included) when the 4-byte double-SHA-256 checksum holds. */
export function base58CheckDecode(text: string): Uint8Array | null {
  const raw = base58Decode(text);
  if (raw === null || raw.length < 5) return null;
  const payload = raw.subarray(0, raw.length - 4);
  const expected = checksum4(payload);
  for (let i = 0; i < 4; i++) if (raw[raw.length - 4 + i] !== expected[i]) return null;
  return payload;
}

/** Encodes payload + checksum (tests build invented addresses with it). */
export function base58CheckEncode(payload: Uint8Array): string {
  const out = new Uint8Array(payload.length + 4);
  out.set(payload);
  out.set(checksum4(payload), payload.length);
  return base58Encode(out);
}

// Monero splits data into 8-byte blocks, each written as exactly 11 chars; a short final block of n bytes
// takes ENCODED_BLOCK_SIZES[n] chars. This keeps every address the same length.
const FULL_BLOCK_BYTES = 8;
const FULL_BLOCK_CHARS = 11;
const ENCODED_BLOCK_SIZES = [0, 2, 3, 5, 6, 7, 9, 10, 11] as const;

function decodeMoneroBlock(chunk: string, byteCount: number, out: Uint8Array, offset: number): boolean {
  let value = 0n;
  for (let i = 0; i < chunk.length; i++) {
    const code = chunk.charCodeAt(i);
    const digit = code < 128 ? (DIGIT_OF[code] ?? -1) : -1;
    if (digit < 0) return false;
    value = value * 58n + BigInt(digit);
  }
  if (value >> BigInt(byteCount * 8) !== 0n) return false; // overflows the block: not a canonical encoding
  for (let i = byteCount - 1; i >= 0; i--) {
    out[offset + i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return true;
}

/** Decodes Monero's block base58, or `null` on a bad character, bad final-block length or overflowing block. */
export function moneroBase58Decode(text: string): Uint8Array | null {
  const fullBlocks = Math.floor(text.length / FULL_BLOCK_CHARS);
  const lastChars = text.length % FULL_BLOCK_CHARS;
  const lastBytes = ENCODED_BLOCK_SIZES.indexOf(lastChars as (typeof ENCODED_BLOCK_SIZES)[number]);
  if (lastBytes < 0) return null;
  const out = new Uint8Array(fullBlocks * FULL_BLOCK_BYTES + lastBytes);
  for (let b = 0; b < fullBlocks; b++) {
    const chunk = text.slice(b * FULL_BLOCK_CHARS, (b + 1) * FULL_BLOCK_CHARS);
    if (!decodeMoneroBlock(chunk, FULL_BLOCK_BYTES, out, b * FULL_BLOCK_BYTES)) return null;
  }
  if (lastBytes > 0) {
    const chunk = text.slice(fullBlocks * FULL_BLOCK_CHARS);
    if (!decodeMoneroBlock(chunk, lastBytes, out, fullBlocks * FULL_BLOCK_BYTES)) return null;
  }
  return out;
}

/** Encodes Monero block base58 (tests build invented addresses with it). */
export function moneroBase58Encode(bytes: Uint8Array): string {
  let out = '';
  for (let offset = 0; offset < bytes.length; offset += FULL_BLOCK_BYTES) {
    const block = bytes.subarray(offset, Math.min(offset + FULL_BLOCK_BYTES, bytes.length));
    let value = 0n;
    for (const byte of block) value = (value << 8n) | BigInt(byte);
    const width = ENCODED_BLOCK_SIZES[block.length] ?? FULL_BLOCK_CHARS;
    let chunk = '';
    for (let i = 0; i < width; i++) {
      chunk = BASE58_ALPHABET[Number(value % 58n)] + chunk;
      value /= 58n;
    }
    out += chunk;
  }
  return out;
}
