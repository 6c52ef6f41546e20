import type { MessageKey, Vars } from './index';

// The server explains each refused line of a bank file (or hash of a match request) in English. These are the
// reasons it can give (packages/server/src/services/bankFormats.ts); each is shown in the user's language.
// A reason not listed here is shown as sent, marked as English.

const FIELDS: Record<string, MessageKey> = {
  category: 'banks.category',
  source: 'banks.source',
  note: 'banks.note',
  externalId: 'banks.externalId',
};

type Rule = [RegExp, MessageKey, (m: RegExpExecArray, t: (k: MessageKey) => string) => Vars];

const RULES: Rule[] = [
  [/^the prefix says (\w+) but the type is (\w+)$/, 'reason.prefixMismatch', (m) => ({ named: m[1]!, type: m[2]! })],
  [/^the hash is empty$/, 'reason.empty', () => ({})],
  [/^the hash is not hexadecimal$/, 'reason.notHex', () => ({})],
  [/^an? (\w+) hash has (\d+) hex digits, not (\d+)$/, 'reason.length', (m) => ({ type: m[1]!, expected: m[2]!, actual: m[3]! })],
  [/^(\w+) is longer than (\d+) characters$/, 'reason.fieldTooLong', (m, t) => ({ field: fieldName(m[1]!, t), max: m[2]! })],
  [/^(\w+) contains control characters$/, 'reason.fieldControl', (m, t) => ({ field: fieldName(m[1]!, t) })],
  [/^a quoted field is not closed$/, 'reason.quoteNotClosed', () => ({})],
  [/^text after a closing quote$/, 'reason.textAfterQuote', () => ({})],
  [/^a quote inside an unquoted field$/, 'reason.quoteInside', () => ({})],
  [/^expected at most (\d+) fields.*found (\d+)$/, 'reason.tooManyFields', (m) => ({ max: m[1]!, found: m[2]! })],
  [/^quality must be a whole number from 0 to 100$/, 'reason.quality', () => ({})],
];

function fieldName(field: string, t: (k: MessageKey) => string): string {
  const key = FIELDS[field];
  return key ? t(key).toLowerCase() : field;
}

/** The translated reason, or null when the reason is not one we know (show it as sent, in English). */
export function lineReason(reason: string, t: (key: MessageKey, vars?: Vars) => string): string | null {
  for (const [re, key, vars] of RULES) {
    const m = re.exec(reason);
    if (m) return t(key, vars(m, (k) => t(k)));
  }
  return null;
}
