import { deliverOutboxMessage, dueOutboxMessages } from '../../outbox/outboxService.js';
import type { OutboxTransports } from '../../outbox/transports.js';
import { isoNow } from '../clock.js';
import { systemActor, type ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';
import { onHotlineMessageSent, queueNotice } from './noticeService.js';
import type { HostLookup } from './providerService.js';
import { checkSubject, dueChecks } from './removalService.js';
import type { UrlChecker } from './urlCheck.js';

export interface SweepOptions {
  checker: UrlChecker;
  transports: OutboxTransports;
  lookup?: HostLookup;
}

export interface SweepReport {
  checked: number;
  removed: number;
  renoticed: number;
  delivered: number;
  failed: number;
}

/**
 * The hotline's recurring work: re-check every notified URL whose time has come (gone → removal recorded;
 * still there → the next notice round, re-sent every CENTINELA_RENOTICE_HOURS), then deliver every outbox
 * message that is due (new, retrying after backoff, or abandoned by a crashed worker). Idempotent.
 */
export async function runHotlineSweep(deps: ServiceDeps, opts: SweepOptions): Promise<SweepReport> {
  const report: SweepReport = { checked: 0, removed: 0, renoticed: 0, delivered: 0, failed: 0 };
  for (const id of await dueChecks(deps)) {
    const r = await checkSubject(deps, systemActor, id, opts.checker);
    report.checked++;
    if (r.removed) {
      report.removed++;
      continue;
    }
    if (r.state === 'present') {
      try {
        await queueNotice(deps, systemActor, id, {}, opts.lookup);
        report.renoticed++;
        continue;
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
      }
    }
    // Undecided (or the provider vanished): look again after the same interval.
    const next = new Date(deps.clock.now().getTime() + deps.config.renoticeHours * 3_600_000).toISOString();
    await deps.db.updateTable('hotline_subject').set({ next_check_at: next, updated_at: isoNow(deps.clock) }).where('id', '=', id).execute();
  }
  for (const id of await dueOutboxMessages(deps)) {
    const outcome = await deliverOutboxMessage(deps, id, { transports: opts.transports, onSent: onHotlineMessageSent });
    if (outcome === 'sent') report.delivered++;
    else if (outcome === 'failed') report.failed++;
  }
  return report;
}
