export const ROLES = ['admin', 'analyst', 'investigator', 'caseworker', 'statistician'] as const;
export type Role = (typeof ROLES)[number];
