// Case status over time, with the HTCDS statuses (cas_Status): Active, FollowUp, Closed, ClosedReferred.
// Closing needs a reason; a closed case is reopened by a new event, never by editing the old ones.
import { invalidEvent, invalidTransition, type ApplyResult, type EventMeta, type Machine, type Versioned } from './machine.js';
import type { CaseStatus } from './sections.js';

export type CaseEvent = EventMeta &
  (
    | { readonly type: 'case.opened'; readonly caseId: string }
    | { readonly type: 'case.status_changed'; readonly to: 'Active' | 'FollowUp' }
    | { readonly type: 'case.closed'; readonly to: 'Closed' | 'ClosedReferred'; readonly reason: string; readonly referralId?: string }
    | { readonly type: 'case.reopened'; readonly reason: string }
  );

export interface CaseState extends Versioned {
  readonly caseId: string | null;
  /** null until the case is opened. */
  readonly status: CaseStatus | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly closureReason: string | null;
  readonly reopenCount: number;
}

export const initialCaseState = (): CaseState => ({
  version: 0,
  updatedAt: null,
  caseId: null,
  status: null,
  openedAt: null,
  closedAt: null,
  closureReason: null,
  reopenCount: 0,
});

/** Which event types each status accepts. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus | 'none', readonly CaseEvent['type'][]>> = {
  none: ['case.opened'],
  Active: ['case.status_changed', 'case.closed'],
  FollowUp: ['case.status_changed', 'case.closed'],
  Closed: ['case.reopened'],
  ClosedReferred: ['case.reopened'],
};

function reduce(state: CaseState, event: CaseEvent): ApplyResult<CaseState> {
  const from = state.status ?? 'none';
  if (!CASE_TRANSITIONS[from].includes(event.type)) return invalidTransition(from, event.type, CASE_TRANSITIONS[from]);
  switch (event.type) {
    case 'case.opened':
      if (event.caseId.trim() === '') return invalidEvent('caseId', 'a case needs an id');
      return { ok: true, state: { ...state, caseId: event.caseId, status: 'Active', openedAt: event.at } };
    case 'case.status_changed':
      if (event.to === state.status) return invalidTransition(from, `${event.type} to ${event.to}`, CASE_TRANSITIONS[from]);
      return { ok: true, state: { ...state, status: event.to } };
    case 'case.closed':
      if (event.reason.trim() === '') return invalidEvent('reason', 'closing a case needs the reason for closure (cas_ReasonForCaseClosure)');
      if (event.to === 'ClosedReferred' && !event.referralId) return invalidEvent('referralId', 'a case closed as referred must name the referral');
      return { ok: true, state: { ...state, status: event.to, closedAt: event.at, closureReason: event.reason } };
    case 'case.reopened':
      if (event.reason.trim() === '') return invalidEvent('reason', 'reopening a case needs a reason');
      return { ok: true, state: { ...state, status: 'Active', closedAt: null, closureReason: null, reopenCount: state.reopenCount + 1 } };
  }
}

export const CASE_MACHINE: Machine<CaseState, CaseEvent> = { name: 'case', reduce };
