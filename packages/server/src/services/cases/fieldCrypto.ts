// Field-by-field encryption of identifying values. Each value is its own AES-256-GCM box under a versioned
// sub-key derived from the master key (HKDF purpose `case-field`, version N → key id `case-field:vN`). The key id
// is stored with the box, so during a rotation old and new boxes are both readable; the associated data binds a
// box to its record and field, so a box moved to another person or field does not open.
import { open, seal } from '../../crypto/aead.js';
import type { SealedFieldTable } from '../../db/schema/index.js';
import { isoNow } from '../clock.js';
import type { ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';

const KEY_ID = /^case-field:v([1-9][0-9]{0,5})$/;

export const keyIdOf = (version: number) => `case-field:v${version}`;

function versionOf(keyId: string): number {
  const m = KEY_ID.exec(keyId);
  if (!m) throw new Problem(500, 'crypto.unknown_key', `sealed field names an unknown key id`);
  return Number(m[1]);
}

const aadOf = (recordType: string, recordId: string, field: string) => Buffer.from(`${recordType}:${recordId}:${field}`, 'utf8');

/** The version new values are sealed with; the first call on a fresh database creates version 1. */
export async function activeKeyVersion(deps: ServiceDeps): Promise<number> {
  const row = await deps.db.selectFrom('field_key').select('version').where('state', '=', 'active').orderBy('version', 'desc').executeTakeFirst();
  if (row) return Number(row.version);
  await deps.db
    .insertInto('field_key')
    .values({ version: 1, state: 'active', created_at: isoNow(deps.clock), retired_at: null })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
  return 1;
}

export function sealField(deps: ServiceDeps, version: number, recordType: string, recordId: string, field: string, value: string): SealedFieldTable {
  const box = seal(deps.keyring.derive('case-field', version), Buffer.from(value, 'utf8'), aadOf(recordType, recordId, field));
  return { record_type: recordType, record_id: recordId, field, key_id: keyIdOf(version), box: box.toString('base64') };
}

export function openField(deps: ServiceDeps, row: Pick<SealedFieldTable, 'record_type' | 'record_id' | 'field' | 'key_id' | 'box'>): string {
  const key = deps.keyring.derive('case-field', versionOf(row.key_id));
  try {
    return open(key, Buffer.from(row.box, 'base64'), aadOf(row.record_type, row.record_id, row.field)).toString('utf8');
  } catch {
    // A box that does not open was tampered with, moved, or sealed under another master key: never guess.
    throw new Problem(500, 'crypto.field_unreadable', `a sealed field of ${row.record_type} ${row.record_id} (${row.field}) does not open`);
  }
}

/** Replaces every sealed field of one record with the given values (absent or empty values are dropped). */
export async function writeSealedFields(deps: ServiceDeps, recordType: string, recordId: string, values: ReadonlyMap<string, string>): Promise<void> {
  await deps.db.deleteFrom('sealed_field').where('record_type', '=', recordType).where('record_id', '=', recordId).execute();
  if (values.size === 0) return;
  const version = await activeKeyVersion(deps);
  const rows = [...values].map(([field, value]) => sealField(deps, version, recordType, recordId, field, value));
  await deps.db.insertInto('sealed_field').values(rows).execute();
}

/** Opens the sealed fields of some records; `only` limits which fields are opened (the others stay sealed). */
export async function readSealedFields(
  deps: ServiceDeps,
  recordType: string,
  recordIds: readonly string[],
  only?: (field: string) => boolean,
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (recordIds.length === 0) return out;
  const rows = await deps.db.selectFrom('sealed_field').selectAll().where('record_type', '=', recordType).where('record_id', 'in', [...recordIds]).execute();
  for (const row of rows) {
    if (only && !only(row.field)) continue;
    let m = out.get(row.record_id);
    if (!m) out.set(row.record_id, (m = new Map()));
    m.set(row.field, openField(deps, row));
  }
  return out;
}

export async function deleteSealedFields(deps: ServiceDeps, recordType: string, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await deps.db.deleteFrom('sealed_field').where('record_type', '=', recordType).where('record_id', 'in', [...recordIds]).execute();
}
