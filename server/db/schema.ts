import type { ColumnType, Generated } from 'kysely';

/** Epoch milliseconds; PostgreSQL's bigint is parsed to number on read (see connect.ts). */
type Millis = number;

export interface OrgTable {
  id: string;
  name: string;
  created_at: Millis;
}

export interface MemberTable {
  id: string;
  org_id: string;
  name: string;
  handle: string;
  role: 'member' | 'lead' | 'admin';
  created_at: Millis;
  removed_at: Millis | null;
}

export interface TokenTable {
  id: string;
  org_id: string;
  member_id: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  hash: string;
  created_at: Millis;
  revoked_at: Millis | null;
}

export interface DepartmentTable {
  id: string;
  org_id: string;
  name: string;
  color: string;
  sla_minutes: number;
  /** JSON: Guidelines */
  guidelines: string;
  /** JSON: WatchPhrase[] */
  watch_phrases: Generated<string>;
  created_at: Millis;
}

export interface MemberDepartmentTable {
  member_id: string;
  department_id: string;
}

export interface ThreadTable {
  org_id: string;
  post_key: string;
  platform: 'x' | 'linkedin' | 'facebook';
  url: string;
  author_handle: string;
  author_name: string;
  text: string;
  posted_at: Millis | null;
  department_id: string | null;
  suggested_department_id: string | null;
  assignee_id: string | null;
  status: 'open' | 'answered' | 'resolved' | 'dismissed';
  version: number;
  first_seen_at: Millis;
  first_seen_by: string | null;
  answered_at: Millis | null;
  answered_by: string | null;
  due_at: Millis | null;
  note_count: Generated<number>;
  /** JSON: WaitingOn[] (open consults, oldest first), kept by every consult write. */
  waiting_on: Generated<string>;
  /** 1 once a reply was recorded from someone who did not hold the claim (flagged for leads). */
  answered_without_claim: Generated<number>;
}

export interface ClaimTable {
  org_id: string;
  post_key: string;
  /** null once released, overridden to nobody, or swept after expiry; the row keeps the token. */
  holder_id: string | null;
  token: number;
  expires_at: Millis;
  acquired_at: Millis;
}

export interface EventTable {
  id: Generated<number>;
  org_id: string;
  type: string;
  post_key: string | null;
  actor_id: string | null;
  at: Millis;
  /** JSON: { thread, claim, data } */
  payload: string;
}

export interface ConsultTable {
  id: string;
  org_id: string;
  post_key: string;
  department_id: string;
  owner_department_id: string | null;
  status: 'open' | 'answered' | 'withdrawn';
  opened_by: string | null;
  opened_at: Millis;
  closed_by: string | null;
  closed_at: Millis | null;
  question_note_id: number | null;
  answer_note_id: number | null;
}

export interface RuleTable {
  id: string;
  org_id: string;
  position: number;
  /** JSON: RuleInput */
  body: string;
  created_at: Millis;
}

export interface MutationTable {
  org_id: string;
  member_id: string;
  client_id: string;
  procedure: string;
  /** JSON of the first result, returned again on replay. */
  result: string;
  created_at: ColumnType<Millis, Millis, never>;
}

export interface Database {
  orgs: OrgTable;
  members: MemberTable;
  tokens: TokenTable;
  departments: DepartmentTable;
  member_departments: MemberDepartmentTable;
  threads: ThreadTable;
  claims: ClaimTable;
  events: EventTable;
  consults: ConsultTable;
  rules: RuleTable;
  mutations: MutationTable;
}
