export const ROLES = ['admin', 'analyst', 'investigator', 'caseworker', 'statistician',
  'supervisor', // sees and supervises the cases of the teams they belong to; may override consent in an emergency
  'partner', // a user of a receiving service organisation: sees only referrals to their organisation, and only what they share
] as const;
export type Role = (typeof ROLES)[number];
