import { buildDayStats } from './build-day-stats.js';
import { buildEntryViews } from './build-entry-views.js';
import { buildHistory, type EndedEntry } from './build-history.js';
import { medianStagingMinutes } from './estimate-eta.js';
import type { FlakeView, QueueView } from './queue-view.js';
import type {
  CheckRunRowInput,
  EntryRecord,
  FlakeInput,
  OperatorPause,
  QueueEventInput,
  StagingInput,
} from './view-input.js';

/** What the store gives for one queue's page (see ./view-input.ts for each record). */
export interface QueueViewInput {
  queue: { repo: string; base: string };
  now: Date;
  /** `queue.freeze.reason` from the config, when the config freezes the queue. */
  configFreeze: string | null;
  /** An operator's pause from the store; a freeze in the config wins over it. */
  pause: OperatorPause | null;
  /** Active entries, in sequence order. */
  active: readonly EntryRecord[];
  /** Live stagings, in chain order. */
  stagings: readonly StagingInput[];
  /** The newest check-run outbox row per active entry (number and head). */
  checkRuns: readonly CheckRunRowInput[];
  /** Recently ended entries, newest first, with their events. */
  ended: readonly EndedEntry[];
  queueEvents: readonly QueueEventInput[];
  flakes: readonly FlakeInput[];
  /** Recently ended stagings: their CI durations make the ETAs. */
  endedStagings: readonly StagingInput[];
  /** PR titles by number, when the serving replica knows them. */
  titles?: ReadonlyMap<number, string>;
  /** Days in the charts' window; 14 by default. */
  days?: number;
  /** `https://github.com`: links to PRs, commits and failed jobs are built on it. */
  serverUrl: string;
}

export const flakeLimit = 20;

export function buildQueueView(input: QueueViewInput): QueueView {
  const paused = pausedOf(input);
  // While paused nothing lands, for as long as nobody knows: no date would be honest.
  const medianMinutes = paused ? null : medianStagingMinutes(input.endedStagings);
  return {
    repo: input.queue.repo,
    base: input.queue.base,
    generatedAt: input.now,
    paused,
    entries: buildEntryViews({
      active: input.active,
      stagings: input.stagings,
      checkRuns: input.checkRuns,
      titles: input.titles,
      medianMinutes,
      now: input.now,
    }),
    history: buildHistory({
      repo: input.queue.repo,
      serverUrl: input.serverUrl,
      ended: input.ended,
      queueEvents: input.queueEvents,
    }),
    flakes: flakesOf(input.flakes),
    days: buildDayStats({ ended: input.ended, days: input.days ?? 14, now: input.now }),
    medianStagingMinutes: medianStagingMinutes(input.endedStagings),
  };
}

/** The config's freeze wins: an operator cannot resume what the config holds. */
function pausedOf({ configFreeze, pause }: QueueViewInput): QueueView['paused'] {
  if (configFreeze !== null) return { reason: configFreeze, by: { kind: 'config' }, since: null };
  if (pause === null) return null;
  return {
    reason: pause.reason,
    by: { kind: 'operator', login: pause.pausedBy },
    since: pause.pausedAt,
  };
}

/** The most frequent first, then the most recent. */
function flakesOf(flakes: readonly FlakeInput[]): FlakeView[] {
  return [...flakes]
    .sort((a, b) => b.count - a.count || b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
    .slice(0, flakeLimit)
    .map((f) => ({ job: f.job, signature: f.signature, count: f.count, lastSeen: f.lastSeenAt }));
}
