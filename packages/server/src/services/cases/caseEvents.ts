// The event streams of a case (consent, each referral), stored in case_event and replayed through the core
// state machines. The stream position is part of the primary key, so two writers built on the same version
// cannot both append: the loser gets a conflict, never a silent overwrite.
import { applyEvent, replay, type EventMeta, type Machine, type TransitionError, type Versioned } from '@centinela/core';
import type { ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';
import { writeSealedFields } from './fieldCrypto.js';

export const EVENT_RECORD_TYPE = 'case_event';
/** Sealed free text of an event is filed under `<caseId>/<stream>/<seq>`; the case id prefix lets erasure find it. */
export const eventRecordId = (caseId: string, stream: string, seq: number) => `${caseId}/${stream}/${seq}`;
/** What an event body holds where its free text was sealed. */
export const SEALED_PLACEHOLDER = '[sealed]';

export async function loadStream<S extends Versioned, E extends EventMeta>(deps: ServiceDeps, machine: Machine<S, E>, initial: S, caseId: string, stream: string): Promise<S> {
  const rows = await deps.db.selectFrom('case_event').select('body').where('case_id', '=', caseId).where('stream', '=', stream).orderBy('seq').execute();
  const result = replay(machine, initial, rows.map((r) => JSON.parse(r.body) as E));
  // Stored events were checked when written; a log that no longer replays has been tampered with.
  if (!result.ok) throw new Problem(500, 'case.log_corrupt', `the ${machine.name} log of case ${caseId} does not replay at event ${result.index + 1}`);
  return result.state;
}

export function transitionProblem(error: TransitionError, area: string): Problem {
  if (error.code === 'conflict') {
    return new Problem(409, 'case.conflict', error.message, { expectedVersion: error.expectedVersion, baseVersion: error.baseVersion });
  }
  if (error.code === 'invalid_transition') return new Problem(409, `${area}.invalid_transition`, error.message, { from: error.from, allowed: error.allowed });
  return new Problem(422, `${area}.invalid`, error.message, { field: error.field, ...(error.missing ? { missing: error.missing } : {}) });
}

/** Applies an event to the current state and appends it; the state after it is returned. */
export async function appendStreamEvent<S extends Versioned, E extends EventMeta & { type: string }>(
  deps: ServiceDeps,
  machine: Machine<S, E>,
  state: S,
  caseId: string,
  stream: string,
  event: E,
  area: string,
  /** Free text in the event (reasons, justifications): sealed like any note, a placeholder stored in its place. */
  sealed: ReadonlyMap<string, string> = new Map(),
  stored: E = event,
): Promise<S> {
  const result = applyEvent(machine, state, event);
  if (!result.ok) throw transitionProblem(result.error, area);
  try {
    await deps.db
      .insertInto('case_event')
      .values({ case_id: caseId, stream, seq: result.state.version, type: event.type, body: JSON.stringify(stored), actor_id: event.actorId, at: event.at })
      .execute();
    if (sealed.size > 0) await writeSealedFields(deps, EVENT_RECORD_TYPE, eventRecordId(caseId, stream, result.state.version), sealed);
  } catch (err) {
    if (/unique|duplicate|primary key/i.test(String((err as Error).message))) {
      throw new Problem(409, 'case.conflict', `${machine.name} changed while this was written; reload and try again`);
    }
    throw err;
  }
  return result.state;
}
