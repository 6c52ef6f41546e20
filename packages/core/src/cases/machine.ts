// Event log + projection: a change is an event appended to a log, and the current state is a pure fold of the
// log. Every event says which version of the state it was built on, so two people editing the same case
// cannot silently overwrite each other: the second event, built on an old version, is refused as a conflict.
import { parseInstant } from './dates.js';

export interface Versioned {
  /** Number of events applied so far; 0 before the first. */
  readonly version: number;
  /** Time of the last applied event (ISO 8601), or null before the first. */
  readonly updatedAt: string | null;
}

export interface EventMeta {
  /** The state version the author saw when building this event. */
  readonly baseVersion: number;
  /** ISO 8601 UTC time the event was recorded. */
  readonly at: string;
  readonly actorId: string;
}

export type TransitionError =
  | { readonly code: 'conflict'; readonly expectedVersion: number; readonly baseVersion: number; readonly message: string }
  | { readonly code: 'invalid_transition'; readonly from: string; readonly event: string; readonly allowed: readonly string[]; readonly message: string }
  | { readonly code: 'invalid_event'; readonly field: string; readonly message: string; readonly missing?: readonly string[] };

export type ApplyResult<S> = { readonly ok: true; readonly state: S } | { readonly ok: false; readonly error: TransitionError };

/** A state machine: how to start and how one event changes the state (without the version bookkeeping). */
export interface Machine<S extends Versioned, E extends EventMeta> {
  readonly name: string;
  reduce(state: S, event: E): ApplyResult<S>;
}

export const invalidEvent = (field: string, message: string, missing?: readonly string[]): { ok: false; error: TransitionError } => ({
  ok: false,
  error: missing ? { code: 'invalid_event', field, message, missing } : { code: 'invalid_event', field, message },
});

export const invalidTransition = (from: string, event: string, allowed: readonly string[]): { ok: false; error: TransitionError } => ({
  ok: false,
  error: { code: 'invalid_transition', from, event, allowed, message: `cannot apply ${event} when the status is ${from}` },
});

/**
 * Applies one event: refuses it when built on a stale version (conflict) or when its time is not a valid
 * ISO 8601 instant, otherwise lets the machine decide and bumps the version.
 */
export function applyEvent<S extends Versioned, E extends EventMeta>(machine: Machine<S, E>, state: S, event: E): ApplyResult<S> {
  if (event.baseVersion !== state.version) {
    return {
      ok: false,
      error: {
        code: 'conflict',
        expectedVersion: state.version,
        baseVersion: event.baseVersion,
        message: `${machine.name} changed since it was read (version ${event.baseVersion}, now ${state.version}); reload and try again`,
      },
    };
  }
  if (parseInstant(event.at) === null) return invalidEvent('at', `event time "${event.at}" is not an ISO 8601 timestamp`);
  if (event.actorId.trim() === '') return invalidEvent('actorId', 'event has no actor');
  const result = machine.reduce(state, event);
  if (!result.ok) return result;
  return { ok: true, state: { ...result.state, version: state.version + 1, updatedAt: event.at } };
}

/** Rebuilds a projection from its log. Stops at the first event that does not apply and reports its index. */
export function replay<S extends Versioned, E extends EventMeta>(
  machine: Machine<S, E>,
  initial: S,
  events: readonly E[],
): { ok: true; state: S } | { ok: false; index: number; error: TransitionError; state: S } {
  let state = initial;
  for (const [index, event] of events.entries()) {
    const result = applyEvent(machine, state, event);
    if (!result.ok) return { ok: false, index, error: result.error, state };
    state = result.state;
  }
  return { ok: true, state };
}
