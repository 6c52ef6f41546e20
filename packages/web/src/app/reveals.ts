import { useSyncExternalStore } from 'react';

// Reviewer wellness: how many sensitive previews the signed-in person has revealed in this session. Kept in
// memory only (a page reload or a sign-out starts again at zero); shown so that reviewers notice their exposure.

let count = 0;
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
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRevealCount(): number {
  return useSyncExternalStore(subscribe, () => count, () => 0);
}
