// The sections of a victim case, in HTCDS 2.0 terms. Property names are the HTCDS field names without their
// prefix, in camelCase (prs_FirstName -> firstName); `htcds` says which field each one is.
import {
  bool,
  code,
  codes,
  date,
  longText,
  multi,
  num,
  pick,
  ref,
  required,
  text,
  type SectionValue,
} from './fieldSpec.js';

/** Person (`prs_`). */
export const PERSON_SPEC = {
  salutation: text('prs_Salutation'),
  firstName: text('prs_FirstName', { identifying: 'name' }),
  middleName: text('prs_MiddleName', { identifying: 'name' }),
  secondName: text('prs_SecondName', { identifying: 'name' }),
  birthdate: date('prs_Birthdate', { partial: true, identifying: 'birthdate' }),
  gender: pick('prs_Gender'),
  deceased: bool('prs_Deceased'),
  maritalStatus: pick('prs_MaritalStatus'),
  numberOfChildren: num('prs_NumberOfChildren', 0, 50, true),
  primaryLanguage: code('prs_PrimaryLanguage', 'ISO 639'),
  secondaryLanguage: code('prs_SecondaryLanguage', 'ISO 639'),
  highestLevelOfEducation: pick('prs_HighestLevelOfEducation'),
  citizenship: codes('prs_Citizenship', 'ISO 3166-1'),
  identityNumber: text('prs_IdentityNumber', { identifying: 'document' }),
  // A job title can single someone out in a small place, so it is treated like free text.
  title: text('prs_Title', { identifying: 'free_text' }),
  email: text('prs_Email', { format: 'email', identifying: 'contact' }),
  homePhone: text('prs_HomePhone', { format: 'phone', identifying: 'contact' }),
  mobilePhone: text('prs_MobilePhone', { format: 'phone', identifying: 'contact' }),
  mailingStreet: text('prs_MailingStreet', { identifying: 'address' }),
  mailingCity: text('prs_MailingCity', { identifying: 'address' }),
  mailingState: text('prs_MailingState', { identifying: 'address' }),
  mailingPostalCode: text('prs_MailingPostalCode', { identifying: 'address' }),
  mailingCountry: code('prs_MailingCountry', 'ISO 3166-1'),
  mailingLatitude: num('prs_MailingLatitude', -90, 90, false, { identifying: 'address' }),
  mailingLongitude: num('prs_MailingLongitude', -180, 180, false, { identifying: 'address' }),
} as const;

/** Person - Victim Context (`vic_`). The deprecated fields of the standard are left out. */
export const VICTIM_SPEC = {
  traffickingStatus: pick('vic_TraffickingStatus'),
  /** Who decided the trafficking status. */
  traffickingStatusDecidedBy: pick('vic_TraffickingStatusDecisionMakingOrg'),
  relationshipToTrafficker: pick('vic_RelationshipToTrafficker'),
  ageWhenTrafficked: num('vic_AgeWhenTrafficked', 0, 120, true),
  recruitmentWebsitesAndApps: multi('vic_RecruitmentWebsitesAndApps'),
  methodOfRecruitment: multi('vic_MethodOfRecruitment'),
  locationOfRecruitment: ref('vic_LocationOfRecruitment', 'organisation'),
  methodsOfControl: multi('vic_MethodsOfControl'),
  typeOfExploitation: multi('vic_TypeOfExploitation'),
  forcedLabourIndustry: pick('vic_ForcedLabourIndustry'),
  typeOfSexExploitation: multi('vic_TypeOfSexExploitation'),
  locationOfExploitation: ref('vic_LocationOfExploitation', 'organisation'),
  exploitationWebsitesAndApps: multi('vic_ExploitationWebsitesAndApps'),
} as const;

/** Historic Trafficking Events (`hte_`): one recruitment, transit or exploitation, with place and date. */
export const EVENT_SPEC = {
  type: required(pick('hte_Type')),
  date: date('hte_Date', { partial: true }),
  // HTCDS leaves hte_Country as free text; Centinela codes it (ISO 3166-1) so statistics can count countries.
  country: code('hte_Country', 'ISO 3166-1'),
  state: text('hte_State'),
  city: text('hte_City'),
  street: text('hte_Street', { identifying: 'address' }),
  postalCode: text('hte_PostalCode', { identifying: 'address' }),
  latitude: num('hte_Latitude', -90, 90, false, { identifying: 'address' }),
  longitude: num('hte_Longitude', -180, 180, false, { identifying: 'address' }),
  description: longText('hte_Description'),
} as const;

/** Support Plan (`spl_`). */
export const SUPPORT_PLAN_SPEC = {
  type: required(pick('spl_Type')),
  objectives: longText('spl_Objectives'),
  actionPlan: longText('spl_ActionPlan'),
  plannedEndDate: date('spl_PlannedEndDate', { notFuture: false }),
  actualEndDate: date('spl_ActualEndDate'),
} as const;

/** Case (`cas_`), including the incoming and outgoing referral details. */
export const CASE_SPEC = {
  status: required(pick('cas_Status')),
  /** Centinela's own: the day the case was registered (for "year of registration" statistics). */
  registeredOn: required(date(null)),
  reasonForCaseClosure: longText('cas_ReasonForCaseClosure'),
  caseOwner: ref('cas_CaseOwner', 'user'),
  referringOrganisation: ref('cas_ReferringOrganisation', 'organisation'),
  incomingReferralDate: date('cas_IncomingReferralDate'),
  referringPrimaryCaseWorker: ref('cas_ReferringPrimaryCaseWorker', 'person'),
  reasonForIncomingReferral: pick('cas_ReasonForIncomingReferral'),
  incomingReferralDetails: longText('cas_IncomingReferralDetails'),
  referredOrganisation: ref('cas_ReferredOrganisation', 'organisation'),
  referredPrimaryCaseWorker: ref('cas_ReferredPrimaryCaseWorker', 'person'),
  reasonForOutgoingReferral: pick('cas_ReasonForOutgoingReferral'),
  outgoingReferralDate: date('cas_OutgoingReferralDate'),
  outgoingReferralDetails: longText('cas_OutgoingReferralDetails'),
} as const;

/** Case Comment (`cco_`). */
export const COMMENT_SPEC = {
  text: required(longText('cco_CaseComment')),
} as const;

/**
 * Consent (`con_`). The standard has one checkbox, con_Consent, with guidance listing what the person must have
 * been told; Centinela records each of those points, so "consent" means informed consent. Consent for each
 * use of the data over time (given, withdrawn, expiring) is the consent log: see consent.ts.
 */
export const CONSENT_SPEC = {
  /** Consent or assent to the interview (con_Consent). */
  consent: bool('con_Consent'),
  informedOfPurpose: bool(null),
  informedOfDataUse: bool(null),
  informedOfResearchUse: bool(null),
  informedOfAccessRight: bool(null),
  informedOfRetention: bool(null),
  informedOfWithdrawal: bool(null),
} as const;

export interface Person extends SectionValue<typeof PERSON_SPEC> {}
export interface VictimContext extends SectionValue<typeof VICTIM_SPEC> {}
export interface HistoricEvent extends SectionValue<typeof EVENT_SPEC> {}
export interface SupportPlan extends SectionValue<typeof SUPPORT_PLAN_SPEC> {}
export interface CaseDetails extends SectionValue<typeof CASE_SPEC> {}
export interface CaseComment extends SectionValue<typeof COMMENT_SPEC> {}
export interface ConsentSection extends SectionValue<typeof CONSENT_SPEC> {}

export type CaseStatus = CaseDetails['status'];
export type HistoricEventType = HistoricEvent['type'];

/** The informed-consent points of the con_Consent guidance, in its order. */
export const CONSENT_INFORMED_POINTS = [
  'informedOfPurpose',
  'informedOfDataUse',
  'informedOfResearchUse',
  'informedOfAccessRight',
  'informedOfRetention',
  'informedOfWithdrawal',
] as const satisfies readonly (keyof typeof CONSENT_SPEC)[];
export type ConsentInformedPoint = (typeof CONSENT_INFORMED_POINTS)[number];

/** Where each section sits in a case record, and whether it repeats. */
export const CASE_SECTIONS = {
  case: { spec: CASE_SPEC, repeated: false, htcdsSections: ['Case', 'Referral Details'] },
  person: { spec: PERSON_SPEC, repeated: false, htcdsSections: ['Person'] },
  victim: { spec: VICTIM_SPEC, repeated: false, htcdsSections: ['Person - Victim Context'] },
  events: { spec: EVENT_SPEC, repeated: true, htcdsSections: ['Historic Trafficking Events'] },
  supportPlans: { spec: SUPPORT_PLAN_SPEC, repeated: true, htcdsSections: ['Support Plan'] },
  consent: { spec: CONSENT_SPEC, repeated: false, htcdsSections: ['Consent'] },
  comments: { spec: COMMENT_SPEC, repeated: true, htcdsSections: ['Case Comment'] },
} as const;
export type CaseSectionName = keyof typeof CASE_SECTIONS;
