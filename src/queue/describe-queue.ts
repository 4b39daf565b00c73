import type { ChecksVerdict } from './evaluate-checks.js';
import { evaluateChecks } from './evaluate-checks.js';
import { queueOrder } from './queue-order.js';
import { holdFor, type Hold } from './rules/start-stagings.js';
import type { Priority, QueueSnapshot, Staging } from './types.js';

/** Where a PR's staging stands in the chain: "staging 2 of 3", with whom, and why so small. */
export interface StagingPlace {
  stagingSha: string;
  /** 1-based place in line; `of` stagings in flight. */
  index: number;
  of: number;
  /** The other PRs tested with it, in order. */
  with: number[];
  /** Set while its failed batch is bisected: how big that batch was. */
  bisecting: { batchSize: number } | null;
  /** Its checks failed, but stagings ahead are still testing: it is judged once they pass. */
  failedWaitingForAhead: boolean;
  /** A probe: tested beside the chain, on the base tip, to learn early; it does not land itself. */
  probe: boolean;
}

/** Where an active entry stands, for its `Sluice` check run. */
export type EntryStatus =
  | {
      kind: 'waiting';
      position: number;
      queueLength: number;
      /** Shown when not `normal`: why it stands where it does. */
      priority: Priority;
      hold: Hold | null;
      /** It conflicts with (or is carried by) PRs ahead: it waits for them to land. */
      waitingFor: { prs: number[]; files: string[]; empty: boolean } | null;
      /** Set while its failed batch is bisected and it waits for its turn. */
      bisecting: { batchSize: number } | null;
      /**
       * It already passed, untouched since (a probe, or a staging that did not land): it goes
       * into a larger batch when its turn comes. A probe that passed and has not ended yet
       * says the same, so its end changes nothing the PR's check run shows.
       */
      cleared: boolean;
    }
  | {
      kind: 'testing';
      position: number;
      queueLength: number;
      priority: Priority;
      stagingSha: string;
      checks: ChecksVerdict;
      required: string[];
      place: StagingPlace;
    }
  | { kind: 'config-broken' };

export interface EntryView {
  pr: number;
  headSha: string;
  status: EntryStatus;
}

/** The status of every active entry, derived from the snapshot alone. */
export function describeQueue(snapshot: QueueSnapshot): EntryView[] {
  const entries = queueOrder(snapshot.entries);
  // Places in line count the chain only; probes stand beside it.
  const inFlight = snapshot.stagings.filter((s) => s.state !== 'failed' && !s.probe);
  return entries.map((entry, index) => {
    const base = { pr: entry.pr, headSha: entry.headSha };
    if (!snapshot.config.ok) return { ...base, status: { kind: 'config-broken' } };
    const position = index + 1;
    const queueLength = entries.length;
    const suspect = snapshot.suspects[entry.pr];
    const bisecting = suspect ? { batchSize: groupSize(snapshot, suspect.group) } : null;
    const staging = snapshot.stagings.find((s) => s.prs.some((p) => p.pr === entry.pr));
    const checks = staging
      ? staging.knownFailure
        ? ({ kind: 'failed', failing: [] } as ChecksVerdict)
        : evaluateChecks(snapshot.requiredChecks, staging.checks)
      : undefined;
    const probePassed = staging?.probe === true && checks?.kind === 'passed';
    if (staging && checks && !probePassed) {
      return {
        ...base,
        status: {
          kind: 'testing',
          position,
          queueLength,
          priority: entry.priority,
          stagingSha: staging.sha,
          checks,
          required: snapshot.requiredChecks,
          place: placeOf(staging, entry.pr, inFlight, bisecting),
        },
      };
    }
    const pull = snapshot.pulls.find((p) => p.number === entry.pr);
    const hold = pull ? (holdFor(pull, snapshot.requiredApprovals) ?? null) : null;
    return {
      ...base,
      status: {
        kind: 'waiting',
        position,
        queueLength,
        priority: entry.priority,
        hold,
        waitingFor: waitingFor(snapshot, entry.pr),
        bisecting,
        cleared: probePassed || snapshot.cleared.includes(entry.pr),
      },
    };
  });
}

/**
 * The status as it stays while the queue moves around it — what decides whether a PR's check
 * run is rewritten (syncCheckRuns). The place in line, the length of the queue and the
 * staging's place among those in flight change at every landing ahead and are set to fixed
 * values; whether it is next in line is kept: that is what a person waits for. Two kinds of
 * progress are left to the next write, as they ask nothing of anyone and would cost a request
 * per PR each time: a probe (tested early beside the line, or passed), which leaves the PR
 * waiting for its turn as before; and the steps of a bisection, one state from the batch's
 * failure until a half's verdict. What changes the PR's fate (testing in the line, a failure,
 * landing, leaving) is always written.
 */
export function settledStatus(status: EntryStatus): EntryStatus {
  switch (status.kind) {
    case 'waiting':
      return {
        ...status,
        position: settledPosition(status.position),
        queueLength: 2,
        bisecting: status.bisecting && bisectingAsOne,
        cleared: false,
      };
    case 'testing': {
      const { place, checks } = status;
      if (place.bisecting !== null && checks.kind === 'pending')
        return waitingAs(status, bisectingAsOne);
      if (place.probe && place.bisecting === null && checks.kind !== 'failed')
        return waitingAs(status, null);
      return {
        ...status,
        position: 1,
        queueLength: 1,
        place: { ...place, index: 1, of: 1 },
      };
    }
    case 'config-broken':
      return status;
  }
}

/** Every step of a bisection, for `settledStatus`: whichever batch is split, and whether tested. */
const bisectingAsOne = { batchSize: 0 };

function settledPosition(position: number): number {
  return position === 1 ? 1 : 2;
}

function waitingAs(
  testing: { position: number; priority: Priority },
  bisecting: { batchSize: number } | null,
): EntryStatus {
  return {
    kind: 'waiting',
    position: settledPosition(testing.position),
    queueLength: 2,
    priority: testing.priority,
    hold: null,
    waitingFor: null,
    bisecting,
    cleared: false,
  };
}

function placeOf(
  staging: Staging,
  pr: number,
  inFlight: Staging[],
  bisecting: StagingPlace['bisecting'],
): StagingPlace {
  const index = inFlight.indexOf(staging);
  return {
    probe: staging.probe,
    stagingSha: staging.sha,
    index: index === -1 ? 1 : index + 1,
    of: Math.max(inFlight.length, 1),
    with: staging.prs.map((p) => p.pr).filter((n) => n !== pr),
    bisecting,
    failedWaitingForAhead: staging.state === 'failed',
  };
}

/** Suspects of one failed batch still queued, at least the two halves it split into. */
function groupSize(snapshot: QueueSnapshot, group: string): number {
  return Object.values(snapshot.suspects).filter((s) => s.group === group).length;
}

function waitingFor(
  snapshot: QueueSnapshot,
  pr: number,
): Extract<EntryStatus, { kind: 'waiting' }>['waitingFor'] {
  const record = snapshot.buildFailures[pr];
  if (!record || record.failure.kind === 'head-moved' || record.onTopOf.length === 0) return null;
  const active = new Set(snapshot.entries.map((e) => e.pr));
  const prs = record.onTopOf.filter((n) => n !== pr && active.has(n));
  if (prs.length === 0) return null;
  return record.failure.kind === 'conflict'
    ? { prs, files: record.failure.files, empty: false }
    : { prs, files: [], empty: true };
}
