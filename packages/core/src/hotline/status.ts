/**
 * A hotline subject's status is derived from its event log (open → assessed → actioned → closed).
 * Nothing is undone by editing: a reversal is a new event (`reopened`, a new decision), so the history stays whole.
 */
export const SUBJECT_STATUSES = ['open', 'assessed', 'actioned', 'closed'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const SUBJECT_EVENT_TYPES = [
  'reported',
  'assigned',
  'claimed',
  'released',
  'decided',
  'notice_queued',
  'notice_sent',
  'authority_report_queued',
  'checked',
  'removal_verified',
  'closed',
  'reopened',
] as const;
export type SubjectEventType = (typeof SUBJECT_EVENT_TYPES)[number];

export const REVIEW_CLASSIFICATIONS = ['csam', 'trafficking', 'adult', 'not_illegal', 'cannot_assess'] as const;
export type ReviewClassification = (typeof REVIEW_CLASSIFICATIONS)[number];

/** INTERPOL baseline (worst-of-the-worst, internationally illegal) and the category below it. */
export const INTERPOL_CATEGORIES = ['baseline', 'national'] as const;
export type InterpolCategory = (typeof INTERPOL_CATEGORIES)[number];

/** Classifications that call for action (notice, authority report); the others close the subject. */
export function isActionableClassification(c: ReviewClassification): boolean {
  return c === 'csam' || c === 'trafficking';
}

export interface SubjectStatusEvent {
  type: SubjectEventType;
  /** For `decided`: the classification. */
  classification?: ReviewClassification | null;
}

/** The next status after one event. Events that do not move the status (assignment, checks) keep it. */
export function nextSubjectStatus(current: SubjectStatus, e: SubjectStatusEvent): SubjectStatus {
  switch (e.type) {
    case 'reported':
      // A new report of a closed subject (content back after removal, or something new at the URL) is looked at again.
      return current === 'closed' ? 'open' : current;
    case 'decided':
      if (!e.classification) return current;
      // A decision that nothing is to be done closes; a new actionable decision reopens a closed subject.
      if (!isActionableClassification(e.classification)) return e.classification === 'cannot_assess' ? 'assessed' : 'closed';
      return current === 'actioned' ? 'actioned' : 'assessed';
    case 'notice_queued':
    case 'notice_sent':
    case 'authority_report_queued':
      return current === 'closed' ? current : 'actioned';
    case 'removal_verified':
    case 'closed':
      return 'closed';
    case 'reopened':
      return 'open';
    default:
      return current;
  }
}

/** Folds a whole log: the projection stored on the subject row is always this. */
export function deriveSubjectStatus(events: readonly SubjectStatusEvent[]): SubjectStatus {
  return events.reduce<SubjectStatus>(nextSubjectStatus, 'open');
}
