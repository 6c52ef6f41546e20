// Permissions that are finer than a route's roles: a route lets a role in, and the service asks for these.
import type { Role } from './roles.js';

export const PERMISSIONS = [
  /** Refer a case without the consent the referral needs, in an emergency, with a written justification (audited). */
  'cases.consent_override',
  /** Publish statistics tables (k-anonymity or differential privacy) from case data. */
  'stats.publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Permission, readonly Role[]>> = {
  'cases.consent_override': ['supervisor'],
  'stats.publish': ['admin', 'supervisor'],
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return GRANTS[permission].some((r) => roles.includes(r));
}
