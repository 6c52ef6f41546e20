import { REVIEW_CLASSIFICATIONS, INTERPOL_CATEGORIES, canonicalReportUrl } from '@centinela/core';
import { z } from 'zod';
import { CsvParser } from '../../import/csv.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import type { Actor, ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';
import { subjectReference } from './noticeService.js';
import { fileReport } from './reportService.js';
import { csvCell } from '../csv.js';

/**
 * Hotline exchange: confirmed URLs with their classification, for a hotline in another country (ICCAM-style).
 * Documented in docs/HOTLINE.md. The receiving hotline files each URL as a partner report and assesses it under
 * its own law: a classification received is a signal, never a decision.
 */
export const EXCHANGE_COLUMNS = ['url', 'classification', 'interpol_category', 'host', 'hosting_country', 'first_reported_at', 'assessed_at', 'removed_at', 'reference'] as const;
export const EXCHANGE_FORMAT = 'centinela-hotline-exchange';

export const exchangeEntrySchema = z.strictObject({
  url: z.string().min(1).max(2048),
  classification: z.enum(REVIEW_CLASSIFICATIONS),
  interpol_category: z.enum(INTERPOL_CATEGORIES).nullable().default(null),
  host: z.string().max(253).nullable().default(null),
  hosting_country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  first_reported_at: z.iso.datetime().nullable().default(null),
  assessed_at: z.iso.datetime().nullable().default(null),
  removed_at: z.iso.datetime().nullable().default(null),
  reference: z.string().max(100).nullable().default(null),
});
export type ExchangeEntry = z.output<typeof exchangeEntrySchema>;

/** Confirmed (CSAM or trafficking) subjects with a URL and still online unless `includeRemoved`. */
export async function exportExchange(deps: ServiceDeps, actor: Actor, opts: { includeRemoved?: boolean } = {}): Promise<ExchangeEntry[]> {
  let q = deps.db
    .selectFrom('hotline_subject as s')
    .leftJoin('hotline_provider as p', 'p.id', 's.provider_id')
    .select(['s.id', 's.url', 's.host', 's.classification', 's.interpol_category', 's.first_reported_at', 's.assessed_at', 's.removed_at', 'p.country'])
    .where('s.url', 'is not', null)
    .where('s.classification', 'in', ['csam', 'trafficking'])
    .orderBy('s.first_reported_at');
  if (!opts.includeRemoved) q = q.where('s.removed_at', 'is', null);
  const rows = await q.execute();
  await appendAudit(deps, actor, { action: 'hotline.exchange.export', details: { entries: rows.length, includeRemoved: opts.includeRemoved === true } });
  return rows.map((r) => ({
    url: r.url!,
    classification: r.classification as ExchangeEntry['classification'],
    interpol_category: (r.interpol_category as ExchangeEntry['interpol_category']) ?? null,
    host: r.host,
    hosting_country: r.country,
    first_reported_at: r.first_reported_at,
    assessed_at: r.assessed_at,
    removed_at: r.removed_at,
    reference: subjectReference(r.id),
  }));
}

export function exchangeCsv(entries: readonly ExchangeEntry[]): string {
  return [EXCHANGE_COLUMNS.join(','), ...entries.map((e) => EXCHANGE_COLUMNS.map((c) => csvCell(e[c])).join(','))].join('\n') + '\n';
}

export function exchangeJson(entries: readonly ExchangeEntry[], exportedBy: string, at: string): string {
  return JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, exportedBy, exportedAt: at, entries }, null, 2);
}

export const MAX_EXCHANGE_ENTRIES = 10_000;

/** Parses CSV (header = EXCHANGE_COLUMNS, any order; missing optional columns empty) or the JSON document. All or nothing. */
export function parseExchange(text: string): ExchangeEntry[] {
  const trimmed = text.trimStart();
  let raw: unknown[];
  if (trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch {
      throw new Problem(400, 'exchange.invalid', 'the JSON could not be parsed');
    }
    const d = doc as { format?: unknown; entries?: unknown };
    if (d.format !== EXCHANGE_FORMAT || !Array.isArray(d.entries)) throw new Problem(400, 'exchange.invalid', `expected {"format": "${EXCHANGE_FORMAT}", "entries": [...]}`);
    raw = d.entries;
  } else {
    const parser = new CsvParser({ maxRecordChars: 20_000 });
    const events = [...parser.push(text), ...parser.end()];
    const header = events[0]?.kind === 'record' ? events[0].fields.map((f) => f.trim().toLowerCase()) : null;
    if (!header || !header.includes('url') || !header.includes('classification')) throw new Problem(400, 'exchange.invalid', `the first line must be a header naming at least url and classification (${EXCHANGE_COLUMNS.join(',')})`);
    raw = [];
    for (const e of events.slice(1)) {
      if (e.kind === 'error') throw new Problem(422, 'exchange.invalid_entries', `line ${e.line}: ${e.reason}`);
      raw.push(Object.fromEntries(header.map((h, i) => [h, e.fields[i]?.trim() ? e.fields[i]!.trim() : null])));
    }
  }
  if (raw.length > MAX_EXCHANGE_ENTRIES) throw new Problem(413, 'exchange.too_large', `at most ${MAX_EXCHANGE_ENTRIES} entries per file`);
  const errors: Array<{ path: string; message: string }> = [];
  const entries: ExchangeEntry[] = [];
  raw.forEach((r, i) => {
    const known = typeof r === 'object' && r !== null ? Object.fromEntries(Object.entries(r).filter(([k]) => (EXCHANGE_COLUMNS as readonly string[]).includes(k))) : r;
    const parsed = exchangeEntrySchema.safeParse(known);
    if (!parsed.success) return errors.push({ path: `entries[${i}]`, message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
    const c = canonicalReportUrl(parsed.data.url);
    if (!c.ok) return errors.push({ path: `entries[${i}].url`, message: c.reason });
    entries.push(parsed.data);
  });
  if (errors.length) throw new Problem(422, 'exchange.invalid_entries', `${errors.length} entries are invalid; nothing was imported`, { errors: errors.slice(0, 100) });
  return entries;
}

/** Files every entry as a partner report (deduplicated into subjects as usual), carrying the sender's classification as a signal. */
export async function importExchange(deps: ServiceDeps, actor: Actor, text: string, from: string): Promise<{ read: number; newSubjects: number }> {
  const entries = parseExchange(text);
  let newSubjects = 0;
  for (const e of entries) {
    const r = await fileReport(deps, null, actor, {
      channel: 'partner',
      url: e.url,
      description: `Received from ${from.slice(0, 100)}: ${e.classification}${e.interpol_category ? ` (${e.interpol_category})` : ''}${e.reference ? `, their reference ${e.reference}` : ''}`,
      childInvolved: e.classification === 'csam',
      anonymous: true,
      language: 'en',
      signals: { exchange: { from: from.slice(0, 100), classification: e.classification, interpolCategory: e.interpol_category } },
    });
    if (r.newSubject) newSubjects++;
  }
  await appendAudit(deps, actor, { action: 'hotline.exchange.import', details: { read: entries.length, newSubjects } });
  return { read: entries.length, newSubjects };
}

export const exchangeStamp = (deps: ServiceDeps) => isoNow(deps.clock);
