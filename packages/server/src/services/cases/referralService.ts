// Referrals and transfers to service organisations. A referral is refused unless the consent it needs is
// recorded (core decideReferral), except by an emergency override from a user holding the permission, with a
// written justification, which is audited. The receiving organisation's users (role `partner`, bound to the
// organisation) see only the referrals made to it, and of each case only the fields the referral shares.
import { createHash } from 'node:crypto';
import {
  decideReferral,
  hasPermission,
  initialReferralState,
  REFERRAL_MACHINE,
  type CaseRecord,
  type ReferralEvent,
  type ReferralPurpose,
  type ReferralState,
} from '@centinela/core';
import type { CaseReferralTable } from '../../db/schema/index.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { appendStreamEvent, loadStream, SEALED_PLACEHOLDER } from './caseEvents.js';
import { canReadCase, caseInScope, type Viewer } from './caseScope.js';
import { CASE_RECORD_TYPE, logCaseAccess } from './caseService.js';
import { mergeCase } from './caseSplit.js';
import { loadConsent } from './consentService.js';
import { readSealedFields } from './fieldCrypto.js';
import { getOrganisation, organisationsOf } from './organisationService.js';

/** This installation, as the sending organisation of its referrals. */
export const LOCAL_ORGANISATION_ID = 'local';

export interface NewReferral {
  toOrganisationId: string;
  kind: 'referral' | 'transfer';
  purpose: ReferralPurpose;
  reason: Extract<ReferralEvent, { type: 'referral.created' }>['reason'];
  sharedFields: string[];
  override?: { justification: string } | undefined;
}

export interface Referral {
  id: string;
  caseId: string;
  toOrganisationId: string;
  kind: string;
  purpose: string;
  status: string;
  basis: string;
  sharedFields: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

const toReferral = (r: CaseReferralTable): Referral => ({
  id: r.id,
  caseId: r.case_id,
  toOrganisationId: r.to_organisation_id,
  kind: r.kind,
  purpose: r.purpose,
  status: r.status,
  basis: r.basis,
  sharedFields: JSON.parse(r.shared_fields) as string[],
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const streamOf = (id: string) => `referral:${id}`;

export async function createReferral(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, input: NewReferral): Promise<Referral> {
  return inTransaction(deps, async (tx) => {
    await caseInScope(tx, viewer, caseId);
    await getOrganisation(tx, input.toOrganisationId);
    const consent = await loadConsent(tx, caseId);
    const at = isoNow(tx.clock);
    const decision = decideReferral({
      consent,
      purpose: input.purpose,
      now: tx.clock.now(),
      recipientOrganisationId: input.toOrganisationId,
      ...(input.override
        ? { override: { actorId: viewer.id, hasOverridePermission: hasPermission(viewer.roles, 'cases.consent_override'), justification: input.override.justification, at } }
        : {}),
    });
    if (!decision.allowed) {
      const status = decision.reason === 'override_not_permitted' ? 403 : decision.reason === 'override_needs_justification' ? 422 : 409;
      await appendAudit(tx, actor, {
        action: 'referral.create',
        outcome: 'denied',
        target: { type: 'case', id: caseId },
        details: { reason: decision.reason, missing: [...decision.missing] },
      });
      throw new Problem(status, `referral.${decision.reason}`, decision.message, { missing: decision.missing, details: decision.details });
    }
    const id = uuidv7(tx.clock.now().getTime());
    const event: ReferralEvent = {
      type: 'referral.created',
      baseVersion: 0,
      at,
      actorId: viewer.id,
      referralId: id,
      caseId,
      kind: input.kind,
      purpose: input.purpose,
      fromOrganisationId: LOCAL_ORGANISATION_ID,
      toOrganisationId: input.toOrganisationId,
      reason: input.reason,
      sharedFields: input.sharedFields,
      decision,
    };
    // The justification may name the person: it is sealed, and the event and the audit entry keep only its hash.
    const justificationHash = decision.basis === 'emergency_override' ? createHash('sha256').update(decision.audit.justification, 'utf8').digest('hex') : null;
    const stored: ReferralEvent =
      decision.basis === 'emergency_override' ? { ...event, decision: { ...decision, audit: { ...decision.audit, justification: SEALED_PLACEHOLDER } } } : event;
    const sealed = decision.basis === 'emergency_override' ? new Map([['justification', decision.audit.justification]]) : new Map<string, string>();
    const state = await appendStreamEvent(tx, REFERRAL_MACHINE, initialReferralState(), caseId, streamOf(id), event, 'referral', sealed, stored);
    const row: CaseReferralTable = {
      id,
      case_id: caseId,
      to_organisation_id: input.toOrganisationId,
      kind: input.kind,
      purpose: input.purpose,
      status: state.status!,
      basis: state.basis!,
      shared_fields: JSON.stringify(state.sharedFields),
      version: state.version,
      created_by: viewer.id,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('case_referral').values(row).execute();
    if (decision.basis === 'emergency_override') {
      // The audit entry carries the hash of the justification (the sealed text is with the referral's log), so the
      // chain proves what was written without holding words that may name the person.
      await appendAudit(tx, actor, {
        action: decision.audit.action,
        target: { type: 'referral', id },
        details: {
          caseId,
          referralPurpose: input.purpose,
          toOrganisationId: input.toOrganisationId,
          missingConsent: decision.audit.missingConsent.map((m) => `${m.purpose}:${m.status}`),
          justificationSha256: justificationHash!,
          justificationLength: decision.audit.justification.length,
        },
      });
    }
    await logCaseAccess(tx, actor, caseId, 'referral_create', { referralId: id, sharedFields: state.sharedFields as string[] });
    return toReferral(row);
  });
}

export async function listCaseReferrals(deps: ServiceDeps, viewer: Viewer, caseId: string, actor?: Actor): Promise<Referral[]> {
  await caseInScope(deps, viewer, caseId);
  if (actor) await logCaseAccess(deps, actor, caseId, 'read_referrals');
  return (await deps.db.selectFrom('case_referral').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute()).map(toReferral);
}

export type ReferralTransition = 'accepted' | 'rejected' | 'done' | 'revoked';

/**
 * The receiving organisation accepts, rejects or marks done; the sending side (who can read the case) revokes.
 * `baseVersion` is the referral version the user saw: a stale one is a conflict.
 */
export async function transitionReferral(
  deps: ServiceDeps,
  actor: Actor,
  viewer: Viewer,
  referralId: string,
  input: { to: ReferralTransition; reason?: string | undefined; baseVersion: number },
): Promise<Referral> {
  return inTransaction(deps, async (tx) => {
    const row = await tx.db.selectFrom('case_referral').selectAll().where('id', '=', referralId).executeTakeFirst();
    const notFound = new Problem(404, 'referral.not_found', 'referral was not found');
    if (!row) throw notFound;
    const recipient = viewer.roles.includes('partner') && (await organisationsOf(tx, viewer.id)).includes(row.to_organisation_id);
    const caseRow = await tx.db.selectFrom('case_record').select(['id', 'owner_id', 'team_id']).where('id', '=', row.case_id).executeTakeFirst();
    const sender = caseRow !== undefined && (await canReadCase(tx, viewer, caseRow));
    if (!recipient && !sender) throw notFound;
    const side = input.to === 'revoked' ? 'sender' : 'recipient';
    if ((side === 'sender' && !sender) || (side === 'recipient' && !recipient)) {
      throw new Problem(403, 'referral.wrong_side', side === 'sender' ? 'only the sending organisation can revoke a referral' : 'only the receiving organisation can accept, reject or complete a referral');
    }
    const state = await loadStream(tx, REFERRAL_MACHINE, initialReferralState(), row.case_id, streamOf(referralId));
    const base = { baseVersion: input.baseVersion, at: isoNow(tx.clock), actorId: viewer.id, side } as const;
    const event: ReferralEvent =
      input.to === 'rejected' || input.to === 'revoked'
        ? { ...base, type: `referral.${input.to}`, reason: input.reason ?? '' }
        : { ...base, type: `referral.${input.to}` };
    const reason = 'reason' in event ? event.reason : '';
    const sealed = reason.trim() !== '' ? new Map([['reason', reason]]) : new Map<string, string>();
    const stored = (reason.trim() !== '' ? { ...event, reason: SEALED_PLACEHOLDER } : event) as ReferralEvent;
    const next: ReferralState = await appendStreamEvent(tx, REFERRAL_MACHINE, state, row.case_id, streamOf(referralId), event, 'referral', sealed, stored);
    await tx.db.updateTable('case_referral').set({ status: next.status!, version: next.version, updated_at: base.at }).where('id', '=', referralId).execute();
    await logCaseAccess(tx, actor, row.case_id, `referral_${input.to}`, { referralId });
    return toReferral({ ...row, status: next.status!, version: next.version, updated_at: base.at });
  });
}

export interface InboxReferral extends Referral {
  /** Only the fields the referral shares; nothing else of the case leaves the sending side. */
  shared: Partial<CaseRecord>;
}

/** Keeps only the shared paths (`person.firstName`, `events[].country`) of a record. */
export function pickShared(record: CaseRecord, sharedFields: readonly string[]): Partial<CaseRecord> {
  const shared = new Set(sharedFields);
  const out: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(record) as Array<[string, unknown]>) {
    if (Array.isArray(value)) {
      const items = value.map((item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => shared.has(`${section}[].${k}`))));
      if (items.some((i) => Object.keys(i).length > 0)) out[section] = items;
    } else if (value && typeof value === 'object') {
      const kept = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => shared.has(`${section}.${k}`)));
      if (Object.keys(kept).length > 0) out[section] = kept;
    }
  }
  return out as Partial<CaseRecord>;
}

/** The referrals made to the partner's organisations, each with only what it shares. Every read is logged for the case owner. */
export async function referralInbox(deps: ServiceDeps, actor: Actor, viewer: Viewer): Promise<InboxReferral[]> {
  const orgs = await organisationsOf(deps, viewer.id);
  if (orgs.length === 0) return [];
  const rows = await deps.db.selectFrom('case_referral').selectAll().where('to_organisation_id', 'in', orgs).where('status', 'in', ['in_progress', 'accepted', 'done']).orderBy('created_at', 'desc').limit(200).execute();
  const out: InboxReferral[] = [];
  for (const row of rows) {
    const referral = toReferral(row);
    const caseRow = await deps.db.selectFrom('case_record').select(['id', 'clear_data']).where('id', '=', row.case_id).executeTakeFirst();
    if (!caseRow) continue;
    const sharedSet = new Set(referral.sharedFields);
    const sealed = (await readSealedFields(deps, CASE_RECORD_TYPE, [row.case_id], (f) => sharedSet.has(f.replace(/\[\d+\]/g, '[]')))).get(row.case_id) ?? new Map();
    const record = mergeCase(JSON.parse(caseRow.clear_data) as CaseRecord, sealed);
    out.push({ ...referral, shared: pickShared(record, referral.sharedFields) });
    await logCaseAccess(deps, actor, row.case_id, 'referral_read', { referralId: row.id });
  }
  return out;
}
