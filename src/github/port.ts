/**
 * What the orchestrator needs from GitHub for one repository, in domain words. The Octokit
 * adapter implements it; domain tests use a hand-written fake. Reads return plain values;
 * writes return typed outcomes, because for a merge gate "the base moved" or "the answer was
 * lost" are decisions, not exceptions. Failures with no value here are thrown: a read as
 * `GitHubReadError`, a write that is no decision (labels, comments, check runs) as
 * `GitHubWriteError`, both naming the operation and carrying the cause.
 */
import type { ObservedCheck, ObservedPull, Permission } from '../queue/types.js';

export interface PullDetails {
  pull: ObservedPull;
  /** Base tip as GitHub reports it with the PR (refreshed on every read). */
  baseSha: string;
  /** `null` while GitHub is still computing; poll again. */
  mergeable: boolean | null;
  /** The test merge commit (parents: base tip, head) while mergeable. */
  testMergeSha: string | null;
  /** Set once merged: the commit the merge produced. */
  mergeCommitSha: string | null;
}

/** The PR as building its staging commit needs it: details, test merge and authors at once. */
export interface StagingView extends PullDetails {
  /** The test merge commit (`testMergeSha`) itself, when GitHub has computed it. */
  testMerge: CommitFacts | null;
  /** Who wrote the PR's commits (git authors and Co-authored-by), one per email, bots left out. */
  commitAuthors: Person[];
}

export interface CommitFacts {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export interface Person {
  name: string;
  email: string;
}

export interface RequiredPolicy {
  checks: string[];
  approvals: number;
  /** Sources that could not be read (e.g. branch protection without the administration permission). */
  unreadable: string[];
}

export type RefWrite =
  | { kind: 'ok' }
  /** The ref moved since it was read, or the update is not a fast forward. */
  | { kind: 'rejected'; message: string }
  | { kind: 'missing' }
  /** 5xx or a lost connection: the write may or may not have happened. Look before retrying. */
  | { kind: 'unknown'; message: string };

export type MergeResult =
  | { kind: 'merged'; sha: string }
  | { kind: 'head-moved'; message: string }
  | { kind: 'not-mergeable'; message: string }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unknown'; message: string };

export type StagingMerge =
  { kind: 'clean'; treeSha: string } | { kind: 'conflict' } | { kind: 'unknown'; message: string };

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: {
    path: string;
    start_line: number;
    end_line: number;
    annotation_level: 'notice' | 'warning' | 'failure';
    message: string;
    title?: string;
  }[];
}

export interface CheckRunWrite {
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral' | 'cancelled' | 'action_required';
  output: CheckRunOutput;
  actions?: { label: string; description: string; identifier: string }[];
  detailsUrl?: string;
  externalId?: string;
}

export interface FailingJob {
  checkRunId: number;
  checkName: string;
  conclusion: string | null;
  /** Workflow run of the job (for re-running failed jobs); null for checks not from Actions. */
  runId: number | null;
  jobName: string | null;
  steps: { name: string; conclusion: string | null }[];
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: { path: string; line: number; message: string }[];
  url: string | null;
}

export interface RepoGitHub {
  readonly owner: string;
  readonly repo: string;

  defaultBranch(): Promise<string>;
  /** A file's text at a ref, or undefined when absent (or a directory). */
  readFile(path: string, ref: string): Promise<string | undefined>;
  /** Reads from another repository of the same owner (for `_extends`). */
  readFileIn(repo: string, path: string, ref?: string): Promise<string | undefined>;

  branchSha(branch: string): Promise<string | undefined>;
  /**
   * One read, never polled here. `pull.approvals`/`changesRequested` are left 0/false:
   * `reviewState` reads them, for the PRs the orchestrator acts on.
   */
  getPull(number: number): Promise<PullDetails | undefined>;
  /** Open PRs on `base` that carry `label` (case-insensitive); reviews left 0/false as above. */
  listLabeledPulls(base: string, label: string): Promise<ObservedPull[]>;
  /** Latest review per reviewer on the current head. */
  reviewState(
    number: number,
    headSha: string,
  ): Promise<{ approvals: number; changesRequested: boolean }>;
  permissionOf(login: string): Promise<Permission>;
  /** Who last added `label` to the PR, from its issue events (when the webhook was missed). */
  labeledBy(number: number, label: string): Promise<string | undefined>;
  requiredPolicy(branch: string): Promise<RequiredPolicy>;
  /**
   * Latest check run per name plus latest status per context on a commit. Sluice's own check
   * run (named `Sluice`) is left out: it reports on the queue and is never a gate. Statuses are
   * skipped when every name in `required` is already a check run.
   */
  checksOn(sha: string, required?: readonly string[]): Promise<ObservedCheck[]>;
  /**
   * The PR, its test merge commit and its commits' authors in one read (GraphQL), for the
   * staging build; never polled here either: `mergeable` is null while GitHub computes it.
   */
  stagingView(number: number): Promise<StagingView | undefined>;
  getCommit(sha: string): Promise<CommitFacts>;
  /** Files touched on both sides since the merge base (the likely conflicts). */
  conflictCandidates(number: number, baseSha: string): Promise<string[]>;

  /**
   * The merged tree of `heads` (SHAs or branches) on `base` (a SHA or a branch), computed by
   * GitHub: the branch `scratchRef` is forced to `base` and each head merged into it. The
   * scratch branch stays for reuse; the orchestrator deletes it when idle.
   */
  mergeTree(base: string, heads: string[], scratchRef: string): Promise<StagingMerge>;
  createCommit(input: {
    tree: string;
    parents: string[];
    message: string;
    author?: Person & { date: string };
  }): Promise<CommitFacts>;
  /** Creates or moves `refs/heads/<branch>`; `force` allows a non-fast-forward move. */
  setBranch(branch: string, sha: string, options: { force: boolean }): Promise<RefWrite>;
  deleteBranch(branch: string): Promise<RefWrite>;
  /** Sets a branch in another repository (a fork's head, with maintainer edits). */
  setBranchIn(
    fullName: string,
    branch: string,
    sha: string,
    options: { force: boolean },
  ): Promise<RefWrite>;
  mergePull(
    number: number,
    input: { sha: string; title: string; message: string },
  ): Promise<MergeResult>;

  addLabels(number: number, labels: string[]): Promise<void>;
  removeLabel(number: number, label: string): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  /**
   * Creates the check run, or updates it when `id` is given. Returns its id. Annotations past
   * 50 go in further updates; GitHub appends annotations on every update, so send each once.
   */
  writeCheckRun(check: CheckRunWrite, id?: number): Promise<number>;

  failingJobs(sha: string, checkNames: string[]): Promise<FailingJob[]>;
  /**
   * The job's log as a stream of chunks (it may be hundreds of MB); read it to the end or break
   * out to release the connection. Undefined when there is none (not Actions, running, expired).
   */
  jobLog(checkRunId: number): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Sent once; GitHub's 403 for a run still going (or not re-runnable) is `rejected`. */
  rerunFailedJobs(runId: number): Promise<RefWrite>;
}
