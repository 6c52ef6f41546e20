// A whole victim case record: each section checked against its spec, then the checks that need several
// sections at once (dates against the birth date and each other, status against closure reason, ...).
import { ageRangeOn, certainlyBefore, parsePartialDate, utcDay, type DateSpan } from './dates.js';
import { parseSection, type ParseContext, type SectionSpec, type SectionValue } from './fieldSpec.js';
import { IssueList, type ParseResult } from './issues.js';
import {
  CASE_SECTIONS,
  CONSENT_INFORMED_POINTS,
  type CaseComment,
  type CaseDetails,
  type ConsentSection,
  type HistoricEvent,
  type Person,
  type SupportPlan,
  type VictimContext,
} from './sections.js';

export interface CaseRecord {
  case: CaseDetails;
  person: Person;
  victim?: VictimContext;
  events?: HistoricEvent[];
  supportPlans?: SupportPlan[];
  consent?: ConsentSection;
  comments?: CaseComment[];
}

export interface CaseParseOptions {
  /** The current time, passed in: core has no clock. Dates after this day are refused. */
  readonly now: Date;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an untrusted case record. Errors name the field and, for picklists, the allowed values. */
export function parseCaseRecord(input: unknown, options: CaseParseOptions): ParseResult<CaseRecord> {
  const issues = new IssueList();
  const ctx: ParseContext = { today: utcDay(options.now) };
  if (!isRecord(input)) {
    issues.error('', 'wrong_type', 'a case record must be an object');
    return issues.fail();
  }
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(CASE_SECTIONS, key)) issues.error(key, 'unknown_field', `a case record has no section "${key}"`, { allowed: Object.keys(CASE_SECTIONS) });
  }
  const one = <S extends SectionSpec>(name: string, spec: S, needed: boolean): SectionValue<S> | undefined => {
    const raw = input[name];
    if (raw === undefined || raw === null) {
      if (needed) issues.error(name, 'required', `${name} is required`);
      return undefined;
    }
    return parseSection(spec, raw, name, issues, ctx) ?? undefined;
  };
  const many = <S extends SectionSpec>(name: string, spec: S): SectionValue<S>[] | undefined => {
    const raw = input[name];
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw)) {
      issues.error(name, 'wrong_type', `${name} must be a list`);
      return undefined;
    }
    return raw.map((item, i) => parseSection(spec, item, `${name}[${i}]`, issues, ctx)).filter((v): v is SectionValue<S> => v !== null);
  };

  const record: CaseRecord = {
    // When `case` is missing an error is recorded and the record is never returned, so the cast cannot leak.
    case: one('case', CASE_SECTIONS.case.spec, true) as CaseDetails,
    person: one('person', CASE_SECTIONS.person.spec, false) ?? {},
  };
  const victim = one('victim', CASE_SECTIONS.victim.spec, false);
  const events = many('events', CASE_SECTIONS.events.spec);
  const supportPlans = many('supportPlans', CASE_SECTIONS.supportPlans.spec);
  const consent = one('consent', CASE_SECTIONS.consent.spec, false);
  const comments = many('comments', CASE_SECTIONS.comments.spec);
  if (victim) record.victim = victim;
  if (events) record.events = events;
  if (supportPlans) record.supportPlans = supportPlans;
  if (consent) record.consent = consent;
  if (comments) record.comments = comments;

  // Cross-section checks only make sense on sections that parsed cleanly.
  if (issues.errors.length === 0) crossCheck(record, issues, ctx);
  return issues.result(record);
}

function crossCheck(record: CaseRecord, issues: IssueList, ctx: ParseContext): void {
  const birth = record.person.birthdate ? parsePartialDate(record.person.birthdate) : null;
  const notBeforeBirth = (field: string, value: string | undefined, htcdsField?: string) => {
    const span = value ? parsePartialDate(value) : null;
    if (birth && span && certainlyBefore(span, birth)) issues.error(field, 'date_before_birth', `${field} is before the person was born`, htcdsField ? { htcdsField } : undefined);
  };
  notBeforeBirth('case.registeredOn', record.case.registeredOn);
  notBeforeBirth('case.incomingReferralDate', record.case.incomingReferralDate, 'cas_IncomingReferralDate');
  notBeforeBirth('case.outgoingReferralDate', record.case.outgoingReferralDate, 'cas_OutgoingReferralDate');
  record.supportPlans?.forEach((p, i) => notBeforeBirth(`supportPlans[${i}].actualEndDate`, p.actualEndDate, 'spl_ActualEndDate'));
  record.events?.forEach((e, i) => notBeforeBirth(`events[${i}].date`, e.date, 'hte_Date'));
  checkEventOrder(record.events ?? [], issues);
  if (record.victim) checkVictim(record.victim, birth, record.events ?? [], issues, ctx);
  checkCaseStatus(record.case, issues);
  if (record.consent) checkConsent(record.consent, issues);
}

/** Exploitation or transit that certainly happened before the first recruitment is flagged, not refused. */
function checkEventOrder(events: readonly HistoricEvent[], issues: IssueList): void {
  const dated = events.map((e, i) => ({ e, i, span: e.date ? parsePartialDate(e.date) : null })).filter((d): d is { e: HistoricEvent; i: number; span: DateSpan } => d.span !== null);
  const recruitments = dated.filter((d) => d.e.type === 'Recruitment');
  if (recruitments.length === 0) return;
  const firstRecruitment = Math.min(...recruitments.map((d) => d.span.first));
  for (const d of dated) {
    if (d.e.type !== 'Recruitment' && d.span.last < firstRecruitment) {
      issues.warn(`events[${d.i}].date`, 'event_order', `${d.e.type.toLowerCase()} on ${d.e.date} is before the first recruitment`, { htcdsField: 'hte_Date' });
    }
  }
}

function checkVictim(victim: VictimContext, birth: DateSpan | null, events: readonly HistoricEvent[], issues: IssueList, ctx: ParseContext): void {
  if (victim.traffickingStatusDecidedBy && !victim.traffickingStatus) {
    issues.error('victim.traffickingStatusDecidedBy', 'inconsistent', 'who decided the trafficking status is given, but not the status', { htcdsField: 'vic_TraffickingStatusDecisionMakingOrg' });
  }
  if (victim.traffickingStatus === 'ActualVictimOfTrafficking' && !victim.traffickingStatusDecidedBy) {
    issues.warn('victim.traffickingStatusDecidedBy', 'required', 'an actual victim status should say who decided it', { htcdsField: 'vic_TraffickingStatusDecisionMakingOrg' });
  }
  const forms = victim.typeOfExploitation ?? [];
  if (victim.forcedLabourIndustry && !forms.includes('ForcedLabour')) {
    issues.warn('victim.forcedLabourIndustry', 'inconsistent', 'a forced labour industry is given but the type of exploitation does not include ForcedLabour', { htcdsField: 'vic_ForcedLabourIndustry' });
  }
  if (victim.typeOfSexExploitation?.length && !forms.includes('SexualExploitation')) {
    issues.warn('victim.typeOfSexExploitation', 'inconsistent', 'a type of sexual exploitation is given but the type of exploitation does not include SexualExploitation', { htcdsField: 'vic_TypeOfSexExploitation' });
  }
  const age = victim.ageWhenTrafficked;
  if (age === undefined || !birth) return;
  const now = ageRangeOn(birth, ctx.today);
  if (now && age > now.max) {
    issues.error('victim.ageWhenTrafficked', 'inconsistent', `age when trafficked (${age}) is more than the person's age today`, { htcdsField: 'vic_AgeWhenTrafficked' });
    return;
  }
  // Compare with the earliest dated event: the standard defines the age as when the person was first trafficked.
  const spans = events.map((e) => (e.date ? parsePartialDate(e.date) : null)).filter((s): s is DateSpan => s !== null);
  if (spans.length === 0) return;
  const first = spans.reduce((a, b) => (b.first < a.first ? b : a));
  const lo = ageRangeOn(birth, first.first);
  const hi = ageRangeOn(birth, first.last);
  if (lo && hi && (age < lo.min || age > hi.max)) {
    issues.warn('victim.ageWhenTrafficked', 'inconsistent', `age when trafficked (${age}) does not match the birth date and the first event (${lo.min}–${hi.max})`, { htcdsField: 'vic_AgeWhenTrafficked' });
  }
}

function checkCaseStatus(details: CaseDetails, issues: IssueList): void {
  const closed = details.status === 'Closed' || details.status === 'ClosedReferred';
  if (closed && !details.reasonForCaseClosure) {
    issues.error('case.reasonForCaseClosure', 'required', 'a closed case needs the reason for closure', { htcdsField: 'cas_ReasonForCaseClosure' });
  }
  if (details.status === 'ClosedReferred' && !details.referredOrganisation) {
    issues.warn('case.referredOrganisation', 'required', 'a case closed as referred should name the organisation it was referred to', { htcdsField: 'cas_ReferredOrganisation' });
  }
}

/** Consent without the points of the con_Consent guidance is not informed consent. */
function checkConsent(consent: ConsentSection, issues: IssueList): void {
  if (consent.consent !== true) return;
  const missing = CONSENT_INFORMED_POINTS.filter((p) => consent[p] !== true);
  if (missing.length > 0) {
    issues.error('consent.consent', 'inconsistent', `consent is recorded but the person was not informed of: ${missing.join(', ')}`, { htcdsField: 'con_Consent' });
  }
}
