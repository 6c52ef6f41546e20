// Calls of the cases, referrals and statistics screens (issue #8). Same session, CSRF and error handling as client.ts.
import { request } from './client';

export interface PicklistEntry {
  value: string;
  label: string;
}

export interface Vocabulary {
  picklists: Record<string, PicklistEntry[]>;
  consentPurposes: string[];
  referralPurposes: { purpose: string; needs: string[] }[];
  serviceKinds: string[];
}

export interface CaseSummary {
  id: string;
  version: number;
  status: string;
  registeredOn: string;
  ageBand: string;
  gender: string | null;
  exploitation: string[];
  ownerId: string;
  name?: string | null;
  updatedAt: string;
}

export type CaseRecord = {
  case: { status: string; registeredOn: string; [k: string]: unknown };
  person: { [k: string]: unknown };
  victim?: { [k: string]: unknown };
  events?: { [k: string]: unknown }[];
  [section: string]: unknown;
};

export interface CaseView {
  id: string;
  version: number;
  ownerId: string;
  record: CaseRecord;
  warnings: { field: string; message: string }[];
  retentionUntil: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConsentView {
  version: number;
  status: Record<string, string>;
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
}

export interface InboxReferral extends Referral {
  shared: Record<string, unknown>;
}

export interface Organisation {
  id: string;
  name: string;
  country: string | null;
  services: string[];
}

export interface AccessLogEntry {
  userId: string | null;
  displayName: string | null;
  action: string;
  at: string;
}

export interface PublishedTable {
  title: string;
  dimensions: { name: string; categories: string[] }[];
  cells: { key: string[]; value: number | null; suppressed: boolean }[];
  privacy: { method: string; k?: number; epsilon?: number; sensitivity?: number; suppressed?: number; noiseVariance?: number };
}

export interface Publication {
  id: string;
  title: string;
  source: string;
  method: string;
  dimensions: string[];
  table: PublishedTable;
  privacyStatement: string;
  createdAt: string;
}

export const INFORMED_POINTS = ['informedOfPurpose', 'informedOfDataUse', 'informedOfResearchUse', 'informedOfAccessRight', 'informedOfRetention', 'informedOfWithdrawal'] as const;

// The HTCDS vocabulary is fixed for a server version: fetched once per page load, shared by every screen.
let vocabulary: Promise<Vocabulary> | undefined;
export const getVocabulary = (): Promise<Vocabulary> =>
  (vocabulary ??= request<Vocabulary>('GET', '/cases/vocabulary').catch((err: unknown) => {
    vocabulary = undefined; // a failed load is tried again next time
    throw err;
  }));
export const listCases = async (names: boolean) => (await request<{ cases: CaseSummary[] }>('GET', `/cases${names ? '?names=true' : ''}`)).cases;
export const createCase = async (record: CaseRecord) => (await request<{ case: CaseView }>('POST', '/cases', { body: { record } })).case;
export const updateCase = async (id: string, baseVersion: number, record: CaseRecord) => (await request<{ case: CaseView }>('PUT', `/cases/${id}`, { body: { baseVersion, record } })).case;
export const withdrawConsent = async (id: string, baseVersion: number, purposes: string[]) =>
  (await request<{ consent: ConsentView }>('POST', `/cases/${id}/consent`, { body: { type: 'consent.withdrawn', baseVersion, purposes } })).consent;
export const getCase = async (id: string) => (await request<{ case: CaseView }>('GET', `/cases/${id}`)).case;
export const getConsent = async (id: string) => (await request<{ consent: ConsentView }>('GET', `/cases/${id}/consent`)).consent;
export const recordConsent = async (id: string, body: { type: 'consent.given'; baseVersion: number; purposes: string[]; givenBy: string; informed: Record<string, boolean> }) =>
  (await request<{ consent: ConsentView }>('POST', `/cases/${id}/consent`, { body })).consent;
export const listReferrals = async (id: string) => (await request<{ referrals: Referral[] }>('GET', `/cases/${id}/referrals`)).referrals;
export const createReferral = async (
  id: string,
  body: { toOrganisationId: string; kind: string; purpose: string; reason: string; sharedFields: string[]; override?: { justification: string } },
) => (await request<{ referral: Referral }>('POST', `/cases/${id}/referrals`, { body })).referral;
export const listOrganisations = async () => (await request<{ organisations: Organisation[] }>('GET', '/organisations')).organisations;
export const getAccessLog = async (id: string) => (await request<{ entries: AccessLogEntry[] }>('GET', `/cases/${id}/access-log`)).entries;
export const referralInbox = async () => (await request<{ referrals: InboxReferral[] }>('GET', '/referrals/inbox')).referrals;
export const moveReferral = async (id: string, body: { to: string; reason?: string; baseVersion: number }) =>
  (await request<{ referral: Referral }>('POST', `/referrals/${id}/status`, { body })).referral;
export const listPublications = async () => (await request<{ publications: Publication[] }>('GET', '/stats/publications')).publications;
export const publishTable = async (body: { title: string; dimensions: string[]; method: string; k?: number; epsilon?: number }) =>
  (await request<{ publication: Publication }>('POST', '/stats/publications', { body })).publication;

export interface CaseTask {
  id: string;
  caseId: string;
  title: string;
  dueOn: string;
  status: 'open' | 'done';
  overdue: boolean;
}
export const listCaseTasks = async (id: string) => (await request<{ tasks: CaseTask[] }>('GET', `/cases/${id}/tasks`)).tasks;
export const addCaseTask = async (id: string, body: { title: string; dueOn: string }) => (await request<{ task: CaseTask }>('POST', `/cases/${id}/tasks`, { body })).task;
export const completeTask = (id: string) => request<void>('POST', `/tasks/${id}/done`);

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}
export const createOrganisation = async (body: { name: string; country: string | null; services: string[] }) =>
  (await request<{ organisation: Organisation }>('POST', '/organisations', { body })).organisation;
export const addOrganisationMember = (id: string, userId: string) => request<void>('POST', `/organisations/${id}/members`, { body: { userId } });
export const listTeams = async () => (await request<{ teams: Team[] }>('GET', '/teams')).teams;
export const createTeam = async (name: string) => (await request<{ team: Team }>('POST', '/teams', { body: { name } })).team;
export const addTeamMember = (id: string, userId: string) => request<void>('POST', `/teams/${id}/members`, { body: { userId } });
