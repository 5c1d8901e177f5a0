import type { Generated } from 'kysely';
import type { VersionKind } from './versionStore.ts';

/** Times are epoch milliseconds: one type on SQLite and PostgreSQL, no time-zone surprises. */
export interface JourneysTable {
  id: string;
  title: string;
  template_id: string | null;
  created_at: number;
  updated_at: number;
  /** Set when the journey is in the trash; null while it is live. */
  deleted_at: number | null;
  /** The canonical JSON snapshot (open format) that the API, CLI and evaluation read. */
  snapshot: string;
  /** A small JSON summary for the journeys list: step count and the curve's scores. */
  summary: string;
  /** The workspace the journey belongs to (null only before the first owner exists). */
  workspace_id: string | null;
}

/** Every Yjs update as it arrived, so a crash loses nothing that was accepted. */
export interface JourneyUpdatesTable {
  journey_id: string;
  seq: Generated<number>;
  data: Uint8Array;
  created_at: number;
  /** The fencing token of the lease the row was written under (several processes); null for one process alone. */
  lease_token?: number | null;
}

/** The merged Yjs state up to (and including) update `upto_seq`. */
export interface JourneyStatesTable {
  journey_id: string;
  state: Uint8Array;
  upto_seq: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** A journey as it was at a moment: named by a person, or taken automatically while editing. */
export interface JourneyVersionsTable {
  id: string;
  journey_id: string;
  name: string;
  kind: VersionKind;
  author: string;
  created_at: number;
  /** The open JSON format: a version is read, compared and restored as records, never as Yjs bytes. */
  snapshot: string;
  /** On a `before-restore` version, the version the restore put back; null otherwise and on rows kept before migration 013. */
  restored_version_id: string | null;
}

export interface ApprovalRequestsTable {
  id: string;
  journey_id: string;
  version_id: string;
  requested_by: string;
  /** JSON array of the names asked to decide. */
  approvers: string;
  message: string;
  created_at: number;
}

export interface ApprovalDecisionsTable {
  id: string;
  request_id: string;
  approver: string;
  decision: 'approved' | 'changes-requested';
  comment: string;
  created_at: number;
}

/** An event log or survey imported for a journey; its rows are Parquet in the data folder. */
export interface AnalyticsImportsTable {
  id: string;
  journey_id: string;
  kind: 'events' | 'survey';
  file_name: string;
  /** SHA-256 of the file: the same content imported twice for one journey is refused. */
  content_hash: string;
  /** Events or answers kept. */
  row_count: number;
  rejected_count: number;
  case_count: number | null;
  /** ISO 8601, the first and last timestamp in the data. */
  first_at: string | null;
  last_at: string | null;
  /** JSON: the column mapping and what was detected (delimiter, decimal mark, encoding, date format, scale). */
  details: string;
  created_at: number;
}

/** A role: what a person may do in a workspace or on one journey. */
export type RoleName = 'owner' | 'editor' | 'commenter' | 'viewer';

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: number;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  /** better-auth's user id. */
  user_id: string;
  role: RoleName;
  created_at: number;
}

/** A journey shared with one person, also someone outside its workspace. */
export interface JourneyMembersTable {
  journey_id: string;
  user_id: string;
  role: RoleName;
  created_at: number;
}

/** A link that makes whoever opens it (signed in) a member; only its hash is stored. */
export interface InvitationsTable {
  id: string;
  token_hash: string;
  workspace_id: string;
  /** Set when the invitation is to one journey rather than the whole workspace. */
  journey_id: string | null;
  role: RoleName;
  created_by: string;
  created_at: number;
  expires_at: number;
  accepted_by: string | null;
  accepted_at: number | null;
}

/** A token for scripts and the CLI: acts as its user, never above `role`. Only its hash is stored. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  role: RoleName;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** A read-only link to one journey: whoever has the URL (and the password, if set) sees it. */
export interface ShareLinksTable {
  id: string;
  journey_id: string;
  workspace_id: string | null;
  /** The secret in the URL; kept so the link can be copied again from the list. */
  token: string;
  /** scrypt, as `scrypt$<salt>$<hash>`; null for a link without a password. */
  password_hash: string | null;
  /** JSON: which parts the viewer sees (lanes, evaluation, measurement, comments). */
  shows: string;
  created_by: string;
  created_by_name: string;
  created_at: number;
  expires_at: number | null;
  last_opened_at: number | null;
  revoked_at: number | null;
}

/** A viewer who opened a share link: the cookie's token (hashed), valid until the link ends. */
export interface ShareViewersTable {
  token_hash: string;
  link_id: string;
  created_at: number;
  expires_at: number;
}

/** Append-only: who did what, when. Rows are only ever inserted. */
export interface AuditEventsTable {
  id: string;
  workspace_id: string | null;
  actor_id: string | null;
  /** The name at the time, so the log still reads when an account is gone. */
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON object with what the action needs to be understood (old and new role, file name, …). */
  detail: string;
  at: number;
}

/** better-auth's user table (created by its migration): read for names, e-mail addresses and counts. */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  image: string | null;
  /** The UI language the person chose ('nl' | 'en'); null: the UI follows the browser. */
  language: string | null;
}

/** One entry of a person's inbox. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  journey_id: string;
  kind: 'mention' | 'approval-request';
  /** Who mentioned or asked, as they were called then. */
  actor_name: string;
  /** The comment or approval round it is about. */
  record_id: string | null;
  /** The start of the comment or the request's message. */
  excerpt: string;
  created_at: number;
  read_at: number | null;
}

/**
 * A journey's cached portfolio roll-up: `designed` (JSON) was computed from the snapshot saved
 * at `source_updated_at`; `measured` (JSON) from the imports and mapping whose digest is
 * `measured_key`. Either is recomputed when its source no longer matches.
 */
export interface JourneyRollupsTable {
  journey_id: string;
  source_updated_at: number;
  designed: string;
  measured_key: string | null;
  measured: string | null;
}

/** A named portfolio view (filter, sort, group as JSON), shared by a workspace's members. */
export interface PortfolioViewsTable {
  id: string;
  workspace_id: string;
  name: string;
  definition: string;
  created_by: string | null;
  created_by_name: string;
  created_at: number;
}

/** The process that serves a journey's live document, until `expires_at` (database clock, ms); see 009_documentLeases.ts. */
export interface DocumentLeasesTable {
  journey_id: string;
  owner: string;
  address: string;
  token: number;
  expires_at: number;
}

/** A check of an uploaded file queued for a worker process; see 010_stagingJobs.ts. JSON in options, progress, staged, problem. */
export interface StagingJobsTable {
  id: string;
  journey_id: string;
  kind: string;
  file: string;
  file_name: string;
  options: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  claimed_by: string | null;
  heartbeat_at: number | null;
  progress: string | null;
  staged: string | null;
  problem: string | null;
  created_at: number;
}

/** A SAML sign-in in progress (a request sent, a browser's start, a checked answer); see 011_samlSignIns.ts. JSON in payload. */
export interface SamlSignInsTable {
  id: string;
  kind: 'request' | 'state' | 'code' | 'assertion';
  payload: string;
  expires_at: number;
}

/** The account that writes under a Yjs client id of a journey; see 012_clientClaims.ts. */
export interface JourneyClientClaimsTable {
  journey_id: string;
  client_id: number;
  user_id: string;
}

export interface Database {
  journey_client_claims: JourneyClientClaimsTable;
  saml_sign_ins: SamlSignInsTable;
  staging_jobs: StagingJobsTable;
  document_leases: DocumentLeasesTable;
  journey_rollups: JourneyRollupsTable;
  portfolio_views: PortfolioViewsTable;
  notifications: NotificationsTable;
  auth_user: AuthUserTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  journey_members: JourneyMembersTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  share_links: ShareLinksTable;
  share_viewers: ShareViewersTable;
  audit_events: AuditEventsTable;
  analytics_imports: AnalyticsImportsTable;
  journey_versions: JourneyVersionsTable;
  approval_requests: ApprovalRequestsTable;
  approval_decisions: ApprovalDecisionsTable;
  settings: SettingsTable;
  journeys: JourneysTable;
  journey_updates: JourneyUpdatesTable;
  journey_states: JourneyStatesTable;
}

export type Dialect = 'sqlite' | 'postgres';
