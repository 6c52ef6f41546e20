import { describe, expect, it } from 'vitest';
import { es } from './es';
import { en } from './en';
import { format, type MessageKey } from './index';
import { lineReason } from './lineReasons';

// The reasons the server gives for a refused line (packages/server/src/services/bankFormats.ts).
const SERVER_REASONS = [
  'the prefix says md5 but the type is pdq',
  'the hash is empty',
  'the hash is not hexadecimal',
  'a pdq hash has 64 hex digits, not 10',
  'a md5 hash has 32 hex digits, not 31',
  'category is longer than 64 characters',
  'note contains control characters',
  'a quoted field is not closed',
  'text after a closing quote',
  'a quote inside an unquoted field',
  'expected at most 4 fields (hash,category,source,note), found 6',
  'expected at most 3 fields (pdq hash, quality, id), found 4',
  'quality must be a whole number from 0 to 100',
];

describe('lineReason', () => {
  const tFor = (messages: typeof es) => (key: MessageKey, vars?: Record<string, string | number>) => format(messages[key], vars);

  it('translates every reason the server gives, with its values', () => {
    for (const r of SERVER_REASONS) {
      expect(lineReason(r, tFor(es)), r).not.toBeNull();
      expect(lineReason(r, tFor(en)), r).not.toBeNull();
    }
    expect(lineReason('a pdq hash has 64 hex digits, not 10', tFor(es))).toBe('un hash pdq tiene 64 cifras hexadecimales, no 10');
    expect(lineReason('category is longer than 64 characters', tFor(en))).toBe('the category field is longer than 64 characters');
  });

  it('returns null for a reason it does not know, so the caller shows it as sent', () => {
    expect(lineReason('something new', tFor(en))).toBeNull();
  });
});
