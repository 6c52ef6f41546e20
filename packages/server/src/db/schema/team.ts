/** A team of caseworkers; a supervisor sees the cases of the teams they belong to. */
export interface TeamTable {
  id: string;
  name: string;
  created_at: string;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}
