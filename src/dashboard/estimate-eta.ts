import { median } from './median.js';
import type { StagingInput } from './view-input.js';

const minute = 60_000;

/**
 * The median CI duration of recent stagings, in minutes: from a staging's creation (its
 * commit is pushed and CI starts then) to its end. Only stagings that ran their checks to
 * the end count — `landed`, and `cleared` probes: an abandoned staging was cut short and a
 * rejected one may never have run CI, so either would make the queue look faster than it is.
 */
export function medianStagingMinutes(ended: readonly StagingInput[]): number | null {
  const minutes = ended
    .filter((s) => s.state === 'landed' || s.state === 'cleared')
    .map((s) => (s.updatedAt.getTime() - s.createdAt.getTime()) / minute)
    .filter((m) => m >= 0);
  return median(minutes);
}

export interface EtaPlan {
  /** When each live chain staging should land, by staging id. */
  stagingEnds: ReadonlyMap<number, Date>;
  /** When the n-th waiting entry (0-based, in queue order) should land. */
  waiting(index: number): Date;
}

/**
 * A deliberately simple model, so that an operator can check it in their head:
 * - a staging in the chain lands when its own CI ends (created + median; now when it is
 *   overdue or has passed already), and never before the staging ahead of it;
 * - entries not in the chain (waiting, in a probe, or in a failed staging) are tested after
 *   the chain, in rounds of one median each, as many per round as the chain holds now
 *   (at least one): the queue is assumed to keep the pace it has;
 * - a blocked entry gets none (it waits for a person) and takes no place in the rounds.
 */
export function planEtas(input: {
  chain: readonly StagingInput[];
  medianMinutes: number;
  now: Date;
}): EtaPlan {
  const { chain, now } = input;
  const ci = input.medianMinutes * minute;
  const stagingEnds = new Map<number, Date>();
  let end = now.getTime();
  for (const staging of chain) {
    const done = staging.state === 'passed' || staging.state === 'landing';
    const own = done ? now.getTime() : staging.createdAt.getTime() + ci;
    end = Math.max(end, own);
    stagingEnds.set(staging.id, new Date(end));
  }
  const perRound = Math.max(
    1,
    chain.reduce((sum, s) => sum + s.prs.length, 0),
  );
  const chainEnd = end;
  return {
    stagingEnds,
    waiting: (index) => new Date(chainEnd + (Math.floor(index / perRound) + 1) * ci),
  };
}
