import type { ItemSource } from '../db/schema/item.js';
import { appendAudit } from './auditService.js';
import type { Actor, ServiceDeps } from './deps.js';
import { TOP_INDICATORS, toItemDetail, toItemSummary, type ItemDetail, type ItemSummary } from './itemPresenter.js';
import { Problem } from './problem.js';

export const ITEM_SORTS = ['captured', 'score'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export interface ItemFilters {
  minScore?: number | undefined;
  maxScore?: number | undefined;
  indicator?: string | undefined;
  entityType?: string | undefined;
  /** The entity's normalised form (E.164 phone, lower-case e-mail, `platform:user`…). */
  entityValue?: string | undefined;
  site?: string | undefined;
  language?: string | undefined;
  source?: ItemSource | undefined;
  /** Inclusive lower and exclusive upper bounds, ISO 8601 UTC. */
  capturedFrom?: string | undefined;
  capturedTo?: string | undefined;
  postedFrom?: string | undefined;
  postedTo?: string | undefined;
}

export interface ItemQuery extends ItemFilters {
  /** `captured`: newest capture first. `score`: highest risk first, analysed items only. Ties break on id. */
  sort: ItemSort;
  cursor?: string | undefined;
  limit: number;
}

/** Why a search or read was made, for the audit log. */
export interface AccessReason {
  purpose?: string | undefined;
  legalBasis?: string | undefined;
}

export interface ItemPage {
  items: ItemSummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

interface Cursor {
  sort: ItemSort;
  /** The sort key of the last row: risk score or capture time. */
  key: number | string;
  id: string;
}

const invalidCursor = () => new Problem(400, 'item.invalid_cursor', 'the cursor is malformed or belongs to another sort order');

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, sort: ItemSort): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== sort || typeof value[2] !== 'string') throw invalidCursor();
  const key: unknown = value[1];
  if (sort === 'score' ? typeof key !== 'number' || !Number.isFinite(key) : typeof key !== 'string') throw invalidCursor();
  return { sort, key: key as number | string, id: value[2] };
}

/** Items matching every given filter, keyset-paginated (stable while items are added). */
export async function listItems(deps: ServiceDeps, q: ItemQuery): Promise<ItemPage> {
  const cursor = q.cursor ? decodeCursor(q.cursor, q.sort) : null;
  const column = q.sort === 'score' ? 'risk_score' : 'captured_at';
  let query = deps.db.selectFrom('item').selectAll('item');
  if (q.sort === 'score') query = query.where('risk_score', 'is not', null);
  if (q.minScore !== undefined) query = query.where('risk_score', '>=', q.minScore);
  if (q.maxScore !== undefined) query = query.where('risk_score', '<=', q.maxScore);
  if (q.site) query = query.where('site', '=', q.site);
  if (q.language) query = query.where('language', '=', q.language);
  if (q.source) query = query.where('source', '=', q.source);
  if (q.capturedFrom) query = query.where('captured_at', '>=', q.capturedFrom);
  if (q.capturedTo) query = query.where('captured_at', '<', q.capturedTo);
  if (q.postedFrom) query = query.where('posted_at', '>=', q.postedFrom);
  if (q.postedTo) query = query.where('posted_at', '<', q.postedTo);
  const indicator = q.indicator;
  if (indicator) {
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('item_indicator').select('item_indicator.item_id').whereRef('item_indicator.item_id', '=', 'item.id').where('item_indicator.indicator_id', '=', indicator)),
    );
  }
  const { entityType, entityValue } = q;
  if (entityType || entityValue) {
    query = query.where(({ exists, selectFrom }) => {
      let sub = selectFrom('item_entity').select('item_entity.item_id').whereRef('item_entity.item_id', '=', 'item.id');
      if (entityType) sub = sub.where('item_entity.type', '=', entityType);
      if (entityValue) sub = sub.where('item_entity.normalized', '=', entityValue);
      return exists(sub);
    });
  }
  if (cursor) {
    const { key, id } = cursor;
    query = query.where((eb) => eb.or([eb(column, '<', key), eb.and([eb(column, '=', key), eb('item.id', '<', id)])]));
  }
  const rows = await query.orderBy(column, 'desc').orderBy('item.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const hasMore = rows.length > q.limit && last !== undefined;
  const top = await topIndicators(deps, page.map((r) => r.id));
  return {
    items: page.map((r) => toItemSummary(r, top.get(r.id))),
    next: hasMore ? encodeCursor({ sort: q.sort, key: q.sort === 'score' ? Number(last.risk_score) : last.captured_at, id: last.id }) : null,
  };
}

/** Names of the filters used: the audit log records which, never their values (a phone number is personal data). */
function filterNames(q: ItemQuery): string[] {
  const { sort: _s, cursor: _c, limit: _l, ...filters } = q;
  return Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k]) => k)
    .sort();
}

/** A search of the items, recorded in the audit log with its purpose before the results are returned. */
export async function searchItems(deps: ServiceDeps, actor: Actor, q: ItemQuery, reason: AccessReason): Promise<ItemPage> {
  const page = await listItems(deps, q);
  await appendAudit(deps, actor, {
    action: 'item.search',
    purpose: reason.purpose ?? null,
    legalBasis: reason.legalBasis ?? null,
    details: {
      filters: filterNames(q),
      ...(q.entityType ? { entityType: q.entityType } : {}),
      sort: q.sort,
      page: q.cursor ? 'next' : 'first',
      results: page.items.length,
    },
  });
  return page;
}

/** One item with its analysis. */
export async function getItem(deps: ServiceDeps, id: string): Promise<ItemDetail> {
  const row = await deps.db.selectFrom('item').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Problem(404, 'item.not_found', 'the item was not found');
  const [indicators, entities] = await Promise.all([
    deps.db.selectFrom('item_indicator').selectAll().where('item_id', '=', id).execute(),
    deps.db.selectFrom('item_entity').selectAll().where('item_id', '=', id).orderBy('start').execute(),
  ]);
  // Stored in the order core reported them (by first span); sort so reads are deterministic on both databases.
  indicators.sort((a, b) => firstStart(a.spans) - firstStart(b.spans) || a.indicator_id.localeCompare(b.indicator_id));
  return toItemDetail(row, indicators, entities);
}

function firstStart(spans: string): number {
  const parsed = JSON.parse(spans) as Array<{ start: number }>;
  return parsed[0]?.start ?? Number.MAX_SAFE_INTEGER;
}

/** Reading an item is a sensitive read: it is audited, with its purpose, before the item is returned. */
export async function readItem(deps: ServiceDeps, actor: Actor, id: string, reason: AccessReason): Promise<ItemDetail> {
  const item = await getItem(deps, id);
  await appendAudit(deps, actor, {
    action: 'item.read',
    target: { type: 'item', id },
    purpose: reason.purpose ?? null,
    legalBasis: reason.legalBasis ?? null,
  });
  return item;
}

/** The strongest indicators of each listed item, in one query for the whole page. */
async function topIndicators(deps: ServiceDeps, ids: string[]): Promise<Map<string, ItemSummary['indicators']>> {
  const byItem = new Map<string, ItemSummary['indicators']>();
  if (ids.length === 0) return byItem;
  const rows = await deps.db
    .selectFrom('item_indicator')
    .select(['item_id', 'indicator_id', 'category', 'weight'])
    .where('item_id', 'in', ids)
    .orderBy('weight', 'desc')
    .orderBy('indicator_id')
    .execute();
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    if (list.length < TOP_INDICATORS) list.push({ id: r.indicator_id, category: r.category, weight: Number(r.weight) });
    byItem.set(r.item_id, list);
  }
  return byItem;
}
