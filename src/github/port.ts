/**
 * What the orchestrator needs from GitHub for one repository, in domain words. The Octokit
 * adapter implements it; domain tests use a hand-written fake. Reads return plain values;
 * writes return typed outcomes, because for a merge gate "the base moved" or "the answer was
 * lost" are decisions, not exceptions. Failures with no value here are thrown: a read as
 * `GitHubReadError`, a write that is no decision (labels, comments, check runs) as
 * `GitHubWriteError`, both naming the operation and carrying the cause.
 */

import type { ObservedCheck, ObservedPull, Permission } from '../queue/types.js';
import type {
  AtomicRefWrite,
  CancelledRuns,
  CheckRunWrite,
  CheckRunWriteResult,
  CommitFacts,
  FailingJob,
  LandingView,
  MergeResult,
  NoticeBatchResult,
  NoticeBatchWrite,
  NoticeWrite,
  Person,
  PullDetails,
  RefUpdate,
  RefWrite,
  RequiredPolicy,
  StagingMerge,
  StagingMerges,
  StagingView,
} from './port-types.js';

export type * from './port-types.js';

export interface RepoGitHub {
  readonly owner: string;
  readonly repo: string;

  defaultBranch(): Promise<string>;
  /** The repository's GraphQL node id (what mutations name it by); it never changes. */
  repositoryId(): Promise<string>;
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
  /**
   * Many PRs in one read (GraphQL), by number; one that does not exist is left out. As
   * `getPull`, but `testMergeSha` is null (the staging build reads the test merge fresh).
   */
  readPulls(numbers: readonly number[]): Promise<Map<number, PullDetails>>;
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
  /** `checksOn` for several commits in one read (GraphQL); every sha asked for is answered. */
  checksOnCommits(shas: readonly string[]): Promise<Map<string, ObservedCheck[]>>;
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
  /** As `mergeTree`, with the tree after each head; see `StagingMerges`. */
  mergeTrees(base: string, heads: string[], scratchRef: string): Promise<StagingMerges>;
  /**
   * Several PRs as `stagingView` reads one, in one request (PRs of more than 100 commits take
   * more); a PR that does not exist is left out.
   */
  stagingViews(numbers: readonly number[]): Promise<Map<number, StagingView>>;
  createCommit(input: {
    tree: string;
    parents: string[];
    message: string;
    author?: Person & { date: string };
  }): Promise<CommitFacts>;
  /** Creates or moves `refs/heads/<branch>`; `force` allows a non-fast-forward move. */
  setBranch(branch: string, sha: string, options: { force: boolean }): Promise<RefWrite>;
  deleteBranch(branch: string): Promise<RefWrite>;
  /**
   * Moves several refs of this repository in one atomic call (GraphQL `updateRefs`), each only
   * if it is still at its `before` value. Sent once: never retried automatically.
   */
  updateRefs(repositoryId: string, updates: RefUpdate[]): Promise<AtomicRefWrite>;
  /**
   * The PRs of a landing (1 to 100, in order) and the policy that gates landing them, in one
   * fresh read (see `LandingView`); `undefined` when any of the PRs does not exist.
   */
  landingView(
    numbers: readonly number[],
    input: { base: string; configPath: string; tip?: string },
  ): Promise<LandingView | undefined>;
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

  /*
   * What people read (labels, comments, check runs) is sent once, never retried blindly: a
   * 5xx comes back as `unknown`, and the caller looks (the reads below) before sending again.
   */
  addLabels(number: number, labels: string[]): Promise<NoticeWrite>;
  /** A label already off the PR is `ok`. */
  removeLabel(number: number, label: string): Promise<NoticeWrite>;
  comment(number: number, body: string): Promise<NoticeWrite>;
  /**
   * Creates the check run, or updates it when `id` is given. Annotations past 50 go in
   * further updates; GitHub appends annotations on every update, so send each once.
   */
  writeCheckRun(check: CheckRunWrite, id?: number): Promise<CheckRunWriteResult>;
  /**
   * Check-run writes and label removals in one GraphQL request, applied in order, each
   * answered on its own (a removal's `ok` carries no id); sent once. At most 50 annotations
   * per check run (the rest need `writeCheckRun`).
   */
  writeNotices(repositoryId: string, writes: NoticeBatchWrite[]): Promise<NoticeBatchResult>;
  /** The PR's labels, read now. */
  labelsOn(number: number): Promise<string[]>;
  /** Whether any comment on the PR contains `marker`. */
  hasComment(number: number, marker: string): Promise<boolean>;
  /** The id of the check run named `name` on `headSha` with this `external_id`, if any. */
  findCheckRun(input: {
    headSha: string;
    name: string;
    externalId: string;
  }): Promise<number | undefined>;

  failingJobs(sha: string, checkNames: string[]): Promise<FailingJob[]>;
  /**
   * The job's log as a stream of chunks (it may be hundreds of MB); read it to the end or break
   * out to release the connection. Undefined when there is none (not Actions, running, expired).
   */
  jobLog(checkRunId: number): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Sent once; GitHub's 403 for a run still going (or not re-runnable) is `rejected`. */
  rerunFailedJobs(runId: number): Promise<RefWrite>;
  /**
   * Cancels the workflow runs on `sha` not completed yet, to free the runners of a commit no
   * longer needed (an abandoned staging). Best effort and idempotent: a run that finished
   * meanwhile is skipped, another failure on one run lands in `failed` and the others are
   * still cancelled; each cancel is sent once. Only a failed listing throws (`GitHubReadError`).
   */
  cancelRunsFor(sha: string): Promise<CancelledRuns>;
}
