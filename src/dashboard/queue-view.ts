/**
 * What the dashboard and `sluice status` show of one base branch's queue: built from the store
 * alone (no GitHub read), so any replica can serve it and a page costs a few queries. Pure:
 * the adapter reads the records, `buildQueueView` (./build-queue-view.ts) shapes them, the
 * renderers (HTML for `/sluice/`, text for the terminal) print them.
 */
import type { Priority, QueuePause } from '../queue/types.js';

export interface QueueKeyView {
  /** `owner/name`. */
  repo: string;
  base: string;
}

/** One active entry, in the order the queue will take them (priority first, then sequence). */
export interface QueueEntryView {
  entryId: number;
  number: number;
  /** The PR's title when the serving replica knows it; the page shows `#n` alone otherwise. */
  title: string | null;
  /** 1-based place in the queue. */
  position: number;
  /** The store's entry state: waiting, staging, testing, landing, blocked. */
  state: string;
  priority: Priority;
  headSha: string;
  queuedBy: string;
  queuedAt: Date;
  /** The live staging it is in, if any, with the PRs batched with it (in merge order). */
  staging: {
    id: number;
    /** 1: on the base; n: the n-th in the speculative chain. */
    position: number;
    /** Live stagings in the chain. */
    of: number;
    prs: number[];
    sha: string | null;
    probe: boolean;
  } | null;
  /** What it waits on, as its `Sluice` check run last said it (the title), and since when. */
  waitingOn: { text: string; since: Date } | null;
  /** When it should land, from recent staging CI durations; null when nothing to go on. */
  eta: Date | null;
}

/** One ended entry or queue-level event, newest first. */
export interface HistoryItemView {
  at: Date;
  kind: 'landed' | 'dequeued' | 'paused' | 'resumed' | 'priority' | 'retried';
  /** Absent for a queue-level event (pause, resume). */
  number?: number;
  entryId?: number;
  /** Who did it, when a person did. */
  by?: string;
  /** Dequeued: the gate class (`test`, `lint`, …) when a failure was classified. */
  gateClass?: string | null;
  /** Dequeued: why, in words. Paused: the reason given. */
  reason?: string | null;
  /** A link to the evidence: the failed job, the landed commit. */
  url?: string | null;
}

export interface FlakeView {
  job: string;
  signature: string;
  count: number;
  lastSeen: Date;
}

/** One day (UTC) of the throughput and time-to-merge charts. */
export interface DayStatView {
  /** `YYYY-MM-DD`. */
  day: string;
  merged: number;
  dequeued: number;
  /** Median minutes from queued to merged of that day's merges; null without merges. */
  medianMinutesToMerge: number | null;
}

export interface QueueView extends QueueKeyView {
  generatedAt: Date;
  /** Set while paused: by `queue.freeze` in the config or by an operator (dashboard). */
  paused: (QueuePause & { since: Date | null }) | null;
  entries: QueueEntryView[];
  history: HistoryItemView[];
  flakes: FlakeView[];
  /** Oldest first, one per day of the window, days without activity included. */
  days: DayStatView[];
  /** The median CI duration of recent stagings, what the ETAs are built on; null without any. */
  medianStagingMinutes: number | null;
}
