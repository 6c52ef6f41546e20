// CTDC's published age bands ("ageBroad"): 0–8, 9–17, 18–20, 21–23, 24–26, 27–29, 30–38, 39–47, 48+.
// CTDC coded a missing age as -99; here anything missing, negative or not a number is 'unknown'.
import { ageRangeOn, parsePartialDate, spanOf, utcDay, type PartialDate } from '../cases/dates.js';

export const AGE_BANDS = [
  { id: '0-8', min: 0, max: 8 },
  { id: '9-17', min: 9, max: 17 },
  { id: '18-20', min: 18, max: 20 },
  { id: '21-23', min: 21, max: 23 },
  { id: '24-26', min: 24, max: 26 },
  { id: '27-29', min: 27, max: 29 },
  { id: '30-38', min: 30, max: 38 },
  { id: '39-47', min: 39, max: 47 },
  { id: '48+', min: 48, max: Number.POSITIVE_INFINITY },
] as const;

export type AgeBand = (typeof AGE_BANDS)[number]['id'] | 'unknown';
export const AGE_BAND_IDS: readonly AgeBand[] = [...AGE_BANDS.map((b) => b.id), 'unknown'];

/** The band of an age in years; fractional ages count by completed years (8.9 is 8). */
export function ageBand(age: number | null | undefined): AgeBand {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0) return 'unknown';
  const years = Math.floor(age);
  return AGE_BANDS.find((b) => years >= b.min && years <= b.max)?.id ?? 'unknown';
}

/**
 * The band of a person born on `birthdate` (YYYY, YYYY-MM or YYYY-MM-DD) at `on` (a date, a timestamp or a Date).
 * A partial birth date gives a range of ages; the band is known only when the whole range falls in one band.
 */
export function ageBandOn(birthdate: PartialDate | null | undefined, on: string | Date): AgeBand {
  if (!birthdate) return 'unknown';
  const birth = parsePartialDate(birthdate);
  const day = typeof on === 'string' ? spanOf(on)?.first : utcDay(on);
  if (!birth || day === undefined) return 'unknown';
  const range = ageRangeOn(birth, day);
  if (!range) return 'unknown';
  const lo = ageBand(range.min);
  return lo === ageBand(range.max) ? lo : 'unknown';
}
