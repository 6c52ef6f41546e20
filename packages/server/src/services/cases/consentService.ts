// The consent log of a case: consent given or withdrawn per purpose, replayed through core's CONSENT_MACHINE.
import { CONSENT_MACHINE, CONSENT_PURPOSES, consentStatus, initialConsentState, type ConsentEvent, type ConsentPurpose, type ConsentState, type ConsentStatus } from '@centinela/core';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { appendStreamEvent, loadStream } from './caseEvents.js';
import { logCaseAccess } from './caseService.js';
import { caseInScope, type Viewer } from './caseScope.js';

export const CONSENT_STREAM = 'consent';

export type ConsentInput =
  | Omit<Extract<ConsentEvent, { type: 'consent.given' }>, 'at' | 'actorId'>
  | Omit<Extract<ConsentEvent, { type: 'consent.withdrawn' }>, 'at' | 'actorId'>;

export interface ConsentView {
  version: number;
  state: ConsentState;
  /** Whether each purpose holds now. */
  status: Record<ConsentPurpose, ConsentStatus>;
}

export function consentView(deps: ServiceDeps, state: ConsentState): ConsentView {
  const now = deps.clock.now();
  return { version: state.version, state, status: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, consentStatus(state, p, now)])) as Record<ConsentPurpose, ConsentStatus> };
}

export const loadConsent = (deps: ServiceDeps, caseId: string) => loadStream(deps, CONSENT_MACHINE, initialConsentState(), caseId, CONSENT_STREAM);

export async function getConsent(deps: ServiceDeps, viewer: Viewer, caseId: string, actor?: Actor): Promise<ConsentView> {
  await caseInScope(deps, viewer, caseId);
  if (actor) await logCaseAccess(deps, actor, caseId, 'read_consent');
  return consentView(deps, await loadConsent(deps, caseId));
}

/** Records consent given or withdrawn; `baseVersion` is the consent log version the caseworker saw. */
export async function recordConsent(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, input: ConsentInput): Promise<ConsentView> {
  return inTransaction(deps, async (tx) => {
    await caseInScope(tx, viewer, caseId);
    const state = await loadConsent(tx, caseId);
    const event = { ...input, at: isoNow(tx.clock), actorId: viewer.id } as ConsentEvent;
    const next = await appendStreamEvent(tx, CONSENT_MACHINE, state, caseId, CONSENT_STREAM, event, 'consent');
    await logCaseAccess(tx, actor, caseId, input.type === 'consent.given' ? 'consent_given' : 'consent_withdrawn', { purposes: [...input.purposes] });
    return consentView(tx, next);
  });
}
