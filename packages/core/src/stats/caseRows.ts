// From case records to statistics rows with the standard dimensions of the issue: sex, age band, form of
// exploitation, citizenship, country of exploitation, year of registration and means of control.
import type { CaseRecord } from '../cases/record.js';
import { picklistValues } from '../cases/htcds/vocabulary.js';
import { AGE_BAND_IDS, ageBandOn } from './ageBands.js';
import { dimension, UNKNOWN, type Dimension, type StatsRow } from './table.js';

export const CASE_STATS_DIMENSIONS = ['sex', 'ageBand', 'exploitation', 'citizenship', 'countryOfExploitation', 'yearOfRegistration', 'meansOfControl'] as const;
export type CaseStatsDimension = (typeof CASE_STATS_DIMENSIONS)[number];

/** Dimensions whose values are lists: a person is counted once under each value. */
export const CASE_MULTI_VALUED: readonly CaseStatsDimension[] = ['exploitation', 'citizenship', 'countryOfExploitation', 'meansOfControl'];

export type CaseStatsInput = Pick<CaseRecord, 'case' | 'person' | 'victim' | 'events'>;

/**
 * One row per case. "sex" holds the HTCDS prs_Gender value (NonSpecifiedUnknown becomes 'unknown'); the age band
 * is the age on the registration day; countries of exploitation come from the exploitation events.
 */
export function caseStatsRow(record: CaseStatsInput): StatsRow & Record<CaseStatsDimension, string | readonly string[]> {
  const gender = record.person.gender;
  const countries = new Set((record.events ?? []).flatMap((e) => (e.type === 'Exploitation' && e.country ? [e.country] : [])));
  return {
    sex: gender && gender !== 'NonSpecifiedUnknown' ? gender : UNKNOWN,
    ageBand: ageBandOn(record.person.birthdate, record.case.registeredOn),
    exploitation: record.victim?.typeOfExploitation ?? [],
    citizenship: record.person.citizenship ?? [],
    countryOfExploitation: [...countries].sort(),
    yearOfRegistration: record.case.registeredOn.slice(0, 4),
    meansOfControl: record.victim?.methodsOfControl ?? [],
  };
}

/**
 * The standard dimensions. Sex, age, exploitation and means of control come from the HTCDS picklists and CTDC's
 * bands; countries and years must be given (e.g. every ISO 3166 code, every year since the service started), so
 * that the categories do not depend on the data — which differential privacy requires.
 */
export function caseDimensions(domains: {
  readonly citizenship: readonly string[];
  readonly countryOfExploitation: readonly string[];
  readonly yearOfRegistration: readonly string[];
}): Readonly<Record<CaseStatsDimension, Dimension>> {
  return {
    sex: dimension('sex', picklistValues('prs_Gender').filter((v) => v !== 'NonSpecifiedUnknown')),
    ageBand: dimension('ageBand', AGE_BAND_IDS),
    exploitation: dimension('exploitation', picklistValues('vic_TypeOfExploitation')),
    citizenship: dimension('citizenship', domains.citizenship),
    countryOfExploitation: dimension('countryOfExploitation', domains.countryOfExploitation),
    yearOfRegistration: dimension('yearOfRegistration', domains.yearOfRegistration),
    meansOfControl: dimension('meansOfControl', picklistValues('vic_MethodsOfControl')),
  };
}

/** Years from `first` to `last` inclusive, as strings. */
export function yearRange(first: number, last: number): string[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(first + i));
}
