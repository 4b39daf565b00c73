/**
 * `sluice doctor`'s vocabulary: what it found, what `--fix` does about it, and what came of
 * that. Plain data, so the comparison is a pure function and the messages module renders
 * the text without knowing about the store or GitHub.
 */
import type { ConfigError } from '../config/index.js';

/** `info` findings are reported (and fixed) but never make the exit code fail. */
export type Severity = 'error' | 'warning' | 'info';

export type EntryEnd = 'merged' | 'closed' | 'unlabeled';

/** Where a branch under the staging prefix came from, as far as the store can tell. */
export type BranchOrigin =
  | { kind: 'scratch'; base: string }
  | { kind: 'record'; stagingId: number; state: string }
  /** `<prefix><base>`: the one staging branch a queue had before batches. */
  | { kind: 'pre-batches'; base: string }
  /** `<prefix><base>/<n>`: a queue's staging branch at place `n`, no record known. */
  | { kind: 'position'; base: string; position: number }
  | { kind: 'unknown' };

export type MutationLookup =
  | 'ref-at-new-value'
  | 'ref-at-old-value'
  | 'ref-gone'
  | 'ref-moved-on'
  | 'pr-merged'
  | 'pr-not-merged'
  | 'pr-missing'
  | 'label-present'
  | 'label-absent'
  | 'other-repository'
  | 'no-trace'
  | 'github-unchecked';

/** What looking at GitHub says about an open journal row. */
export type JournalVerdict =
  | { kind: 'done'; lookup: MutationLookup; observed: string | null }
  | { kind: 'failed'; lookup: MutationLookup; observed: string | null }
  | { kind: 'undetermined'; lookup: MutationLookup; observed: string | null };

export interface JournalSummary {
  id: number;
  kind: string;
  target: string;
  status: 'pending' | 'unknown';
  createdAt: Date;
}

export type Problem =
  | { kind: 'entry-pr-missing'; base: string; number: number; entryId: number }
  | { kind: 'entry-pr-closed'; base: string; number: number; entryId: number }
  | { kind: 'entry-pr-merged'; base: string; number: number; entryId: number }
  | { kind: 'entry-unlabeled'; base: string; number: number; entryId: number; label: string }
  | {
      kind: 'entry-head-moved';
      base: string;
      number: number;
      entryId: number;
      queuedSha: string;
      headSha: string;
    }
  | { kind: 'labeled-not-queued'; base: string; number: number; label: string }
  | { kind: 'staging-stuck-building'; base: string; stagingId: number; since: Date }
  | {
      kind: 'staging-pr-duplicated';
      base: string;
      stagingId: number;
      state: string;
      /** Each PR it shares, with the newest live record holding it (the one that stays). */
      shared: { number: number; stagingId: number }[];
    }
  | {
      kind: 'staging-chain-broken';
      base: string;
      stagingId: number;
      position: number | null;
      state: string;
      /** The commit it is built on. */
      builtOn: string;
      /** Where the chain has it: the base tip (`aheadId` null) or the tip of staging `aheadId`. */
      expected: string;
      aheadId: number | null;
      /** The chain records behind it, which the app abandons with it. */
      behind: number[];
    }
  | { kind: 'staging-pr-left'; base: string; stagingId: number; state: string; numbers: number[] }
  | {
      kind: 'staging-branch-missing';
      base: string;
      stagingId: number;
      state: string;
      branch: string;
    }
  | {
      kind: 'staging-branch-moved';
      base: string;
      stagingId: number;
      state: string;
      branch: string;
      expectedSha: string;
      actualSha: string;
    }
  | { kind: 'orphan-staging-branch'; branch: string; sha: string; origin: BranchOrigin }
  | { kind: 'journal-open'; row: JournalSummary; verdict: JournalVerdict }
  | { kind: 'config-invalid'; path: string; branch: string; errors: ConfigError[] }
  | { kind: 'repo-not-installed' }
  | { kind: 'github-unreadable'; message: string };

/** What `--fix` changes. Only the store and staging branches: never a merge, never a base. */
export type Repair =
  | {
      kind: 'end-entry';
      entryId: number;
      number: number;
      state: 'merged' | 'dequeued';
      reason: EntryEnd;
    }
  | { kind: 'record-queue-request'; base: string; number: number; requestedBy: string }
  | {
      kind: 'close-staging';
      stagingId: number;
      /** The state the record is expected in: anything else means someone acted since. */
      from: string;
      state: 'abandoned' | 'landed';
      /** Members left `testing`/`landing` by this record: back to `queued`, to be rebuilt. */
      requeue: { entryId: number; number: number }[];
    }
  | { kind: 'delete-branch'; branch: string; sha: string }
  | {
      kind: 'close-journal-row';
      rowId: number;
      status: 'done' | 'failed';
      observed: string | null;
    };

/** Why a finding has no repair. */
export type NoRepair =
  | { kind: 'app-decides'; onPush: 'dequeue' | 'retest' | undefined }
  | { kind: 'labeler-unknown' }
  | { kind: 'edit-config' }
  | { kind: 'lands-by-sha' }
  /** The reconciler abandons it (a broken link of the chain) at its next pass. */
  | { kind: 'app-abandons' }
  | { kind: 'cannot-tell' }
  | { kind: 'install-app' }
  | { kind: 'github-needed' }
  | { kind: 'github-failed' }
  /** Under the staging prefix, but no staging record ever used it: maybe not Sluice's. */
  | { kind: 'not-sluices' };

export type Remedy = { kind: 'repair'; repair: Repair } | { kind: 'none'; why: NoRepair };

export interface Finding {
  repo: string;
  severity: Severity;
  problem: Problem;
  remedy: Remedy;
}

export type FixOutcome =
  | { kind: 'fixed' }
  /** Someone (the app) changed it between the look and the fix, or it is already right. */
  | { kind: 'already-changed' }
  | { kind: 'queue-busy'; holder: string; until: Date }
  | { kind: 'failed'; message: string };

export interface FindingResult extends Finding {
  /** Set with `--fix` for findings that have a repair. */
  outcome?: FixOutcome;
}

/** Why GitHub was not (fully) looked at for a repository. */
export type Unchecked =
  { kind: 'no-credentials' } | { kind: 'not-installed' } | { kind: 'unreadable'; message: string };

/** Things worth saying that are not wrong. */
export type Note =
  | { kind: 'journal-in-progress'; count: number }
  | { kind: 'label-checks-skipped' }
  | { kind: 'queue-held'; base: string; holder: string; until: Date }
  /** The host has no `updateRefs` (GHES before 3.16): landings take the two-step path. */
  | { kind: 'landing-two-step' }
  /** Outcomes decided but not yet told (comments, labels, check runs): the app retries them. */
  | { kind: 'notices-undelivered'; count: number };

export interface EntrySummary {
  number: number;
  state: string;
  headSha: string;
  queuedBy: string;
  queuedAt: Date;
}

/** A live staging record: its place, PRs and state. */
export interface StagingSummary {
  id: number;
  /** Its place in line, which names its branch; null for a record from before batches. */
  position: number | null;
  probe: boolean;
  state: string;
  prs: number[];
  /** The tip CI tests; null while building. */
  sha: string | null;
}

export interface QueueSummary {
  base: string;
  entries: EntrySummary[];
  pendingRequests: number;
  /** Live stagings in chain order, probes among them. */
  stagings: StagingSummary[];
}

export type ConfigStatus =
  | { valid: true; path: string; branch: string; label: string }
  | { valid: false; path: string; branch: string; errors: ConfigError[] };

export interface FlakeRow {
  job: string;
  signature: string;
  count: number;
  lastSeenAt: Date;
  lastSha: string;
}

export interface RepoReport {
  repo: string;
  /** Undefined when GitHub was not read for this repository (see notes). */
  config: ConfigStatus | undefined;
  queues: QueueSummary[];
  findings: FindingResult[];
  notes: Note[];
  flakes: FlakeRow[];
}

export type GitHubStatus =
  { kind: 'checked'; url: string; app: string } | { kind: 'unchecked'; why: 'no-credentials' };

export interface DoctorReport {
  store: string;
  github: GitHubStatus;
  fix: boolean;
  repos: RepoReport[];
}

/** Why the app's credentials in the environment cannot be used. */
export type CredentialsProblem =
  | { kind: 'key-without-app-id' }
  | { kind: 'app-id-without-key' }
  | { kind: 'bad-app-id'; value: string }
  | { kind: 'bad-key' }
  | { kind: 'key-file-unreadable'; path: string }
  | { kind: 'key-file-not-pem'; path: string };
