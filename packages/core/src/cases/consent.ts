// The consent log of a person: consent given or withdrawn per purpose, with dates. HTCDS has a single
// con_Consent checkbox whose guidance lists what the person must be told (purpose, data use, research use,
// access, retention, withdrawal); Centinela asks for those points on every grant and keeps a grant per purpose,
// so a referral can check the exact consent it needs.
import { parseInstant } from './dates.js';
import { invalidEvent, invalidTransition, type ApplyResult, type EventMeta, type Machine, type Versioned } from './machine.js';
import { CONSENT_INFORMED_POINTS, type ConsentInformedPoint } from './sections.js';

export const CONSENT_PURPOSES = [
  /** Consent or assent to the interview itself (con_Consent). */
  'interview',
  /** Recording and keeping the person's data in this system. */
  'data_processing',
  /** Use of non-identifying data for research and statistics. */
  'research',
  /** Sharing with a service organisation (shelter, health, legal aid, ...) for a referral. */
  'referral_services',
  /** Sharing with police or prosecution. */
  'referral_law_enforcement',
  /** Sharing with an organisation in another country. */
  'cross_border_transfer',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Who gave the consent: children assent, with a parent or guardian's consent, as the HTCDS guidance says. */
export type ConsentGiver = 'person' | 'guardian' | 'person_and_guardian';

export interface ConsentGrant {
  readonly status: 'given' | 'withdrawn';
  readonly givenAt: string;
  readonly expiresAt: string | null;
  readonly withdrawnAt: string | null;
  readonly givenBy: ConsentGiver;
  /** Organisations the consent covers; null when it covers any organisation offering the purpose. */
  readonly recipientOrganisationIds: readonly string[] | null;
}

export interface ConsentState extends Versioned {
  readonly purposes: Readonly<Partial<Record<ConsentPurpose, ConsentGrant>>>;
}

export type ConsentEvent = EventMeta &
  (
    | {
        readonly type: 'consent.given';
        readonly purposes: readonly ConsentPurpose[];
        readonly givenBy: ConsentGiver;
        /** Each point of the con_Consent guidance the person was told about; all must be true. */
        readonly informed: Readonly<Record<ConsentInformedPoint, boolean>>;
        /** When consent was given, if earlier than it was recorded (a paper form); defaults to `at`. */
        readonly givenAt?: string;
        readonly expiresAt?: string;
        readonly recipientOrganisationIds?: readonly string[];
      }
    | {
        readonly type: 'consent.withdrawn';
        readonly purposes: readonly ConsentPurpose[];
        /** When the person withdrew, if earlier than it was recorded; defaults to `at`. */
        readonly withdrawnAt?: string;
      }
  );

export const initialConsentState = (): ConsentState => ({ version: 0, updatedAt: null, purposes: {} });

const isPurpose = (p: string): p is ConsentPurpose => (CONSENT_PURPOSES as readonly string[]).includes(p);

function checkPurposes(purposes: readonly string[]): ApplyResult<never> | null {
  if (purposes.length === 0) return invalidEvent('purposes', 'name at least one purpose');
  const unknown = purposes.filter((p) => !isPurpose(p));
  if (unknown.length > 0) return invalidEvent('purposes', `unknown consent purpose ${unknown.join(', ')}; allowed: ${CONSENT_PURPOSES.join(', ')}`);
  if (new Set(purposes).size !== purposes.length) return invalidEvent('purposes', 'a purpose is listed twice');
  return null;
}

function reduce(state: ConsentState, event: ConsentEvent): ApplyResult<ConsentState> {
  const bad = checkPurposes(event.purposes);
  if (bad) return bad;
  const at = parseInstant(event.at) as number; // applyEvent has checked it
  if (event.type === 'consent.given') {
    const missing = CONSENT_INFORMED_POINTS.filter((p) => event.informed[p] !== true);
    if (missing.length > 0) return invalidEvent('informed', `consent is not informed: the person was not told of ${missing.join(', ')}`, missing);
    const givenAt = event.givenAt ?? event.at;
    const given = parseInstant(givenAt);
    if (given === null || given > at) return invalidEvent('givenAt', 'givenAt must be a timestamp no later than the event');
    if (event.expiresAt !== undefined) {
      const expires = parseInstant(event.expiresAt);
      if (expires === null || expires <= given) return invalidEvent('expiresAt', 'expiresAt must be a timestamp after givenAt');
    }
    if (event.recipientOrganisationIds && event.recipientOrganisationIds.length === 0) {
      return invalidEvent('recipientOrganisationIds', 'leave recipientOrganisationIds out to cover any organisation, or name at least one');
    }
    const grant: ConsentGrant = {
      status: 'given',
      givenAt,
      expiresAt: event.expiresAt ?? null,
      withdrawnAt: null,
      givenBy: event.givenBy,
      recipientOrganisationIds: event.recipientOrganisationIds ? [...event.recipientOrganisationIds] : null,
    };
    const purposes = { ...state.purposes };
    for (const p of event.purposes) purposes[p] = grant;
    return { ok: true, state: { ...state, purposes } };
  }
  const withdrawnAt = event.withdrawnAt ?? event.at;
  const withdrawn = parseInstant(withdrawnAt);
  if (withdrawn === null || withdrawn > at) return invalidEvent('withdrawnAt', 'withdrawnAt must be a timestamp no later than the event');
  const purposes = { ...state.purposes };
  for (const p of event.purposes) {
    const grant = purposes[p];
    if (!grant || grant.status !== 'given') return invalidTransition(grant ? 'withdrawn' : 'none', `consent.withdrawn (${p})`, ['consent.given']);
    if (withdrawn < (parseInstant(grant.givenAt) as number)) return invalidEvent('withdrawnAt', `withdrawal of ${p} is dated before the consent was given`);
    purposes[p] = { ...grant, status: 'withdrawn', withdrawnAt };
  }
  return { ok: true, state: { ...state, purposes } };
}

export const CONSENT_MACHINE: Machine<ConsentState, ConsentEvent> = { name: 'consent', reduce };

export type ConsentStatus = 'given' | 'none' | 'withdrawn' | 'expired' | 'not_yet_given';

/** Whether consent for a purpose holds at `now`. */
export function consentStatus(state: ConsentState, purpose: ConsentPurpose, now: Date): ConsentStatus {
  const grant = state.purposes[purpose];
  if (!grant) return 'none';
  const t = now.getTime();
  if (grant.withdrawnAt !== null && (parseInstant(grant.withdrawnAt) as number) <= t) return 'withdrawn';
  if ((parseInstant(grant.givenAt) as number) > t) return 'not_yet_given';
  if (grant.expiresAt !== null && (parseInstant(grant.expiresAt) as number) <= t) return 'expired';
  return 'given';
}
