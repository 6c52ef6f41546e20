// Rotation of the field key without downtime. `startKeyRotation` makes a new key version active (new writes use
// it at once) and marks the old one retiring; reads keep opening boxes under either, since each box names its
// key. `reencryptBatch` then re-seals, a batch per transaction, every box still under an old key; it is
// resumable (it only looks at what is left) and safe alongside writers (each update is conditional on the box
// being unchanged). When nothing is left the old versions are retired.
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';
import { activeKeyVersion, keyIdOf, openField, sealField } from './fieldCrypto.js';

export const REENCRYPT_TASK = 'cases.reencryptFields';

export interface KeyStatus {
  activeVersion: number;
  retiringVersions: number[];
  /** Sealed fields still under a key other than the active one. */
  pending: number;
}

export async function keyStatus(deps: ServiceDeps): Promise<KeyStatus> {
  const active = await activeKeyVersion(deps);
  const retiring = await deps.db.selectFrom('field_key').select('version').where('state', '=', 'retiring').orderBy('version').execute();
  const pending = await deps.db.selectFrom('sealed_field').select((eb) => eb.fn.countAll<number>().as('n')).where('key_id', '!=', keyIdOf(active)).executeTakeFirstOrThrow();
  return { activeVersion: active, retiringVersions: retiring.map((r) => Number(r.version)), pending: Number(pending.n) };
}

/** Makes version N+1 active. Refused while an earlier rotation has boxes left to re-seal (resume that one). */
export async function startKeyRotation(deps: ServiceDeps, actor: Actor): Promise<KeyStatus> {
  await inTransaction(deps, async (tx) => {
    const active = await activeKeyVersion(tx);
    const status = await keyStatus(tx);
    if (status.pending > 0) throw new Problem(409, 'keys.rotation_in_progress', `a rotation is still re-encrypting ${status.pending} field(s); resume it first`);
    await tx.db.updateTable('field_key').set({ state: 'retiring' }).where('version', '=', active).execute();
    await tx.db.insertInto('field_key').values({ version: active + 1, state: 'active', created_at: isoNow(tx.clock), retired_at: null }).execute();
    await appendAudit(tx, actor, { action: 'keys.rotate', target: { type: 'field_key', id: keyIdOf(active + 1) }, details: { from: keyIdOf(active), to: keyIdOf(active + 1) } });
  });
  return keyStatus(deps);
}

/** Re-seals up to `batchSize` boxes under the active key; returns how many were re-sealed (0 when done). */
export async function reencryptBatch(deps: ServiceDeps, batchSize = 500): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const active = await activeKeyVersion(tx);
    const rows = await tx.db.selectFrom('sealed_field').selectAll().where('key_id', '!=', keyIdOf(active)).limit(batchSize).execute();
    for (const row of rows) {
      const fresh = sealField(tx, active, row.record_type, row.record_id, row.field, openField(tx, row));
      await tx.db
        .updateTable('sealed_field')
        .set({ key_id: fresh.key_id, box: fresh.box })
        .where('record_type', '=', row.record_type)
        .where('record_id', '=', row.record_id)
        .where('field', '=', row.field)
        .where('box', '=', row.box)
        .execute();
    }
    if (rows.length === 0) {
      await tx.db.updateTable('field_key').set({ state: 'retired', retired_at: isoNow(tx.clock) }).where('state', '=', 'retiring').execute();
    }
    return rows.length;
  });
}

/** Runs batches until every box is under the active key; `onBatch` reports progress. */
export async function reencryptAll(deps: ServiceDeps, onBatch: (done: number) => void = () => {}, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await reencryptBatch(deps, batchSize);
    if (n === 0) return total;
    total += n;
    onBatch(total);
  }
}
