/**
 * What doctor observed about one repository, from the store and (when it could) GitHub: the
 * input of the pure comparison (compare-repo.ts).
 */
import type { JournalRow, QueueCommandRecord, QueueEntry, StagingRecord } from '../store/types.js';
import type { ConfigError } from '../config/index.js';
import type { Unchecked } from './types.js';

/** One queue as the store has it: active entries, requests not yet acted on, stagings in flight. */
export interface StoreQueue {
  base: string;
  entries: QueueEntry[];
  pendingCommands: QueueCommandRecord[];
  /** Live records, oldest first: the chain in order (the first on the base tip), probes among them. */
  inFlight: StagingRecord[];
}

export interface PullFacts {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  headSha: string;
  labels: string[];
}

export type ConfigView =
  | { ok: true; label: string; stagingPrefix: string; onPush: 'dequeue' | 'retest' }
  | { ok: false; errors: ConfigError[] };

export interface GitHubView {
  defaultBranch: string;
  configPath: string;
  config: ConfigView;
  /** Every PR looked up; null when GitHub has no such PR. */
  pulls: ReadonlyMap<number, PullFacts | null>;
  /** Open PRs carrying the queue label, per base looked at (absent when the config is broken). */
  labeled: ReadonlyMap<string, number[]>;
  /** Who last added the queue label, for labeled PRs with no entry and no request. */
  labeledBy: ReadonlyMap<number, string | undefined>;
  /** Branch tips looked up (short names); null when the branch does not exist. */
  branches: ReadonlyMap<string, string | null>;
  /**
   * The newest staging record (any state) of each leftover branch under the prefix; for a
   * scratch branch, the newest record of its queue.
   */
  lastRecordByRef: ReadonlyMap<string, StagingRecord>;
}

export interface RepoObservation {
  repo: string;
  now: Date;
  queues: StoreQueue[];
  openRows: JournalRow[];
  github: { kind: 'checked'; view: GitHubView } | { kind: 'unchecked'; why: Unchecked };
}

/** Open journal rows and `building` records younger than this are work in progress. */
export const settleMs = 10 * 60_000;
