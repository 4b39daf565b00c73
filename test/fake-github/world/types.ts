/**
 * The stand-in's state. Branch heads and commits are never copied here: they are read from
 * the repository's bare git repo, so the two cannot drift. The world only holds what git
 * cannot: users, apps, pull requests, checks, labels, comments, CI runs.
 */
import type { GitRepo } from '../git/index.js';

export type AccountType = 'User' | 'Bot' | 'Organization';

export interface Account {
  id: number;
  login: string;
  type: AccountType;
  name: string;
  email: string;
}

/** Fine-grained role as GitHub reports it in `role_name`. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

export type Access = 'read' | 'write';

/** GitHub App permission names as used in manifests, e.g. `pull_requests`, `checks`. */
export type Permissions = Record<string, Access>;

export interface App {
  id: number;
  slug: string;
  name: string;
  owner: Account;
  /** The bot user that acts for this app's installations (`<slug>[bot]`). */
  bot: Account;
  /** PEM public key used to verify the app's JWTs. */
  publicKeyPem: string;
  webhookSecret: string;
  permissions: Permissions;
  events: string[];
  createdAt: Date;
  /** The app's OAuth client, for signing users in with the web flow (`oauth/`). */
  oauth: OAuthClient;
}

/** What an App's settings page holds for user authorization (GitHub App user-to-server flow). */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Registered callback URLs, matched exactly; the first is used when `redirect_uri` is absent. */
  callbackUrls: string[];
  /** User access tokens expire after 8 hours, with a refresh token: GitHub's default for apps. */
  expireUserTokens: boolean;
}

export interface Installation {
  id: number;
  appId: number;
  account: Account;
  repositorySelection: 'all' | 'selected';
  /** Full names of the selected repositories when `repositorySelection` is `selected`. */
  repositories: Set<string>;
  permissions: Permissions;
  /** Where webhooks for this installation go: a URL or an in-process receiver. */
  webhookTarget?: WebhookTarget;
  suspended: boolean;
  createdAt: Date;
}

export type WebhookTarget =
  | { kind: 'url'; url: string }
  | {
      kind: 'receiver';
      receive(delivery: OutgoingDelivery): Promise<{ status: number; body?: string }>;
    };

export interface OutgoingDelivery {
  id: string;
  event: string;
  headers: Record<string, string>;
  body: string;
}

export interface InstallationToken {
  token: string;
  installationId: number;
  expiresAt: Date;
  revoked: boolean;
  permissions: Permissions;
}

export interface RepoSettings {
  allowSquashMerge: boolean;
  allowMergeCommit: boolean;
  allowRebaseMerge: boolean;
  deleteBranchOnMerge: boolean;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueComment {
  id: number;
  issueNumber: number;
  user: Account;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export type MergeableState =
  'clean' | 'dirty' | 'unstable' | 'blocked' | 'behind' | 'unknown' | 'draft';

export interface Mergeability {
  /** `stale` until the first read after a change, which answers `null` and starts computing. */
  state: 'stale' | 'computing' | 'computed';
  mergeable: boolean | null;
  mergeableState: MergeableState;
  /** The test merge commit (`refs/pull/N/merge`) when mergeable. */
  testMergeSha: string | null;
  conflicts: string[];
}

export interface PullRequestState {
  headRepo: string | null;
  headRef: string;
  headSha: string;
  baseRef: string;
  /** Base tip when the PR was opened or last retargeted (GitHub's `base.sha` is this, refreshed on read). */
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: Date | null;
  mergedBy: Account | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
  mergeability: Mergeability;
  reviews: Review[];
}

export interface Review {
  id: number;
  user: Account;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commitId: string;
  submittedAt: Date;
  body: string;
}

/** A timeline event of an issue (`GET /issues/{n}/events`): what happened, who did it, when. */
export interface IssueTimelineEvent {
  id: number;
  event: 'labeled' | 'unlabeled';
  actor: Account;
  label: { name: string; color: string };
  createdAt: Date;
}

/** Issues and pull requests share one number space, as on GitHub. */
export interface Issue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: Account;
  state: 'open' | 'closed';
  labels: string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  pull: PullRequestState | null;
  /** Label events, oldest first (absent on issues made before anything happened to them). */
  timeline?: IssueTimelineEvent[];
}

export interface RequiredStatusChecks {
  strict: boolean;
  contexts: string[];
  /** `app_id` pins a check to the app that must report it (-1 or absent: any source). */
  checks: { context: string; app_id: number | null }[];
}

export interface BranchProtection {
  requiredStatusChecks: RequiredStatusChecks | null;
  requiredApprovingReviewCount: number | null;
  enforceAdmins: boolean;
}

export interface Ruleset {
  id: number;
  name: string;
  /** Branch names (without refs/heads/) the ruleset applies to; `~DEFAULT_BRANCH` allowed. */
  branches: string[];
  requiredStatusChecks: { context: string; integration_id?: number }[];
  requiredApprovingReviewCount: number | null;
}

export type CheckStatus =
  'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckSuite {
  id: number;
  appId: number;
  headSha: string;
  headBranch: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CheckRun {
  id: number;
  suiteId: number;
  appId: number;
  name: string;
  headSha: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  externalId: string | null;
  detailsUrl: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: CheckAnnotation[];
  };
  actions: { label: string; description: string; identifier: string }[];
}

export interface CommitStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: Account;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A GitHub Release. Published releases own their tag (one per tag); drafts may share a tag
 * name with any release and have no git tag until they are published.
 */
export interface Release {
  id: number;
  tagName: string;
  /** As the request named it (a branch or a sha), echoed back like GitHub does. */
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: Account;
  /** GitHub's `created_at` is the date of the release's commit, not of the release. */
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface RepoState {
  id: number;
  owner: Account;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  git: GitRepo;
  createdAt: Date;
  /** For forks: the repository it was forked from. */
  parent: string | null;
  settings: RepoSettings;
  collaborators: Map<string, Role>;
  labels: Map<string, Label>;
  issues: Map<number, Issue>;
  comments: Map<number, IssueComment>;
  protection: Map<string, BranchProtection>;
  rulesets: Ruleset[];
  checkSuites: Map<number, CheckSuite>;
  checkRuns: Map<number, CheckRun>;
  statuses: CommitStatus[];
  /** By id; absent until the repository's first release. */
  releases?: Map<number, Release>;
}

export type IdKind =
  | 'account'
  | 'app'
  | 'installation'
  | 'repo'
  | 'issue'
  | 'issue_event'
  | 'comment'
  | 'label'
  | 'review'
  | 'check_run'
  | 'check_suite'
  | 'status'
  | 'workflow'
  | 'run'
  | 'job'
  | 'ruleset';
