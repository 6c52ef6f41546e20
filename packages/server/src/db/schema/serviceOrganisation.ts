/** An organisation cases can be referred to: its services (JSON array of strings) and who it serves. */
export interface ServiceOrganisationTable {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  services: string;
  /** JSON: { sexes?: string[], minAge?: number, maxAge?: number, exploitation?: string[], notes?: string }. */
  eligibility: string;
  created_at: string;
  updated_at: string;
}

/** Users with the `partner` role sign in as members of a receiving organisation. */
export interface OrganisationMemberTable {
  organisation_id: string;
  user_id: string;
}
