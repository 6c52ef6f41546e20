// Referrals and transfers to other organisations, gated by consent. A referral is refused unless the consent
// it needs is recorded, in force and covers the receiving organisation. In an emergency a user holding the
// override permission may refer anyway with a written justification; that decision is returned with an audit
// record the server must append to the audit log, and the referral carries it for ever.
import { consentStatus, type ConsentPurpose, type ConsentState, type ConsentStatus } from './consent.js';
import { parseInstant } from './dates.js';
import type { PicklistValue } from './htcds/vocabulary.js';
import { isCaseFieldPath } from './identifying.js';
import { invalidEvent, invalidTransition, type ApplyResult, type EventMeta, type Machine, type Versioned } from './machine.js';

export const REFERRAL_PURPOSES = ['support_services', 'law_enforcement', 'cross_border'] as const;
export type ReferralPurpose = (typeof REFERRAL_PURPOSES)[number];

/** The consent each kind of referral needs (all of them). */
export const CONSENT_NEEDED_FOR_REFERRAL: Readonly<Record<ReferralPurpose, readonly ConsentPurpose[]>> = {
  support_services: ['data_processing', 'referral_services'],
  law_enforcement: ['data_processing', 'referral_law_enforcement'],
  cross_border: ['data_processing', 'referral_services', 'cross_border_transfer'],
};

export interface MissingConsent {
  readonly purpose: ConsentPurpose;
  readonly status: Exclude<ConsentStatus, 'given'> | 'recipient_not_covered';
}

export type ReferralCheck =
  | { readonly allowed: true; readonly consentPurposes: readonly ConsentPurpose[] }
  | {
      readonly allowed: false;
      readonly reason: 'consent_required';
      readonly message: string;
      readonly missing: readonly ConsentPurpose[];
      readonly details: readonly MissingConsent[];
    };

/** Whether the recorded consent allows a referral for `purpose` to `recipientOrganisationId` at `now`. */
export function canRefer(consent: ConsentState, purpose: ReferralPurpose, now: Date, options: { recipientOrganisationId?: string } = {}): ReferralCheck {
  const needed = CONSENT_NEEDED_FOR_REFERRAL[purpose];
  const details: MissingConsent[] = [];
  for (const p of needed) {
    const status = consentStatus(consent, p, now);
    if (status !== 'given') {
      details.push({ purpose: p, status });
      continue;
    }
    const recipients = consent.purposes[p]?.recipientOrganisationIds ?? null;
    // Consent limited to named organisations covers only them; a referral with no named recipient cannot rely on it.
    if (recipients !== null && (options.recipientOrganisationId === undefined || !recipients.includes(options.recipientOrganisationId))) {
      details.push({ purpose: p, status: 'recipient_not_covered' });
    }
  }
  if (details.length === 0) return { allowed: true, consentPurposes: needed };
  return {
    allowed: false,
    reason: 'consent_required',
    message: `a ${purpose} referral needs consent for ${details.map((d) => `${d.purpose} (${d.status})`).join(', ')}`,
    missing: details.map((d) => d.purpose),
    details,
  };
}

export interface EmergencyOverride {
  readonly actorId: string;
  /** Whether the actor holds the override permission (decided by the server from the actor's role). */
  readonly hasOverridePermission: boolean;
  readonly justification: string;
  readonly at: string;
}

/** What the server appends to the audit log when consent is overridden. */
export interface ConsentOverrideAudit {
  readonly action: 'referral.consent_override';
  readonly actorId: string;
  readonly at: string;
  readonly referralPurpose: ReferralPurpose;
  readonly recipientOrganisationId: string | null;
  readonly missingConsent: readonly MissingConsent[];
  readonly justification: string;
}

export type ReferralDecision =
  | { readonly allowed: true; readonly basis: 'consent'; readonly consentPurposes: readonly ConsentPurpose[] }
  | { readonly allowed: true; readonly basis: 'emergency_override'; readonly audit: ConsentOverrideAudit }
  | {
      readonly allowed: false;
      readonly reason: 'consent_required' | 'override_not_permitted' | 'override_needs_justification';
      readonly message: string;
      readonly missing: readonly ConsentPurpose[];
      readonly details: readonly MissingConsent[];
    };
export type AllowedReferralDecision = Extract<ReferralDecision, { allowed: true }>;

const MIN_JUSTIFICATION = 20;

/**
 * The decision to make a referral: by consent when the consent is there; otherwise only by an explicit
 * emergency override from a permitted user with a justification. An override is never used when consent suffices.
 */
export function decideReferral(input: {
  readonly consent: ConsentState;
  readonly purpose: ReferralPurpose;
  readonly now: Date;
  readonly recipientOrganisationId?: string;
  readonly override?: EmergencyOverride;
}): ReferralDecision {
  const check = canRefer(input.consent, input.purpose, input.now, input.recipientOrganisationId === undefined ? {} : { recipientOrganisationId: input.recipientOrganisationId });
  if (check.allowed) return { allowed: true, basis: 'consent', consentPurposes: check.consentPurposes };
  const o = input.override;
  if (!o) return check;
  if (!o.hasOverridePermission) {
    return { ...check, reason: 'override_not_permitted', message: `${o.actorId} may not override consent; ${check.message}` };
  }
  if (o.justification.trim().length < MIN_JUSTIFICATION || parseInstant(o.at) === null) {
    return { ...check, reason: 'override_needs_justification', message: `an emergency override needs a written justification (at least ${MIN_JUSTIFICATION} characters) and a time` };
  }
  return {
    allowed: true,
    basis: 'emergency_override',
    audit: {
      action: 'referral.consent_override',
      actorId: o.actorId,
      at: o.at,
      referralPurpose: input.purpose,
      recipientOrganisationId: input.recipientOrganisationId ?? null,
      missingConsent: check.details,
      justification: o.justification.trim(),
    },
  };
}

export const REFERRAL_STATUSES = ['in_progress', 'accepted', 'rejected', 'done', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The sending organisation revokes; the receiving one accepts, rejects and marks done. */
type Side = 'sender' | 'recipient';

export type ReferralEvent = EventMeta &
  (
    | {
        readonly type: 'referral.created';
        readonly referralId: string;
        readonly caseId: string;
        /** A transfer hands the case over; a referral asks for a service and the case stays. */
        readonly kind: 'referral' | 'transfer';
        readonly purpose: ReferralPurpose;
        readonly fromOrganisationId: string;
        readonly toOrganisationId: string;
        readonly reason: PicklistValue<'cas_ReasonForOutgoingReferral'>;
        /** Case field paths the receiving organisation may see, e.g. `person.firstName`, `events[].country`. */
        readonly sharedFields: readonly string[];
        readonly decision: AllowedReferralDecision;
      }
    | { readonly type: 'referral.accepted'; readonly side: Side }
    | { readonly type: 'referral.rejected'; readonly side: Side; readonly reason: string }
    | { readonly type: 'referral.done'; readonly side: Side }
    | { readonly type: 'referral.revoked'; readonly side: Side; readonly reason: string }
  );

export interface ReferralState extends Versioned {
  readonly status: ReferralStatus | null;
  readonly referralId: string | null;
  readonly caseId: string | null;
  readonly kind: 'referral' | 'transfer' | null;
  readonly purpose: ReferralPurpose | null;
  readonly fromOrganisationId: string | null;
  readonly toOrganisationId: string | null;
  readonly sharedFields: readonly string[];
  readonly basis: AllowedReferralDecision['basis'] | null;
  readonly createdAt: string | null;
  readonly closedAt: string | null;
  readonly closingReason: string | null;
}

export const initialReferralState = (): ReferralState => ({
  version: 0,
  updatedAt: null,
  status: null,
  referralId: null,
  caseId: null,
  kind: null,
  purpose: null,
  fromOrganisationId: null,
  toOrganisationId: null,
  sharedFields: [],
  basis: null,
  createdAt: null,
  closedAt: null,
  closingReason: null,
});

/** Allowed transitions: in_progress -> accepted | rejected | revoked; accepted -> done | revoked; the rest are final. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus | 'none', readonly ReferralEvent['type'][]>> = {
  none: ['referral.created'],
  in_progress: ['referral.accepted', 'referral.rejected', 'referral.revoked'],
  accepted: ['referral.done', 'referral.revoked'],
  rejected: [],
  done: [],
  revoked: [],
};

const SIDE_OF: Readonly<Record<Exclude<ReferralEvent['type'], 'referral.created'>, Side>> = {
  'referral.accepted': 'recipient',
  'referral.rejected': 'recipient',
  'referral.done': 'recipient',
  'referral.revoked': 'sender',
};

function reduce(state: ReferralState, event: ReferralEvent): ApplyResult<ReferralState> {
  const from = state.status ?? 'none';
  if (!REFERRAL_TRANSITIONS[from].includes(event.type)) return invalidTransition(from, event.type, REFERRAL_TRANSITIONS[from]);
  if (event.type === 'referral.created') {
    // The type only admits allowed decisions, but events also arrive from storage: check again.
    if (!(event.decision as ReferralDecision).allowed) return invalidEvent('decision', 'a referral needs an allowed decision (consent or emergency override)');
    if (event.sharedFields.length === 0) return invalidEvent('sharedFields', 'say which case fields the receiving organisation may see');
    const unknown = event.sharedFields.filter((f) => !isCaseFieldPath(f));
    if (unknown.length > 0) return invalidEvent('sharedFields', `not case fields: ${unknown.join(', ')}`);
    if (event.fromOrganisationId === event.toOrganisationId) return invalidEvent('toOrganisationId', 'an organisation cannot refer to itself');
    return {
      ok: true,
      state: {
        ...state,
        status: 'in_progress',
        referralId: event.referralId,
        caseId: event.caseId,
        kind: event.kind,
        purpose: event.purpose,
        fromOrganisationId: event.fromOrganisationId,
        toOrganisationId: event.toOrganisationId,
        sharedFields: [...new Set(event.sharedFields.map((f) => f.replace(/\[\d+\]/g, '[]')))],
        basis: event.decision.basis,
        createdAt: event.at,
      },
    };
  }
  const side = SIDE_OF[event.type];
  if (event.side !== side) return invalidEvent('side', `only the ${side === 'sender' ? 'sending' : 'receiving'} organisation can apply ${event.type}`);
  const status = event.type.slice('referral.'.length) as ReferralStatus;
  const reason = 'reason' in event ? event.reason.trim() : null;
  if (reason === '') return invalidEvent('reason', `${event.type} needs a reason`);
  const final = REFERRAL_TRANSITIONS[status].length === 0;
  return { ok: true, state: { ...state, status, closedAt: final ? event.at : null, closingReason: reason } };
}

export const REFERRAL_MACHINE: Machine<ReferralState, ReferralEvent> = { name: 'referral', reduce };

/** What the receiving organisation may see of a case field: only what the referral shares. */
export function referralShares(state: ReferralState, fieldPath: string): boolean {
  return state.sharedFields.includes(fieldPath.replace(/\[\d+\]/g, '[]'));
}
