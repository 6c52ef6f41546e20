import { describe, expect, it } from 'vitest';
import { CASE_MACHINE, initialCaseState, type CaseEvent, type CaseState } from './caseStatus.js';
import { CONSENT_MACHINE, consentStatus, initialConsentState, type ConsentEvent, type ConsentState } from './consent.js';
import { applyEvent, replay, type ApplyResult } from './machine.js';
import { canRefer, decideReferral, initialReferralState, REFERRAL_MACHINE, referralShares, type ReferralEvent, type ReferralState } from './referral.js';

const informed = {
  informedOfPurpose: true,
  informedOfDataUse: true,
  informedOfResearchUse: true,
  informedOfAccessRight: true,
  informedOfRetention: true,
  informedOfWithdrawal: true,
};
const meta = (baseVersion: number, at: string) => ({ baseVersion, at, actorId: 'caseworker-1' });
const unwrap = <S>(r: ApplyResult<S>): S => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.state;
};

describe('case status', () => {
  const open: CaseEvent = { ...meta(0, '2026-01-10T09:00:00Z'), type: 'case.opened', caseId: 'case-1' };
  it('opens, follows up, closes with a reason and reopens by a new event', () => {
    const events: CaseEvent[] = [
      open,
      { ...meta(1, '2026-02-01T09:00:00Z'), type: 'case.status_changed', to: 'FollowUp' },
      { ...meta(2, '2026-03-01T09:00:00Z'), type: 'case.closed', to: 'Closed', reason: 'Objetivos cumplidos' },
      { ...meta(3, '2026-04-01T09:00:00Z'), type: 'case.reopened', reason: 'Nueva solicitud de apoyo' },
    ];
    const r = replay(CASE_MACHINE, initialCaseState(), events);
    expect(r.ok && r.state).toMatchObject({ status: 'Active', version: 4, reopenCount: 1, closedAt: null, updatedAt: '2026-04-01T09:00:00Z' });
  });
  it('refuses transitions the status does not allow', () => {
    const s = unwrap(applyEvent(CASE_MACHINE, initialCaseState(), open));
    const reopen = applyEvent(CASE_MACHINE, s, { ...meta(1, '2026-01-11T09:00:00Z'), type: 'case.reopened', reason: 'x' });
    expect(reopen).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'Active', allowed: ['case.status_changed', 'case.closed'] } });
    const early = applyEvent(CASE_MACHINE, initialCaseState(), { ...meta(0, '2026-01-10T09:00:00Z'), type: 'case.closed', to: 'Closed', reason: 'x' });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'none' } });
  });
  it('needs a reason for closure and a referral for ClosedReferred', () => {
    const s = unwrap(applyEvent(CASE_MACHINE, initialCaseState(), open));
    expect(applyEvent(CASE_MACHINE, s, { ...meta(1, '2026-01-11T09:00:00Z'), type: 'case.closed', to: 'Closed', reason: '  ' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(applyEvent(CASE_MACHINE, s, { ...meta(1, '2026-01-11T09:00:00Z'), type: 'case.closed', to: 'ClosedReferred', reason: 'Derivado' })).toMatchObject({ ok: false, error: { field: 'referralId' } });
  });
  it('refuses an event built on a stale version: the last writer does not silently win', () => {
    const s: CaseState = unwrap(applyEvent(CASE_MACHINE, initialCaseState(), open));
    const a = applyEvent(CASE_MACHINE, s, { ...meta(1, '2026-01-11T09:00:00Z'), type: 'case.status_changed', to: 'FollowUp' });
    const s2 = unwrap(a);
    // A second caseworker read version 1 and closes the case after the first one changed it.
    const b = applyEvent(CASE_MACHINE, s2, { ...meta(1, '2026-01-11T09:01:00Z'), type: 'case.closed', to: 'Closed', reason: 'Fin' });
    expect(b).toMatchObject({ ok: false, error: { code: 'conflict', expectedVersion: 2, baseVersion: 1 } });
  });
  it('refuses bad event times and anonymous actors', () => {
    expect(applyEvent(CASE_MACHINE, initialCaseState(), { ...open, at: '2026-02-30T09:00:00Z' })).toMatchObject({ ok: false, error: { code: 'invalid_event', field: 'at' } });
    expect(applyEvent(CASE_MACHINE, initialCaseState(), { ...open, actorId: ' ' })).toMatchObject({ ok: false, error: { field: 'actorId' } });
  });
  it('replay reports the index of the first event that does not apply', () => {
    const r = replay(CASE_MACHINE, initialCaseState(), [open, open]);
    expect(r).toMatchObject({ ok: false, index: 1, error: { code: 'conflict' } });
  });
});

const give = (baseVersion: number, extra: Partial<Extract<ConsentEvent, { type: 'consent.given' }>> = {}): ConsentEvent => ({
  ...meta(baseVersion, '2026-01-10T10:00:00Z'),
  type: 'consent.given',
  purposes: ['data_processing', 'referral_services'],
  givenBy: 'person',
  informed,
  ...extra,
});

describe('consent', () => {
  it('records consent per purpose and its withdrawal with dates', () => {
    let s: ConsentState = unwrap(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0)));
    expect(consentStatus(s, 'referral_services', new Date('2026-01-11T00:00:00Z'))).toBe('given');
    expect(consentStatus(s, 'research', new Date('2026-01-11T00:00:00Z'))).toBe('none');
    s = unwrap(applyEvent(CONSENT_MACHINE, s, { ...meta(1, '2026-02-01T10:00:00Z'), type: 'consent.withdrawn', purposes: ['referral_services'] }));
    expect(s.purposes.referral_services).toMatchObject({ status: 'withdrawn', withdrawnAt: '2026-02-01T10:00:00Z' });
    expect(consentStatus(s, 'referral_services', new Date('2026-02-02T00:00:00Z'))).toBe('withdrawn');
    expect(consentStatus(s, 'data_processing', new Date('2026-02-02T00:00:00Z'))).toBe('given');
  });
  it('refuses consent the person was not fully informed about', () => {
    const r = applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { informed: { ...informed, informedOfWithdrawal: false } }));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_event', field: 'informed', missing: ['informedOfWithdrawal'] } });
  });
  it('refuses withdrawing consent that was never given, and odd dates', () => {
    const w: ConsentEvent = { ...meta(0, '2026-01-10T10:00:00Z'), type: 'consent.withdrawn', purposes: ['research'] };
    expect(applyEvent(CONSENT_MACHINE, initialConsentState(), w)).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'none' } });
    expect(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { givenAt: '2026-01-11T10:00:00Z' }))).toMatchObject({ ok: false, error: { field: 'givenAt' } });
    expect(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { expiresAt: '2026-01-01T00:00:00Z' }))).toMatchObject({ ok: false, error: { field: 'expiresAt' } });
    expect(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { purposes: [] }))).toMatchObject({ ok: false, error: { field: 'purposes' } });
  });
  it('lets consent expire', () => {
    const s = unwrap(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { expiresAt: '2026-06-30T00:00:00Z' })));
    expect(consentStatus(s, 'data_processing', new Date('2026-06-29T23:59:59Z'))).toBe('given');
    expect(consentStatus(s, 'data_processing', new Date('2026-06-30T00:00:00Z'))).toBe('expired');
  });
});

describe('canRefer and decideReferral', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const consented = unwrap(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0)));

  it('refuses a referral without consent and allows it with consent', () => {
    expect(canRefer(initialConsentState(), 'support_services', now)).toMatchObject({ allowed: false, reason: 'consent_required', missing: ['data_processing', 'referral_services'] });
    expect(canRefer(consented, 'support_services', now)).toEqual({ allowed: true, consentPurposes: ['data_processing', 'referral_services'] });
    expect(canRefer(consented, 'law_enforcement', now)).toMatchObject({ allowed: false, missing: ['referral_law_enforcement'] });
  });
  it('refuses after withdrawal or expiry', () => {
    const w = unwrap(applyEvent(CONSENT_MACHINE, consented, { ...meta(1, '2026-02-01T10:00:00Z'), type: 'consent.withdrawn', purposes: ['referral_services'] }));
    expect(canRefer(w, 'support_services', now)).toMatchObject({ allowed: false, details: [{ purpose: 'referral_services', status: 'withdrawn' }] });
    const e = unwrap(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { expiresAt: '2026-02-01T00:00:00Z' })));
    expect(canRefer(e, 'support_services', now)).toMatchObject({ allowed: false, details: [{ status: 'expired' }, { status: 'expired' }] });
  });
  it('honours consent limited to named organisations', () => {
    const limited = unwrap(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0, { recipientOrganisationIds: ['org-shelter'] })));
    expect(canRefer(limited, 'support_services', now, { recipientOrganisationId: 'org-shelter' }).allowed).toBe(true);
    expect(canRefer(limited, 'support_services', now, { recipientOrganisationId: 'org-other' })).toMatchObject({ allowed: false, details: [{ status: 'recipient_not_covered' }, { status: 'recipient_not_covered' }] });
  });
  it('allows an emergency override only with the permission and a justification, and returns the audit record', () => {
    const base = { consent: initialConsentState(), purpose: 'support_services' as const, now, recipientOrganisationId: 'org-shelter' };
    const justification = 'Riesgo inminente para la vida; la persona no puede firmar ahora.';
    expect(decideReferral(base)).toMatchObject({ allowed: false, reason: 'consent_required' });
    expect(decideReferral({ ...base, override: { actorId: 'u2', hasOverridePermission: false, justification, at: '2026-03-01T00:00:00Z' } })).toMatchObject({ allowed: false, reason: 'override_not_permitted' });
    expect(decideReferral({ ...base, override: { actorId: 'u2', hasOverridePermission: true, justification: 'urgente', at: '2026-03-01T00:00:00Z' } })).toMatchObject({ allowed: false, reason: 'override_needs_justification' });
    const d = decideReferral({ ...base, override: { actorId: 'u2', hasOverridePermission: true, justification, at: '2026-03-01T00:00:00Z' } });
    expect(d).toMatchObject({
      allowed: true,
      basis: 'emergency_override',
      audit: { action: 'referral.consent_override', actorId: 'u2', recipientOrganisationId: 'org-shelter', justification, missingConsent: [{ purpose: 'data_processing', status: 'none' }, { purpose: 'referral_services', status: 'none' }] },
    });
    // With consent in place an override is not used (nor audited as one).
    expect(decideReferral({ ...base, consent: consented, override: { actorId: 'u2', hasOverridePermission: true, justification, at: '2026-03-01T00:00:00Z' } })).toMatchObject({ basis: 'consent' });
  });
});

describe('referral', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const consented = unwrap(applyEvent(CONSENT_MACHINE, initialConsentState(), give(0)));
  const decision = decideReferral({ consent: consented, purpose: 'support_services', now });
  if (!decision.allowed) throw new Error('test setup');
  const created: ReferralEvent = {
    ...meta(0, '2026-03-01T00:00:00Z'),
    type: 'referral.created',
    referralId: 'ref-1',
    caseId: 'case-1',
    kind: 'referral',
    purpose: 'support_services',
    fromOrganisationId: 'org-hotline',
    toOrganisationId: 'org-shelter',
    reason: 'AdditionalServicesRequired',
    sharedFields: ['person.firstName', 'events[0].country', 'victim.typeOfExploitation'],
    decision,
  };
  const start = (): ReferralState => unwrap(applyEvent(REFERRAL_MACHINE, initialReferralState(), created));

  it('moves in_progress -> accepted -> done and shares only the named fields', () => {
    let s = start();
    expect(s).toMatchObject({ status: 'in_progress', basis: 'consent', sharedFields: ['person.firstName', 'events[].country', 'victim.typeOfExploitation'] });
    expect(referralShares(s, 'events[3].country')).toBe(true);
    expect(referralShares(s, 'person.birthdate')).toBe(false);
    s = unwrap(applyEvent(REFERRAL_MACHINE, s, { ...meta(1, '2026-03-02T00:00:00Z'), type: 'referral.accepted', side: 'recipient' }));
    s = unwrap(applyEvent(REFERRAL_MACHINE, s, { ...meta(2, '2026-03-09T00:00:00Z'), type: 'referral.done', side: 'recipient' }));
    expect(s).toMatchObject({ status: 'done', closedAt: '2026-03-09T00:00:00Z', version: 3 });
    expect(applyEvent(REFERRAL_MACHINE, s, { ...meta(3, '2026-03-10T00:00:00Z'), type: 'referral.revoked', side: 'sender', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'done', allowed: [] } });
  });
  it('lets the sender revoke and the recipient reject, each only their own moves', () => {
    const s = start();
    expect(applyEvent(REFERRAL_MACHINE, s, { ...meta(1, '2026-03-02T00:00:00Z'), type: 'referral.accepted', side: 'sender' })).toMatchObject({ ok: false, error: { field: 'side' } });
    expect(unwrap(applyEvent(REFERRAL_MACHINE, s, { ...meta(1, '2026-03-02T00:00:00Z'), type: 'referral.revoked', side: 'sender', reason: 'Retiro del consentimiento' }))).toMatchObject({ status: 'revoked', closingReason: 'Retiro del consentimiento' });
    expect(unwrap(applyEvent(REFERRAL_MACHINE, s, { ...meta(1, '2026-03-02T00:00:00Z'), type: 'referral.rejected', side: 'recipient', reason: 'Sin plazas' }))).toMatchObject({ status: 'rejected' });
    expect(applyEvent(REFERRAL_MACHINE, s, { ...meta(1, '2026-03-02T00:00:00Z'), type: 'referral.done', side: 'recipient' })).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'in_progress' } });
  });
  it('refuses a referral without an allowed decision or with unknown shared fields', () => {
    const blocked = decideReferral({ consent: initialConsentState(), purpose: 'support_services', now });
    const forged = { ...created, decision: blocked } as unknown as ReferralEvent;
    expect(applyEvent(REFERRAL_MACHINE, initialReferralState(), forged)).toMatchObject({ ok: false, error: { field: 'decision' } });
    expect(applyEvent(REFERRAL_MACHINE, initialReferralState(), { ...created, sharedFields: ['person.secret'] })).toMatchObject({ ok: false, error: { field: 'sharedFields' } });
  });
});
