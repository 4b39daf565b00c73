import type { Effect } from './effects.js';
import type { QueueEntry, QueueSnapshot } from './types.js';

/**
 * The effects of one decision, built up rule by rule. Rules run in priority order and see
 * what earlier rules already decided (an entry that leaves is not also staged).
 */
export class Plan {
  readonly effects: Effect[] = [];
  readonly #leaving = new Set<string>();
  /** Entries re-pinned to a new head by this plan (config `queue.onPush: retest`). */
  readonly #newHeads = new Map<string, string>();
  #stagingAbandoned = false;
  #stagingBusy = false;

  constructor(readonly snapshot: QueueSnapshot) {}

  add(effect: Effect): void {
    this.effects.push(effect);
    if (effect.kind === 'dequeue' || effect.kind === 'finish-merged')
      this.#leaving.add(effect.entryId);
    if (effect.kind === 'retest-new-head') this.#newHeads.set(effect.entryId, effect.headSha);
    if (effect.kind === 'abandon-staging') this.#stagingAbandoned = true;
    if (effect.kind === 'build-staging') this.#stagingBusy = true;
  }

  /** This plan finishes the PR as merged. */
  isFinishing(pr: number): boolean {
    return this.effects.some((e) => e.kind === 'finish-merged' && e.pr === pr);
  }

  isLeaving(entry: QueueEntry): boolean {
    return this.#leaving.has(entry.id);
  }

  /** Entries still queued after this plan, in queue order, with the heads this plan pinned. */
  remaining(): QueueEntry[] {
    return this.snapshot.entries
      .filter((e) => !this.#leaving.has(e.id))
      .map((e) => {
        const headSha = this.#newHeads.get(e.id);
        return headSha ? { ...e, headSha, state: 'queued' as const } : e;
      })
      .sort((a, b) => a.seq - b.seq);
  }

  /** The staging in flight, unless this plan abandons it. */
  activeStaging(): QueueSnapshot['staging'] {
    return this.#stagingAbandoned ? null : this.snapshot.staging;
  }

  /** A staging is being built or is still in flight: start no other. */
  stagingOccupied(): boolean {
    return this.#stagingBusy || this.activeStaging() !== null;
  }
}
