// Retention: a closed case is kept for `caseRetentionDays` after its last change, then purged. Open cases are
// never purged by time (a caseworker still holds them); their date moves forward with every change.
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { deleteCaseData } from './caseService.js';

export const PURGE_CASES_TASK = 'cases.purgeExpired';

export async function purgeExpiredCases(deps: ServiceDeps, actor: Actor): Promise<number> {
  const today = isoNow(deps.clock).slice(0, 10);
  const rows = await deps.db.selectFrom('case_record').select('id').where('retention_until', '<', today).where('status', 'in', ['Closed', 'ClosedReferred']).execute();
  for (const { id } of rows) {
    await inTransaction(deps, async (tx) => {
      await deleteCaseData(tx, id);
      await appendAudit(tx, actor, { action: 'case.purge', target: { type: 'case', id }, details: { reason: 'retention_expired' } });
    });
  }
  return rows.length;
}
