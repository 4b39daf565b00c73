import { queueOrder } from '../queue/queue-order.js';
import type { QueueEntryView } from './queue-view.js';
import { planEtas } from './estimate-eta.js';
import { waitingOnOf } from './read-check-run-title.js';
import type { CheckRunRowInput, EntryRecord, StagingInput } from './view-input.js';

type StagingView = NonNullable<QueueEntryView['staging']>;

/**
 * The active entries in the core's one order (priority first, then queueing order), each with
 * its place in the chain, what its check run last said and an estimate of when it lands.
 */
export function buildEntryViews(input: {
  active: readonly EntryRecord[];
  stagings: readonly StagingInput[];
  checkRuns: readonly CheckRunRowInput[];
  titles: ReadonlyMap<number, string> | undefined;
  medianMinutes: number | null;
  now: Date;
}): QueueEntryView[] {
  const ordered = queueOrder(input.active.map((e) => ({ ...e, seq: e.sequence })));
  const chain = input.stagings.filter((s) => !s.probe);
  const lands = input.stagings.filter((s) => !s.probe && s.state !== 'failed');
  const plan =
    input.medianMinutes === null
      ? null
      : planEtas({ chain: lands, medianMinutes: input.medianMinutes, now: input.now });
  let waiting = 0;
  return ordered.map((entry, index) => {
    const staging = stagingOf(entry.number, input.stagings);
    const stagingEnd = staging && plan?.stagingEnds.get(staging.id);
    // A blocked entry lands only after someone retries it: no date would be honest.
    const eta =
      plan === null || entry.state === 'blocked' ? null : (stagingEnd ?? plan.waiting(waiting++));
    return {
      entryId: entry.id,
      number: entry.number,
      title: input.titles?.get(entry.number) ?? null,
      position: index + 1,
      state: entry.state,
      priority: entry.priority,
      headSha: entry.headSha,
      queuedBy: entry.queuedBy,
      queuedAt: entry.queuedAt,
      staging: staging ? placeIn(staging, entry.number, chain) : null,
      waitingOn: waitingOnOf(entry, input.checkRuns),
      eta,
    };
  });
}

/** A PR's chain staging, else the probe it is tested in. */
function stagingOf(pr: number, stagings: readonly StagingInput[]): StagingInput | undefined {
  const holding = stagings.filter((s) => s.prs.some((p) => p.number === pr));
  return holding.find((s) => !s.probe) ?? holding[0];
}

/** A probe sits on the base tip, beside the chain: first, whatever the chain's length. */
function placeIn(staging: StagingInput, pr: number, chain: readonly StagingInput[]): StagingView {
  const index = chain.indexOf(staging);
  return {
    id: staging.id,
    position: index === -1 ? 1 : index + 1,
    of: Math.max(chain.length, 1),
    prs: staging.prs.map((p) => p.number).filter((n) => n !== pr),
    sha: staging.commitSha,
    probe: staging.probe,
  };
}
