// Cases: the HTCDS 2.0 vocabulary, victim case records and their checks, and the state machines of case
// status, consent and referrals (event log + projection, with version conflicts).
export * from './htcds/index.js';
export { parsePartialDate, parseInstant, ageRangeOn, wholeYears, utcDay, type PartialDate, type DateSpan } from './dates.js';
export type { IssueCode, ValidationIssue, ParseResult } from './issues.js';
export type { IdentifyingKind, FieldSpec, SectionSpec, SectionValue, FieldMapping } from './fieldSpec.js';
export {
  PERSON_SPEC,
  VICTIM_SPEC,
  EVENT_SPEC,
  SUPPORT_PLAN_SPEC,
  CASE_SPEC,
  COMMENT_SPEC,
  CONSENT_SPEC,
  CASE_SECTIONS,
  CONSENT_INFORMED_POINTS,
  type Person,
  type VictimContext,
  type HistoricEvent,
  type HistoricEventType,
  type SupportPlan,
  type CaseDetails,
  type CaseComment,
  type ConsentSection,
  type CaseStatus,
  type CaseSectionName,
  type ConsentInformedPoint,
} from './sections.js';
export { parseCaseRecord, type CaseRecord, type CaseParseOptions } from './record.js';
export { IDENTIFYING_FIELDS, CASE_FIELD_MAPPINGS, isIdentifyingField, isCaseFieldPath, type IdentifyingField } from './identifying.js';
export {
  applyEvent,
  replay,
  type Versioned,
  type EventMeta,
  type Machine,
  type ApplyResult,
  type TransitionError,
} from './machine.js';
export { CASE_MACHINE, CASE_TRANSITIONS, initialCaseState, type CaseEvent, type CaseState } from './caseStatus.js';
export {
  CONSENT_MACHINE,
  CONSENT_PURPOSES,
  consentStatus,
  initialConsentState,
  type ConsentPurpose,
  type ConsentGiver,
  type ConsentGrant,
  type ConsentState,
  type ConsentEvent,
  type ConsentStatus,
} from './consent.js';
export {
  REFERRAL_MACHINE,
  REFERRAL_PURPOSES,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  CONSENT_NEEDED_FOR_REFERRAL,
  canRefer,
  decideReferral,
  initialReferralState,
  referralShares,
  type ReferralPurpose,
  type ReferralStatus,
  type ReferralEvent,
  type ReferralState,
  type ReferralCheck,
  type ReferralDecision,
  type AllowedReferralDecision,
  type MissingConsent,
  type EmergencyOverride,
  type ConsentOverrideAudit,
} from './referral.js';
