// Published statistics: disaggregated counts of cases (and of the online side, once the hotline registers its
// source) that identify no one, by small-cell suppression (k-anonymity, complementary suppression) or
// differentially private noise. Only the published tables are stored and shown to statisticians; every table
// carries its privacy parameters. DP noise comes from the operating system's CSPRNG; a seeded generator can be
// passed only by code (tests), never through the API or the CLI.
import { randomInt } from 'node:crypto';
import {
  CASE_MULTI_VALUED,
  caseDimensions,
  caseStatsRow,
  describePrivacy,
  dimension,
  publishedTableToCsv,
  publishWithDp,
  publishWithSuppression,
  rngFromUint32,
  tabulate,
  yearRange,
  type CaseRecord,
  type CaseStatsDimension,
  type Dimension,
  type PublishedTable,
  type Rng,
  type StatsRow,
} from '@centinela/core';
import { getCountries } from 'libphonenumber-js';
import { picklistValues } from '@centinela/core';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';
import { onlineStatsRows } from '../hotline/onlineCounts.js';
import { ONLINE_KINDS } from './onlineCounts.js';

export const STATS_METHODS = ['k-anonymity', 'dp-geometric', 'dp-laplace'] as const;
export type StatsMethod = (typeof STATS_METHODS)[number];
export const ONLINE_DIMENSIONS = ['kind', 'year', 'country', 'exploitation'] as const;
export type OnlineDimension = (typeof ONLINE_DIMENSIONS)[number];

/** The first year statistics cover; categories must not depend on the data (differential privacy needs that). */
export const FIRST_STATS_YEAR = 2015;
/** For DP, a person counts under at most this many values of a multi-valued dimension (bounds the sensitivity). */
export const DP_MAX_VALUES_PER_RECORD = 2;

export interface PublishRequest {
  title: string;
  source: 'cases' | 'online';
  dimensions: string[];
  method: StatsMethod;
  k?: number | undefined;
  epsilon?: number | undefined;
}

export interface Publication {
  id: string;
  title: string;
  source: string;
  method: string;
  dimensions: string[];
  table: PublishedTable;
  /** One line stating the privacy parameters, to print next to the table or chart. */
  privacyStatement: string;
  createdAt: string;
}

const cryptoRng: Rng = rngFromUint32(() => randomInt(0, 2 ** 32 - 1) >>> 0);

const countries = () => getCountries().map(String).sort();

async function caseRows(deps: ServiceDeps): Promise<StatsRow[]> {
  const rows = await deps.db.selectFrom('case_record').select(['clear_data', 'age_band']).execute();
  return rows.map((r) => {
    const clear = JSON.parse(r.clear_data) as CaseRecord;
    // The age band was computed when the case was written: statistics never open a birth date.
    return { ...caseStatsRow(clear), ageBand: r.age_band };
  });
}

async function onlineRows(deps: ServiceDeps): Promise<StatsRow[]> {
  const rows = await onlineStatsRows(deps, { from: `${FIRST_STATS_YEAR}-01-01`, to: `${deps.clock.now().getUTCFullYear() + 1}-01-01` });
  return rows.map((r) => ({ kind: r.kind, year: r.year, country: r.country ?? null, exploitation: r.exploitation ?? null }));
}

function dimensionsFor(deps: ServiceDeps, req: PublishRequest): { dims: Dimension[]; multi: string[] } {
  const years = yearRange(FIRST_STATS_YEAR, deps.clock.now().getUTCFullYear());
  const unique = new Set(req.dimensions);
  if (unique.size !== req.dimensions.length || req.dimensions.length === 0 || req.dimensions.length > 3) {
    throw new Problem(422, 'stats.invalid_dimensions', 'name one to three different dimensions');
  }
  if (req.source === 'cases') {
    const all = caseDimensions({ citizenship: countries(), countryOfExploitation: countries(), yearOfRegistration: years }) as Record<string, Dimension>;
    const unknown = req.dimensions.filter((d) => !(d in all));
    if (unknown.length > 0) throw new Problem(422, 'stats.invalid_dimensions', `unknown case dimension ${unknown.join(', ')}`, { allowed: Object.keys(all) });
    return { dims: req.dimensions.map((d) => all[d]!), multi: req.dimensions.filter((d) => CASE_MULTI_VALUED.includes(d as CaseStatsDimension)) };
  }
  const all: Record<OnlineDimension, Dimension> = {
    kind: dimension('kind', ONLINE_KINDS),
    year: dimension('year', years),
    country: dimension('country', countries()),
    exploitation: dimension('exploitation', picklistValues('vic_TypeOfExploitation')),
  };
  const unknown = req.dimensions.filter((d) => !(d in all));
  if (unknown.length > 0) throw new Problem(422, 'stats.invalid_dimensions', `unknown online dimension ${unknown.join(', ')}`, { allowed: Object.keys(all) });
  return { dims: req.dimensions.map((d) => all[d as OnlineDimension]), multi: [] };
}

/** Builds and stores one published table. `rng` is for tests only (a seeded generator); production uses the CSPRNG. */
export async function publishTable(deps: ServiceDeps, actor: Actor, req: PublishRequest, opts: { rng?: Rng } = {}): Promise<Publication> {
  const { dims, multi } = dimensionsFor(deps, req);
  const rows = req.source === 'cases' ? await caseRows(deps) : await onlineRows(deps);
  const maxValuesPerRecord = req.method === 'k-anonymity' ? undefined : Object.fromEntries(multi.map((d) => [d, DP_MAX_VALUES_PER_RECORD]));
  const counts = tabulate(rows, dims, { multiValued: multi, ...(maxValuesPerRecord ? { maxValuesPerRecord } : {}) });
  let table: PublishedTable;
  if (req.method === 'k-anonymity') {
    table = publishWithSuppression(counts, { title: req.title, k: req.k ?? deps.config.statsK });
  } else {
    const epsilon = req.epsilon ?? deps.config.statsEpsilon;
    table = publishWithDp(counts, { title: req.title, epsilon, rng: opts.rng ?? cryptoRng, mechanism: req.method === 'dp-laplace' ? 'laplace' : 'geometric' });
  }
  return inTransaction(deps, async (tx) => {
    const id = uuidv7(tx.clock.now().getTime());
    const createdAt = isoNow(tx.clock);
    await tx.db
      .insertInto('stats_publication')
      .values({ id, title: req.title, source: req.source, method: table.privacy.method, dimensions: JSON.stringify(req.dimensions), published: JSON.stringify(table), created_by: actor.id, created_at: createdAt })
      .execute();
    const p = table.privacy;
    await appendAudit(tx, actor, {
      action: 'stats.publish',
      target: { type: 'stats_publication', id },
      details: { source: req.source, method: p.method, dimensions: req.dimensions, ...(p.method === 'k-anonymity' ? { k: p.k, suppressed: p.suppressed } : { epsilon: p.epsilon, sensitivity: p.sensitivity }) },
    });
    return { id, title: req.title, source: req.source, method: p.method, dimensions: req.dimensions, table, privacyStatement: describePrivacy(p), createdAt };
  });
}

function toPublication(r: { id: string; title: string; source: string; method: string; dimensions: string; published: string; created_at: string }): Publication {
  const table = JSON.parse(r.published) as PublishedTable;
  return { id: r.id, title: r.title, source: r.source, method: r.method, dimensions: JSON.parse(r.dimensions) as string[], table, privacyStatement: describePrivacy(table.privacy), createdAt: r.created_at };
}

export async function listPublications(deps: ServiceDeps): Promise<Publication[]> {
  return (await deps.db.selectFrom('stats_publication').selectAll().orderBy('created_at', 'desc').limit(200).execute()).map(toPublication);
}

export async function getPublication(deps: ServiceDeps, id: string): Promise<Publication> {
  const row = await deps.db.selectFrom('stats_publication').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('publication');
  return toPublication(row);
}

export async function publicationCsv(deps: ServiceDeps, id: string): Promise<string> {
  return publishedTableToCsv((await getPublication(deps, id)).table);
}
