// Hotline calls (#7): the triage queue, review, notices, providers and metrics.
import { request } from './client';

export const SUBJECT_STATUSES = ['open', 'assessed', 'actioned', 'closed'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];
export const CLASSIFICATIONS = ['csam', 'trafficking', 'adult', 'not_illegal', 'cannot_assess'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const TRAFFICKING_INDICATORS = ['recruitment_deception', 'third_party_control', 'movement', 'debt_bondage', 'minor_advertised', 'multiple_victims', 'coercion'] as const;

export interface SubjectSummary {
  id: string;
  kind: string;
  url: string | null;
  host: string | null;
  status: SubjectStatus;
  priority: number;
  childInvolved: boolean;
  bankMatch: boolean;
  riskScore: number | null;
  reportCount: number;
  firstReportedAt: string;
  lastReportedAt: string;
  assignedTo: string | null;
  classification: string | null;
  removedAt: string | null;
  noticeRound: number;
}

export type Counts = Record<SubjectStatus, number>;

export interface QueueFilter {
  status?: SubjectStatus | '';
  assigned?: 'me' | 'none' | '';
  childInvolved?: boolean;
  bankMatch?: boolean;
}

export function listQueue(f: QueueFilter): Promise<{ subjects: SubjectSummary[]; total: number; counts: Counts }> {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.assigned) q.set('assigned', f.assigned);
  if (f.childInvolved) q.set('childInvolved', 'true');
  if (f.bankMatch) q.set('bankMatch', 'true');
  const s = q.toString();
  return request('GET', `/hotline/queue${s ? `?${s}` : ''}`);
}

export interface SubjectDetail {
  subject: SubjectSummary & { interpolCategory: string | null; assessedAt: string | null; firstNoticeAt: string | null; providerId: string | null; nextCheckAt: string | null; lastCheckState: string | null };
  signals: Array<{ kind: string; explanation: string; score?: number }>;
  reports: Array<{ id: string; reference: string; channel: string; platform: string | null; description: string | null; childInvolved: boolean; anonymous: boolean; contact: string | null; language: string; createdAt: string }>;
  media: Array<{ id: string; mime: string; size: number; md5: string; sha1: string; sha256: string; pdq: string | null; matches: unknown[] }>;
  decisions: Array<{ id: string; reviewerId: string; classification: string; interpolCategory: string | null; traffickingIndicators: string[]; legalBasis: string; note: string | null; noteShared: boolean; createdAt: string }>;
  events: Array<{ id: string; type: string; actor: string; at: string }>;
  notices: Array<{ id: string; round: number; channel: string; language: string; status: string; createdAt: string; sentAt: string | null }>;
  checks: Array<{ state: string; httpStatus: number | null; reason: string | null; checkedAt: string }>;
  authorityReports: Array<{ id: string; authority: string; incidentType: string; createdAt: string; delivery: string | null }>;
}

export const getSubject = (id: string) => request<SubjectDetail>('GET', `/hotline/subjects/${id}`);
export const claimSubject = (id: string) => request<{ subject: SubjectSummary }>('POST', `/hotline/subjects/${id}/claim`);
export const assignSubject = (id: string, userId: string) => request<{ subject: SubjectSummary }>('POST', `/hotline/subjects/${id}/assign`, { body: { userId } });
export const releaseSubject = (id: string) => request<{ subject: SubjectSummary }>('POST', `/hotline/subjects/${id}/release`);

export interface DecisionInput {
  classification: Classification;
  interpolCategory?: 'baseline' | 'national' | null;
  traffickingIndicators?: string[];
  legalBasis: string;
  note?: string | null;
  shareNote?: boolean;
  addToBankId?: string | null;
}
export const decide = (id: string, input: DecisionInput) => request<{ decisionId: string; status: string; addedToBank: number }>('POST', `/hotline/subjects/${id}/decisions`, { body: input });
export const reopenSubject = (id: string, reason: string) => request<{ status: string }>('POST', `/hotline/subjects/${id}/reopen`, { body: { reason } });
export const sendNotice = (id: string) => request<{ noticeId: string; round: number; channel: string }>('POST', `/hotline/subjects/${id}/notices`, { body: {} });
export const checkNow = (id: string) => request<{ state: string; httpStatus: number | null; removed: boolean; reason?: string }>('POST', `/hotline/subjects/${id}/check`);

export const mediaUrl = (mediaId: string, view: 'blurred' | 'full') => `/api/v1/hotline/media/${mediaId}/content?view=${view}`;

export interface Provider {
  id: string;
  name: string;
  domains: string[];
  ipRanges: string[];
  abuseEmail: string | null;
  webhookUrl: string | null;
  country: string | null;
  language: 'es' | 'en';
}
export const listProviders = async () => (await request<{ providers: Provider[] }>('GET', '/hotline/providers')).providers;
export const saveProvider = async (p: Omit<Provider, 'id'>) => (await request<{ provider: Provider }>('POST', '/hotline/providers', { body: p })).provider;
export const deleteProvider = (id: string) => request<void>('DELETE', `/hotline/providers/${id}`);
export const importProviders = (csv: string) => request<{ read: number; created: number; updated: number }>('POST', '/hotline/providers/import', { body: { csv } });

export interface Duration {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}
export interface TimingRow {
  key: string;
  subjects: number;
  toAssessment: Duration;
  toNotice: Duration;
  toRemoval: Duration;
  noticeToRemoval: Duration;
}
export interface Metrics {
  overall: TimingRow;
  byProvider: TimingRow[];
  byCountry: TimingRow[];
  byMonth: TimingRow[];
  counts: Counts;
}
export const getMetrics = () => request<Metrics>('GET', '/hotline/metrics');
export const METRICS_CSV_URL = '/api/v1/hotline/metrics?format=csv';

export const createAuthorityReport = (id: string, input: { authority: string; deliver?: { email: string } }) =>
  request<{ id: string; outboxId: string | null }>('POST', `/hotline/subjects/${id}/authority-reports`, { body: input });
export const authorityReportUrl = (reportId: string, format: 'xml' | 'json') => `/api/v1/hotline/authority-reports/${reportId}?format=${format}`;
