// Calendar dates as case records hold them. People often know only a year or a month ("spring 2019"), so a
// date may be partial: YYYY, YYYY-MM or YYYY-MM-DD. A partial date is the span of days it could mean, and
// comparisons are made on those spans so that a vague date is never called impossible when it might be right.

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (proleptic Gregorian, UTC). */
export type PartialDate = string;

export interface DateSpan {
  /** First and last possible day, as days since 1970-01-01. */
  readonly first: number;
  readonly last: number;
  readonly precision: 'year' | 'month' | 'day';
}

const DAY_MS = 86_400_000;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The span of days a partial date covers, or null when it is not a real calendar date (2023-02-30, 2023-13). */
export function parsePartialDate(text: string): DateSpan | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1000) return null;
  if (m[2] === undefined) return { first: dayNumber(y, 1, 1), last: dayNumber(y, 12, 31), precision: 'year' };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return { first: dayNumber(y, mo, 1), last: dayNumber(y, mo, daysInMonth(y, mo)), precision: 'month' };
  const d = Number(m[3]);
  if (d < 1 || d > daysInMonth(y, mo)) return null;
  const day = dayNumber(y, mo, d);
  return { first: day, last: day, precision: 'day' };
}

/** Milliseconds since the epoch for an ISO 8601 timestamp with an explicit offset, or null. */
export function parseInstant(text: string): number | null {
  if (!INSTANT.test(text)) return null;
  // The calendar part must be real: Date.parse rolls 2023-02-30 over to March.
  if (!parsePartialDate(text.slice(0, 10))) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** The UTC calendar day of an instant, as days since 1970-01-01. */
export function utcDay(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / DAY_MS);
}

/** A date or a timestamp (first 10 characters) as a span; null when neither. */
export function spanOf(text: string): DateSpan | null {
  if (text.length <= 10) return parsePartialDate(text);
  const ms = parseInstant(text);
  if (ms === null) return null;
  const day = utcDay(ms);
  return { first: day, last: day, precision: 'day' };
}

/** True when `a` certainly ends before `b` starts. */
export const certainlyBefore = (a: DateSpan, b: DateSpan): boolean => a.last < b.first;

/** Whole years between a birth date and a later day, as a range when the birth date is partial. */
export function ageRangeOn(birth: DateSpan, day: number): { min: number; max: number } | null {
  if (birth.first > day) return null;
  const min = wholeYears(birth.last, day);
  const max = wholeYears(birth.first, day);
  return { min: Math.max(0, min), max };
}

/**
 * Whole years from one day to another. A birthday on 29 February is reached on 1 March in common years
 * (the day after 28 February), which is the rule most civil registries use.
 */
export function wholeYears(fromDay: number, toDay: number): number {
  const a = new Date(fromDay * DAY_MS);
  const b = new Date(toDay * DAY_MS);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  const bm = b.getUTCMonth();
  const am = a.getUTCMonth();
  if (bm < am || (bm === am && b.getUTCDate() < a.getUTCDate())) years--;
  return years;
}
