import { ChainVerifier, canonicalJson, hashAuditEntry, type AuditEntry, type ChainVerdict, type JsonValue } from '@centinela/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuditLogTable } from '../db/schema/index.js';
import { isoNow } from './clock.js';
import { inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';

export interface AuditRecord {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  target?: { type: string; id: string | null };
  /** For investigative searches and sensitive reads: why, and under which legal basis. */
  purpose?: string | null;
  legalBasis?: string | null;
  /** Never personal data or secrets: ids, counts, field names. */
  details?: { [key: string]: JsonValue };
}

/**
 * Appends one entry to the hash chain. Bumping the head row first takes the write lock on both
 * SQLite and PostgreSQL, so concurrent appends queue up instead of forking the chain.
 */
export function appendAudit(deps: ServiceDeps, actor: Actor, record: AuditRecord): Promise<AuditEntry> {
  return inTransaction(deps, async ({ db, clock }) => {
    // Bump and read the head in one statement (RETURNING: SQLite ≥ 3.35 and PostgreSQL), under the write lock it takes.
    const head = await db.updateTable('audit_head').set({ seq: sql`seq + 1` }).where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirstOrThrow();
    const body = {
      seq: head.seq,
      id: uuidv7(clock.now().getTime()),
      at: isoNow(clock),
      actorType: actor.type,
      actorId: actor.id,
      action: record.action,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      ip: actor.ip,
      purpose: record.purpose ?? null,
      legalBasis: record.legalBasis ?? null,
      outcome: record.outcome ?? 'success',
      details: canonicalJson(record.details ?? {}),
      prevHash: head.hash,
    };
    const hash = hashAuditEntry(body);
    await db.insertInto('audit_log').values(toRow({ ...body, hash })).execute();
    await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
    return { ...body, hash };
  });
}

function toRow(e: AuditEntry): AuditLogTable {
  return {
    seq: e.seq,
    id: e.id,
    at: e.at,
    actor_type: e.actorType,
    actor_id: e.actorId,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    ip: e.ip,
    purpose: e.purpose,
    legal_basis: e.legalBasis,
    outcome: e.outcome,
    details: e.details,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export function fromAuditRow(r: AuditLogTable): AuditEntry {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    outcome: r.outcome,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Walks the whole chain in pages (constant memory) and checks it against the recorded head. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  let after = 0;
  let intact = true;
  while (intact) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    intact = rows.every((row) => verifier.push(fromAuditRow(row)));
    if (rows.length < pageSize) break;
    after = Number(rows.at(-1)!.seq);
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return verifier.finish({ seq: Number(head.seq), hash: head.hash });
}

export interface AuditQuery {
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  action?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAuditEntries(db: Db, q: AuditQuery): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(q.limit);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  return (await query.execute()).map(fromAuditRow);
}
