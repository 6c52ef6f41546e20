import { useSyncExternalStore } from 'react';

// The purpose (and legal basis) an investigator states before searching or reading items. The server writes
// it to the audit log with every search and read. Kept in memory only: never in localStorage, the URL or a
// cookie. A reload, a sign-in or a sign-out asks again.

export interface AccessReason {
  purpose: string;
  legalBasis: string;
}

let current: AccessReason | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function setAccessReason(reason: AccessReason | null): void {
  current = reason;
  emit();
}

export function getAccessReason(): AccessReason | null {
  return current;
}

export function resetAccessReason(): void {
  if (current === null) return;
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAccessReason(): AccessReason | null {
  return useSyncExternalStore(subscribe, () => current, () => null);
}
