import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { lookupWord, mayStartNumberWord } from './numberWords.js';
import type { Platform } from './types.js';

/** A phone found in folded text (indices are into the folded text). */
export interface PhoneMatch {
  start: number;
  end: number;
  /** E.164. */
  normalized: string;
  region?: CountryCode;
  /** Spelled with words or look-alike letters, or spread out one digit at a time. */
  obfuscated: boolean;
  platform?: Platform;
}

export interface FindPhonesOptions {
  defaultRegion?: CountryCode;
}

/** A maximal stretch of digits written without separators between them (e.g. `310`, `tres`, `3l0`). */
interface Group {
  digits: string;
  start: number;
  end: number;
  /** Contains a number word or a look-alike letter. */
  spelled: boolean;
  /** Consists only of an ambiguous word (`un`, `uma`, `oh`…) that must not begin or end a number. */
  weak: boolean;
}

interface Run {
  groups: Group[];
  /** Index of a leading `+`, or -1. */
  plus: number;
}

const MIN_DIGITS = 7;
// E.164 allows 15 digits; two more for a written `00` international prefix.
const MAX_DIGITS = 17;
// More separator characters than this between two digits end the number (" - " is 3).
const MAX_GAP = 3;

const SEPARATORS = new Set([' ', '\t', '-', '.', '(', ')', '_', '*', '~', ',', '•', '·', '[', ']']);
const LEET: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1' };
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
// 0 unknown, 1 letter/mark, 2 other: a per-code-unit cache, since a Unicode regex per character is slow.
const letterCache = new Uint8Array(0x10000);

function isLetter(code: number): boolean {
  if (Number.isNaN(code)) return false; // charCodeAt outside the text
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let v = letterCache[code]!;
  if (v === 0) {
    v = LETTER_OR_MARK.test(String.fromCharCode(code)) ? 1 : 2;
    letterCache[code] = v;
  }
  return v === 1;
}

/** End of the letter run starting at `i` (== i when text[i] is not a letter). */
function letterRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Numbers that are something else: dates, money, ages, measures. Their digits cannot be part of a phone.
 * Each pattern starts with a plain character class so the regex engine can skip ahead quickly; `notAfter` is the
 * look-behind, checked in code, that keeps a date from matching inside `310-555-12-34`.
 */
const NOT_PHONE: ReadonlyArray<{ re: RegExp; notAfter?: RegExp; first: 'digit' | 'symbol' | 'any' }> = [
  { re: /\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d.\-/]*\d)/g, notAfter: /[\d.\-/]/, first: 'digit' },
  { re: /\d{4}-\d{2}-\d{2}(?!\d)/g, notAfter: /[\d.\-/]/, first: 'digit' },
  { re: /[$€£¥₡₲]\s?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?(?!\d)/g, first: 'symbol' },
  { re: /(?:COP|USD|MXN|BRL|EUR|ARS|CLP|PEN)\s?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?(?!\d)/gi, notAfter: /[A-Za-z]/, first: 'any' },
  {
    re: /\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?\s?(?:usd|cop|mxn|brl|eur|euros?|d[oó]lares|dollars?|pesos|reais|reales|soles|mil|k|lucas|rosas|roses|bucks)\b/gi,
    notAfter: /[\d.,]/,
    first: 'digit',
  },
  { re: /\d{1,3}\s?(?:años|anos|añitos|aninhos|years?|yrs?|yo|y\/o)\b/gi, notAfter: /\d/, first: 'digit' },
  { re: /\d{1,3}(?:[.,]\d{1,2})?\s?(?:kg|kilos|cm|mts?|lbs?|%)(?![A-Za-z])/gi, notAfter: /[\d.,]/, first: 'digit' },
];

let maskBuffer = new Uint8Array(1024);

/** Marks every character that belongs to a date, price, age or measure (valid until the next call). */
function blockedMask(text: string): Uint8Array | null {
  // Every pattern needs a digit; those that start with one cannot match before the first, and the price pattern
  // needs a currency symbol. One pass over the text spares most of the regex scans.
  let firstDigit = -1;
  let symbol = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (firstDigit < 0) firstDigit = i;
    } else if (c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20a1 || c === 0x20b2) symbol = true;
  }
  if (firstDigit < 0) return null;
  let mask: Uint8Array | null = null;
  for (const { re, notAfter, first } of NOT_PHONE) {
    if (first === 'symbol' && !symbol) continue;
    re.lastIndex = first === 'digit' ? firstDigit : 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = text[m.index - 1];
      if (notAfter !== undefined && before !== undefined && notAfter.test(before)) {
        re.lastIndex = m.index + 1; // retry just after: a valid match may start inside this one
        continue;
      }
      if (mask === null) {
        // Reused across calls (scanRuns is done with it before the next): cleared over this text's length only.
        if (maskBuffer.length < text.length) maskBuffer = new Uint8Array(text.length * 2);
        mask = maskBuffer;
        mask.fill(0, 0, text.length);
      }
      mask.fill(1, m.index, m.index + m[0].length);
    }
  }
  return mask;
}

/** Digit test on a UTF-16 unit (NaN, from outside the text, is not a digit). */
const isDigitUnit = (c: number): boolean => c >= 48 && c <= 57;
const SEPARATOR_UNITS = new Uint8Array(128);
for (const s of SEPARATORS) if (s.charCodeAt(0) < 128) SEPARATOR_UNITS[s.charCodeAt(0)] = 1;
const isSeparatorUnit = (c: number): boolean => (c < 128 ? SEPARATOR_UNITS[c] === 1 : SEPARATORS.has(String.fromCharCode(c)));

/** The runs of digit groups being collected by {@link scanRuns}. */
class RunBuilder {
  readonly runs: Run[] = [];
  run: Run = { groups: [], plus: -1 };
  gap = 0;
  repeat = 1;

  close(): void {
    if (this.run.groups.length > 0) this.runs.push(this.run);
    if (this.run.groups.length > 0 || this.run.plus >= 0) this.run = { groups: [], plus: -1 };
    this.gap = 0;
    this.repeat = 1;
  }

  add(digits: string, start: number, end: number, spelled: boolean, weak: boolean): void {
    const d = this.repeat > 1 ? digits[0]!.repeat(this.repeat) + digits.slice(1) : digits;
    this.repeat = 1;
    const groups = this.run.groups;
    const last = groups[groups.length - 1];
    if (last !== undefined && this.gap === 0 && last.end === start) {
      last.digits += d;
      last.end = end;
      last.spelled ||= spelled;
      last.weak = false;
    } else {
      groups.push({ digits: d, start, end, spelled, weak });
    }
    this.gap = 0;
  }
}

/** Splits folded text into runs of digit groups that may form phone numbers. */
function scanRuns(text: string): Run[] {
  const blocked = blockedMask(text);
  const b = new RunBuilder();
  const length = text.length;
  for (let i = 0; i < length; ) {
    const c = text.charCodeAt(i);
    if (isDigitUnit(c)) {
      if (blocked !== null && blocked[i] === 1) {
        b.close();
        i++;
        continue;
      }
      let j = i + 1;
      while (j < length && isDigitUnit(text.charCodeAt(j)) && (blocked === null || blocked[j] !== 1)) j++;
      b.add(text.slice(i, j), i, j, false, false);
      i = j;
      continue;
    }
    if (c === 0x2b) {
      // '+'
      b.close();
      b.run.plus = i;
      i++;
      continue;
    }
    const j = letterRunEnd(text, i);
    if (j > i) {
      const touchesDigit = isDigitUnit(text.charCodeAt(i - 1)) || isDigitUnit(text.charCodeAt(j));
      // Digit words are 2–6 letters (8 with combining accents) and start with one of a dozen letters: other words
      // need no lookup or slice (lookupWord would find nothing in them).
      const maybeWord = j - i >= 2 && j - i <= 8 && mayStartNumberWord(c);
      const raw = maybeWord || touchesDigit ? text.slice(i, j) : '';
      const meaning = maybeWord ? lookupWord(raw) : undefined;
      if (meaning !== undefined && 'digit' in meaning) {
        b.add(meaning.digit.digit, i, j, true, meaning.digit.weak);
      } else if (meaning !== undefined) {
        // "doble cinco": the repeat applies to the next digit; the word itself acts like a separator.
        b.repeat = meaning.repeat;
        if (b.run.groups.length > 0) b.gap += 1;
      } else if (touchesDigit && /^[OolI]+$/.test(raw)) {
        // O/o/l/I touching a digit stand for 0/1 ("3l0 55S"): only then, or "lo" and "Ol" would be read as digits.
        b.add([...raw].map((ch) => LEET[ch] ?? ch).join(''), i, j, true, false);
      } else {
        b.close();
      }
      i = j;
      continue;
    }
    if (isSeparatorUnit(c)) {
      if (b.run.groups.length > 0 && ++b.gap > MAX_GAP) b.close();
      i++;
      continue;
    }
    b.close();
    i++;
  }
  b.close();
  return b.runs;
}

const WHATSAPP_LINK = /(?:wa\.me\/|whatsapp\.com\/send\/?\?(?:\S*?&)?phone=|[?&]phone=)$/i;
const WHATSAPP_WORD = /\b(?:whats?\s?app?|whatsap|wsp|wpp|wapp|wa|zap(?:zap)?|wasap|guasap|watsap)\b[^\n\d]{0,24}$/i;
const TELEGRAM_WORD = /\b(?:telegram|telegrama|tg)\b[^\n\d]{0,24}$/i;

interface Context {
  /** The digits follow a link that always carries an international number (wa.me/…, ?phone=…). */
  international: boolean;
  platform?: Platform;
}

function contextBefore(text: string, start: number): Context {
  const before = text.slice(Math.max(0, start - 80), start);
  if (WHATSAPP_LINK.test(before)) return { international: true, platform: 'whatsapp' };
  const wa = WHATSAPP_WORD.exec(before);
  const tg = TELEGRAM_WORD.exec(before);
  if (wa !== null && (tg === null || wa.index > tg.index)) return { international: false, platform: 'whatsapp' };
  if (tg !== null) return { international: false, platform: 'telegram' };
  return { international: false };
}

function valid(text: string, region?: CountryCode): PhoneNumber | undefined {
  const n = parsePhoneNumberFromString(text, region);
  return n !== undefined && n.isValid() ? n : undefined;
}

/** Parses a digit string the way it was written: `+…`, `00…`, national with the default region, or link form. */
function parseDigits(digits: string, plus: boolean, ctx: Context, region?: CountryCode): PhoneNumber | undefined {
  if (plus) return valid(`+${digits}`);
  if (ctx.international) return valid(`+${digits}`) ?? (region ? valid(digits, region) : undefined);
  let n = region ? valid(digits, region) : undefined;
  if (n === undefined && digits.startsWith('00')) n = valid(`+${digits.slice(2)}`);
  return n;
}

interface Choice {
  score: number;
  spans: Array<{ from: number; to: number; phone: PhoneNumber }>;
}

/**
 * Picks the phones inside one run: the set of non-overlapping valid group ranges that covers the most digits
 * (then the fewest numbers). This splits "3105551234 24 horas" or two numbers written back to back.
 */
function segmentRun(run: Run, text: string, region?: CountryCode): Choice['spans'] {
  const { groups } = run;
  const total = groups.reduce((sum, g) => sum + g.digits.length, 0);
  if (total < MIN_DIGITS) return [];
  const ctxCache = new Map<number, Context>();
  const ctxAt = (i: number): Context => {
    let ctx = ctxCache.get(i);
    if (ctx === undefined) {
      ctx = contextBefore(text, i === 0 && run.plus >= 0 ? run.plus : groups[i]!.start);
      ctxCache.set(i, ctx);
    }
    return ctx;
  };
  const memo = new Map<number, PhoneNumber | null>();
  const tryRange = (from: number, to: number, digits: string): PhoneNumber | undefined => {
    const key = from * 4096 + to;
    const hit = memo.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const phone = parseRange(from, to, digits);
    memo.set(key, phone ?? null);
    return phone;
  };
  const parseRange = (from: number, to: number, digits: string): PhoneNumber | undefined => {
    // Digits glued to letters on both sides are part of a code or address ("…f33669435E7…"), not a phone.
    if (isLetter(text.charCodeAt(groups[from]!.start - 1)) && isLetter(text.charCodeAt(groups[to]!.end))) return undefined;
    // An ambiguous word ("un", "um", "oh") may only open or close a number that is spelled out around it.
    const edgeOk = (edge: number, inner: number): boolean =>
      !groups[edge]!.weak || (inner >= from && inner <= to && groups[inner]!.spelled);
    if (!edgeOk(from, from + 1) || !edgeOk(to, to - 1)) return undefined;
    return parseDigits(digits, from === 0 && run.plus >= 0, ctxAt(from), region);
  };

  // Fast path: the whole run is one number.
  if (total <= MAX_DIGITS) {
    const whole = tryRange(0, groups.length - 1, groups.map((g) => g.digits).join(''));
    if (whole !== undefined) return [{ from: 0, to: groups.length - 1, phone: whole }];
  }

  const best: Choice[] = new Array<Choice>(groups.length + 1);
  best[groups.length] = { score: 0, spans: [] };
  for (let i = groups.length - 1; i >= 0; i--) {
    let choice = best[i + 1]!;
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]!.digits;
      if (digits.length > MAX_DIGITS) break;
      if (digits.length < MIN_DIGITS) continue;
      const phone = tryRange(i, j, digits);
      if (phone === undefined) continue;
      const rest = best[j + 1]!;
      const score = rest.score + digits.length * 32 - 1;
      if (score > choice.score) choice = { score, spans: [{ from: i, to: j, phone }, ...rest.spans] };
    }
    best[i] = choice;
  }
  return best[0]!.spans;
}

/** Finds phone numbers in folded text (see normalize.ts), including spelled-out and spread-out numbers. */
export function findPhones(text: string, options: FindPhonesOptions = {}): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  for (const run of scanRuns(text)) {
    for (const { from, to, phone } of segmentRun(run, text, options.defaultRegion)) {
      const groups = run.groups.slice(from, to + 1);
      const first = groups[0]!;
      let start = from === 0 && run.plus >= 0 ? run.plus : first.start;
      const end = groups[groups.length - 1]!.end;
      // Take in the "(" of "(310) 555…" / "(+1) 202…" when its ")" is inside the number.
      if (text[start - 1] === '(' && text.slice(start, end).includes(')')) start--;
      const spelled = groups.some((g) => g.spelled);
      // One digit at a time ("3 1 0 5 5 5…") is a deliberate way to defeat matching.
      const singles = groups.filter((g) => g.digits.length === 1).length;
      const spread = groups.length >= 5 && singles * 2 >= groups.length;
      const ctx = contextBefore(text, start);
      const match: PhoneMatch = {
        start,
        end,
        normalized: phone.number,
        obfuscated: spelled || spread,
      };
      if (phone.country !== undefined) match.region = phone.country;
      if (ctx.platform !== undefined) match.platform = ctx.platform;
      out.push(match);
    }
  }
  return out;
}
