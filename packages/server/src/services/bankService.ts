import { sql } from 'kysely';
import type { HashBankEntryTable, HashBankTable } from '../db/schema/index.js';
import { appendAudit } from './auditService.js';
import {
  exportHeader,
  exportLine,
  parseBankFile,
  type BankFormat,
  type InvalidLine,
  type SignalType,
} from './bankFormats.js';
import { notifyBanksChanged } from './bankVersion.js';
import { isoNow } from './clock.js';
import { actorNames } from './actorNames.js';
import { actorLabel, inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';
import { notFound, Problem } from './problem.js';

export interface Bank {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  /** Uploads that match this bank are kept, sealed, for review and evidence. */
  quarantineOnMatch: boolean;
  entryCount: number;
  createdBy: string;
  /** The creator's e-mail or API key name, when there is one. */
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BankEntry {
  id: string;
  bankId: string;
  signalType: SignalType;
  hash: string;
  quality: number | null;
  category: string | null;
  source: string | null;
  note: string | null;
  externalId: string | null;
  enabled: boolean;
  addedBy: string;
  addedByName: string | null;
  addedAt: string;
}

/** Bank names appear in URLs, CLI arguments and file names: letters, digits, space, `.`, `_`, `-`. */
export const BANK_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

function toBank(row: HashBankTable, entryCount: number, names: Map<string, string>): Bank {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: Number(row.enabled) === 1,
    quarantineOnMatch: Number(row.quarantine_on_match) === 1,
    entryCount,
    createdBy: row.created_by,
    createdByName: names.get(row.created_by) ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toBankEntry(row: HashBankEntryTable, names: Map<string, string> = new Map()): BankEntry {
  return {
    id: row.id,
    bankId: row.bank_id,
    signalType: row.signal_type,
    hash: row.hash,
    quality: row.quality === null ? null : Number(row.quality),
    category: row.category,
    source: row.source,
    note: row.note,
    externalId: row.external_id,
    enabled: Number(row.enabled) === 1,
    addedBy: row.added_by,
    addedByName: names.get(row.added_by) ?? null,
    addedAt: row.added_at,
  };
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!BANK_NAME_PATTERN.test(trimmed)) {
    throw new Problem(400, 'bank.invalid_name', 'a bank name has 1 to 100 letters, digits, spaces, dots, underscores or hyphens, and starts with a letter or digit');
  }
  return trimmed;
}

async function entryCount(deps: ServiceDeps, bankId: string): Promise<number> {
  const row = await deps.db
    .selectFrom('hash_bank_entry')
    .select(({ fn }) => fn.countAll().as('n'))
    .where('bank_id', '=', bankId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks a bank (and so every matcher's view of banks) as changed, inside the caller's transaction.
 * The revision moves only when entries change: renaming or toggling a bank does not reload its index.
 */
async function touchBank(deps: ServiceDeps, bankId: string, entriesChanged: boolean): Promise<void> {
  await deps.db
    .updateTable('hash_bank')
    .set({ updated_at: isoNow(deps.clock), ...(entriesChanged ? { revision: sql`revision + 1` } : {}) })
    .where('id', '=', bankId)
    .execute();
  await bumpVersion(deps);
}

async function bumpVersion(deps: ServiceDeps): Promise<void> {
  await deps.db.updateTable('hash_bank_version').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
}

/** Runs a change in a transaction, then tells this process's matchers (others see the version row). */
async function change<T>(deps: ServiceDeps, fn: (tx: ServiceDeps) => Promise<T>): Promise<T> {
  const result = await inTransaction(deps, fn);
  notifyBanksChanged();
  return result;
}

export async function getBank(deps: ServiceDeps, id: string): Promise<Bank> {
  const row = await deps.db.selectFrom('hash_bank').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('bank');
  return toBank(row, await entryCount(deps, id), await actorNames(deps, [row.created_by]));
}

export async function getBankByName(deps: ServiceDeps, name: string): Promise<Bank> {
  const row = await deps.db.selectFrom('hash_bank').selectAll().where('name', '=', name.trim()).executeTakeFirst();
  if (!row) throw new Problem(404, 'bank.not_found', `there is no bank named "${name}"`);
  return toBank(row, await entryCount(deps, row.id), await actorNames(deps, [row.created_by]));
}

export async function listBanks(deps: ServiceDeps): Promise<Bank[]> {
  const rows = await deps.db.selectFrom('hash_bank').selectAll().orderBy('name').execute();
  const counts = await deps.db
    .selectFrom('hash_bank_entry')
    .select(['bank_id', ({ fn }) => fn.countAll().as('n')])
    .groupBy('bank_id')
    .execute();
  const byBank = new Map(counts.map((c) => [c.bank_id, Number(c.n)]));
  const names = await actorNames(deps, rows.map((r) => r.created_by));
  return rows.map((r) => toBank(r, byBank.get(r.id) ?? 0, names));
}

export interface NewBank {
  name: string;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
  quarantineOnMatch?: boolean | undefined;
}

export async function createBank(deps: ServiceDeps, actor: Actor, input: NewBank): Promise<Bank> {
  const name = checkName(input.name);
  return change(deps, async (tx) => {
    const existing = await tx.db.selectFrom('hash_bank').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) throw new Problem(409, 'bank.name_taken', `a bank named "${name}" already exists`);
    const now = isoNow(tx.clock);
    const row: HashBankTable = {
      id: uuidv7(tx.clock.now().getTime()),
      name,
      description: input.description?.trim() || null,
      enabled: input.enabled === false ? 0 : 1,
      quarantine_on_match: input.quarantineOnMatch ? 1 : 0,
      revision: 1,
      created_by: actorLabel(actor),
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('hash_bank').values(row).execute();
    await bumpVersion(tx);
    await appendAudit(tx, actor, { action: 'bank.create', target: { type: 'hash_bank', id: row.id }, details: { enabled: row.enabled === 1 } });
    return toBank(row, 0, await actorNames(tx, [row.created_by]));
  });
}

export interface BankChanges {
  name?: string | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
  quarantineOnMatch?: boolean | undefined;
}

export async function updateBank(deps: ServiceDeps, actor: Actor, id: string, changes: BankChanges): Promise<Bank> {
  return change(deps, async (tx) => {
    const row = await tx.db.selectFrom('hash_bank').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('bank');
    const patch: Partial<HashBankTable> = {};
    if (changes.name !== undefined) {
      const name = checkName(changes.name);
      const clash = await tx.db.selectFrom('hash_bank').select('id').where('name', '=', name).where('id', '!=', id).executeTakeFirst();
      if (clash) throw new Problem(409, 'bank.name_taken', `a bank named "${name}" already exists`);
      patch.name = name;
    }
    if (changes.description !== undefined) patch.description = changes.description?.trim() || null;
    if (changes.enabled !== undefined) patch.enabled = changes.enabled ? 1 : 0;
    if (changes.quarantineOnMatch !== undefined) patch.quarantine_on_match = changes.quarantineOnMatch ? 1 : 0;
    if (Object.keys(patch).length > 0) await tx.db.updateTable('hash_bank').set(patch).where('id', '=', id).execute();
    await touchBank(tx, id, false);
    await appendAudit(tx, actor, {
      action: 'bank.update',
      target: { type: 'hash_bank', id },
      details: { fields: Object.keys(patch), ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}) },
    });
    return getBank(tx, id);
  });
}

/** Deletes a bank with its entries; the audit entry keeps how many there were, never the hashes. */
export async function deleteBank(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await change(deps, async (tx) => {
    const row = await tx.db.selectFrom('hash_bank').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('bank');
    const entries = await entryCount(tx, id);
    await tx.db.deleteFrom('hash_bank_entry').where('bank_id', '=', id).execute();
    await tx.db.deleteFrom('hash_bank').where('id', '=', id).execute();
    await bumpVersion(tx);
    await appendAudit(tx, actor, { action: 'bank.delete', target: { type: 'hash_bank', id }, details: { entries } });
  });
}

export interface EntryPage {
  entries: BankEntry[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

/** Entries in id order (ids are time-ordered UUIDv7), keyset-paginated: stable under concurrent imports. */
export async function listEntries(
  deps: ServiceDeps,
  bankId: string,
  opts: { after?: string | undefined; limit: number; signalType?: SignalType | undefined },
): Promise<EntryPage> {
  await getBank(deps, bankId);
  let query = deps.db.selectFrom('hash_bank_entry').selectAll().where('bank_id', '=', bankId).orderBy('id').limit(opts.limit + 1);
  if (opts.after) query = query.where('id', '>', opts.after);
  if (opts.signalType) query = query.where('signal_type', '=', opts.signalType);
  const rows = await query.execute();
  const pageRows = rows.slice(0, opts.limit);
  const names = await actorNames(deps, pageRows.map((r) => r.added_by));
  const page = pageRows.map((r) => toBankEntry(r, names));
  return { entries: page, next: rows.length > opts.limit ? page.at(-1)!.id : null };
}

export async function setEntryEnabled(deps: ServiceDeps, actor: Actor, bankId: string, entryId: string, enabled: boolean): Promise<BankEntry> {
  return change(deps, async (tx) => {
    const result = await tx.db
      .updateTable('hash_bank_entry')
      .set({ enabled: enabled ? 1 : 0 })
      .where('id', '=', entryId)
      .where('bank_id', '=', bankId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('bank entry');
    await touchBank(tx, bankId, true);
    await appendAudit(tx, actor, { action: 'bank.entry_update', target: { type: 'hash_bank_entry', id: entryId }, details: { bankId, enabled } });
    const row = await tx.db.selectFrom('hash_bank_entry').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
    return toBankEntry(row);
  });
}

export interface ImportOptions {
  format: BankFormat;
  /** Import the valid lines and report the rest; without it any invalid line rejects the whole file. */
  skipInvalid?: boolean | undefined;
  /** Defaults for lines that do not carry their own. */
  category?: string | undefined;
  source?: string | undefined;
}

/** At most this many invalid lines are listed; `invalidCount` has the total. */
export const MAX_REPORTED_INVALID = 1000;

export interface ImportReport {
  read: number;
  added: number;
  /** Lines whose (type, hash) was already in the bank or earlier in the same file. */
  duplicates: number;
  invalid: InvalidLine[];
  invalidCount: number;
}

const INSERT_BATCH = 500;

/**
 * Imports a file into a bank in one transaction: all of it or nothing. Duplicates (in the file or
 * already in the bank) are counted, not errors; they are skipped by the unique key, so imports
 * scale without loading the bank's hashes into memory.
 */
export async function importEntries(deps: ServiceDeps, actor: Actor, bankId: string, text: string, opts: ImportOptions): Promise<ImportReport> {
  const parsed = parseBankFile(text, opts.format);
  const invalidCount = parsed.invalid.length;
  const invalid = parsed.invalid.slice(0, MAX_REPORTED_INVALID);
  const seen = new Set<string>();
  const unique = parsed.entries.filter((e) => {
    const key = `${e.signalType}:${e.hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const inFileDuplicates = parsed.entries.length - unique.length;
  if (invalidCount > 0 && !opts.skipInvalid) {
    await getBank(deps, bankId); // an unknown bank is the first thing to report
    throw new Problem(422, 'bank.import_invalid', `${invalidCount} of ${parsed.read} lines are invalid; nothing was imported (use skipInvalid to import the rest)`, {
      report: { read: parsed.read, added: 0, duplicates: inFileDuplicates, invalid, invalidCount },
    });
  }
  return change(deps, async (tx) => {
    const bank = await tx.db.selectFrom('hash_bank').select('id').where('id', '=', bankId).executeTakeFirst();
    if (!bank) throw notFound('bank');
    const now = isoNow(tx.clock);
    const nowMs = tx.clock.now().getTime();
    const addedBy = actorLabel(actor);
    let added = 0;
    for (let start = 0; start < unique.length; start += INSERT_BATCH) {
      const rows: HashBankEntryTable[] = unique.slice(start, start + INSERT_BATCH).map((e) => ({
        id: uuidv7(nowMs),
        bank_id: bankId,
        signal_type: e.signalType,
        hash: e.hash,
        quality: e.quality,
        category: e.category ?? opts.category ?? null,
        source: e.source ?? opts.source ?? null,
        note: e.note,
        external_id: e.externalId,
        enabled: 1,
        added_by: addedBy,
        added_at: now,
      }));
      const result = await tx.db
        .insertInto('hash_bank_entry')
        .values(rows)
        .onConflict((oc) => oc.columns(['bank_id', 'signal_type', 'hash']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    if (added > 0) await touchBank(tx, bankId, true);
    const report: ImportReport = { read: parsed.read, added, duplicates: parsed.entries.length - added, invalid, invalidCount };
    await appendAudit(tx, actor, {
      action: 'bank.import',
      target: { type: 'hash_bank', id: bankId },
      details: { format: opts.format, read: report.read, added, duplicates: report.duplicates, invalid: invalidCount },
    });
    return report;
  });
}

const EXPORT_PAGE = 5000;

/**
 * The bank as text in `format`, one line at a time (a generator, so a big bank is never one string).
 * Disabled entries are included: an export is the bank's content, not what currently matches.
 */
export async function* exportEntries(deps: ServiceDeps, bankId: string, format: BankFormat): AsyncGenerator<string> {
  const header = exportHeader(format);
  if (header) yield `${header}\n`;
  let after: string | null = null;
  for (;;) {
    let query = deps.db.selectFrom('hash_bank_entry').selectAll().where('bank_id', '=', bankId).orderBy('id').limit(EXPORT_PAGE);
    if (after) query = query.where('id', '>', after);
    const rows = await query.execute();
    let chunk = '';
    for (const row of rows) {
      const line = exportLine(toBankEntry(row), format);
      if (line !== null) chunk += `${line}\n`;
    }
    if (chunk) yield chunk;
    if (rows.length < EXPORT_PAGE) return;
    after = rows.at(-1)!.id;
  }
}
