/**
 * The values the GitHub port (`port.ts`) takes and gives: what GitHub's answers mean to the
 * orchestrator, and the typed outcomes of its writes.
 */
import type { ObservedCheck, ObservedPull } from '../queue/types.js';

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

/** One ref of an atomic update: `before` is the value it must still have (a compare-and-swap). */
export interface RefUpdate {
  /** `refs/heads/<branch>` */
  ref: string;
  before: string;
  after: string;
  /** Allow a move that is not a fast-forward (a PR head moved to the squash). */
  force: boolean;
}

export type AtomicRefWrite =
  | { kind: 'ok' }
  /** A ref was not at its `before` value, or a move was refused: nothing moved. */
  | { kind: 'rejected'; message: string }
  /** The host has no `updateRefs` (GHES before 3.16): nothing was sent that could move a ref. */
  | { kind: 'unsupported'; message: string }
  /** 5xx or a lost connection: all or none of the refs moved. Look before retrying. */
  | { kind: 'unknown'; message: string };

/** One PR of a landing as the landing view reads it: the PR, and its merge commit once merged. */
export interface LandingPull extends ObservedPull {
  /** Set once merged: the commit the merge produced. */
  mergeCommitSha: string | null;
}

/**
 * What gates a landing, read fresh in one request right before the landing write: every PR of
 * the landing, the base tip, the branch's protection and rulesets, and the config file on the
 * default branch. `pull` and `mergeCommitSha` are the first PR's (`pulls[0]`).
 */
export interface LandingView extends PullDetails {
  /** The landing's PRs, in the order they were asked for. */
  pulls: LandingPull[];
  /** The repository's GraphQL node id (what `updateRefs` addresses). */
  repositoryId: string;
  policy: RequiredPolicy;
  /** `.github/sluice.yml` on the default branch, or null when absent. */
  configText: string | null;
  /** The owner's `.github` repository's `.github/sluice.yml`, which applies when `configText` is null. */
  orgConfigText: string | null;
  /**
   * The checks of the commit the base moves to (`tip`, when asked for); `undefined` when they
   * did not fit the read (more than a hundred): read them apart.
   */
  tipChecks?: ObservedCheck[] | undefined;
}

export type MergeResult =
  | { kind: 'merged'; sha: string }
  | { kind: 'head-moved'; message: string }
  | { kind: 'not-mergeable'; message: string }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unknown'; message: string };

export type StagingMerge =
  { kind: 'clean'; treeSha: string } | { kind: 'conflict' } | { kind: 'unknown'; message: string };

/** Heads merged one after another: the tree after each (null: it changed nothing), until one stops. */
export interface StagingMerges {
  baseSha: string | undefined;
  trees: (string | null)[];
  /** Why the merge stopped at head number `trees.length`; null when every head merged. */
  stop: Exclude<StagingMerge, { kind: 'clean' }> | null;
}

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

/** A comment, label or check-run write, sent once. */
export type NoticeWrite =
  | { kind: 'ok' }
  /** 4xx other than a rate limit: repeating it will not help. */
  | { kind: 'rejected'; status: number | undefined; message: string }
  /** Rate limited: nothing was written; send it later. */
  | { kind: 'throttled'; message: string }
  /** 5xx or a lost connection: it may have been written. Look before sending it again. */
  | { kind: 'unknown'; message: string };

/** A failure may still name the run, when it was created and a later request failed. */
export type CheckRunWriteResult =
  | {
      kind: 'ok';
      id: number;
      /** GraphQL's id of the run, when the answer named it. */ nodeId?: string;
    }
  | (Exclude<NoticeWrite, { kind: 'ok' }> & { id?: number });

/**
 * One write of a batch: a check run's create (no `run`) or update (of the run GraphQL knows
 * as `run.nodeId`), or a label taken off a PR, both named by their GraphQL ids.
 */
export type NoticeBatchWrite =
  | { kind: 'check-run'; check: CheckRunWrite; run?: { id: number; nodeId: string } }
  | { kind: 'remove-label'; pullId: string; labelId: string };

/**
 * A batch's answers, one per write in order; `refused` when GraphQL refused the document
 * before running any of it (nothing was written: send the writes through REST), because the
 * host lacks one of the mutations or an input did not fit its type.
 */
export type NoticeBatchResult =
  | { kind: 'answered'; results: (CheckRunWriteResult | NoticeWrite)[] }
  | { kind: 'refused'; message: string; hostLacksMutations: boolean };

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

/** What `cancelRunsFor` did; runs that finished meanwhile are in neither list. */
export interface CancelledRuns {
  /** Runs GitHub accepted to cancel (they conclude `cancelled` shortly after). */
  cancelled: number[];
  /** Runs whose cancel failed otherwise (5xx, lost answer, 403...): they may still run. */
  failed: { runId: number; status: number | undefined; message: string }[];
}
