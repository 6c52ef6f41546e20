import { useSyncExternalStore } from 'react';

// Reviewer wellness: how many sensitive previews the signed-in person has revealed in this session. Kept in
// memory only (a page reload or a sign-out starts again at zero); shown so that reviewers notice their exposure.

/** After this many reveals in a session, and every as many after, the reviewer is asked to take a break. */
export const BREAK_EVERY = 10;

let count = 0;
// Breaks the reviewer acknowledged (in blocks of BREAK_EVERY reveals): kept with the count, so that the reminder
// does not come back on every subject the reviewer opens afterwards.
let acknowledgedBlocks = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function recordReveal(): void {
  count += 1;
  emit();
}

export function resetReveals(): void {
  if (count === 0) return;
  count = 0;
  acknowledgedBlocks = 0;
  emit();
}

export function acknowledgeBreak(): void {
  acknowledgedBlocks = Math.floor(count / BREAK_EVERY);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRevealCount(): number {
  return useSyncExternalStore(subscribe, () => count, () => 0);
}

/** True once another BREAK_EVERY reveals have passed since the reviewer last acknowledged a break. */
export function isBreakDue(): boolean {
  return Math.floor(count / BREAK_EVERY) > acknowledgedBlocks;
}

export function useBreakDue(): boolean {
  return useSyncExternalStore(subscribe, isBreakDue, () => false);
}
