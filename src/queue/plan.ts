import type { Effect } from './effects.js';
import type { Priority, QueueEntry, QueueSnapshot, Staging } from './types.js';
import { stagingsBuiltOn } from './chain.js';
import { queueOrder } from './queue-order.js';

type Abandon = Extract<Effect, { kind: 'abandon-staging' }>;

/**
 * The effects of one decision, built up rule by rule. Rules run in priority order and see
 * what earlier rules already decided (an entry that leaves is not also staged; a staging
 * abandoned is not also landed).
 */
export class Plan {
  readonly effects: Effect[] = [];
  readonly #leaving = new Set<string>();
  /** Entries re-pinned to a new head by this plan (config `queue.onPush: retest`). */
  readonly #newHeads = new Map<string, string>();
  /** Entries given a new priority by this plan. */
  readonly #priorities = new Map<string, { priority: Priority; priorityLabel: string | null }>();
  /** Stagings this plan ends (abandoned or rejected). */
  readonly #ended = new Set<string>();
  /** Stagings this plan marks failed, waiting for those ahead. */
  readonly #waiting = new Set<string>();
  #building = false;
  #baseUnseen = false;

  constructor(readonly snapshot: QueueSnapshot) {}

  add(effect: Effect): void {
    this.effects.push(effect);
    switch (effect.kind) {
      case 'dequeue':
      case 'finish-merged':
        this.#leaving.add(effect.entryId);
        break;
      case 'retest-new-head':
        this.#newHeads.set(effect.entryId, effect.headSha);
        break;
      case 'set-priority':
        this.#priorities.set(effect.entryId, {
          priority: effect.to,
          priorityLabel: effect.priorityLabel,
        });
        break;
      case 'abandon-staging':
        this.#ended.add(effect.stagingId);
        break;
      case 'clear-probe':
        this.#ended.add(effect.stagingId);
        break;
      case 'fail-staging':
        if (effect.outcome === 'reject') this.#ended.add(effect.stagingId);
        else this.#waiting.add(effect.stagingId);
        break;
      case 'build-staging':
        this.#building = true;
        break;
      case 'enqueue':
      case 'refuse':
      case 'drop-command':
      case 'classify-failures':
      case 'rerun-failed':
      case 'land':
      case 'restore-head':
        break;
    }
  }

  /** This plan finishes the PR as merged. */
  isFinishing(pr: number): boolean {
    return this.effects.some((e) => e.kind === 'finish-merged' && e.pr === pr);
  }

  isLeaving(entry: QueueEntry): boolean {
    return this.#leaving.has(entry.id);
  }

  /**
   * Entries still queued after this plan, in queue order, with the heads and priorities this
   * plan set.
   */
  remaining(): QueueEntry[] {
    return queueOrder(
      this.snapshot.entries
        .filter((e) => !this.#leaving.has(e.id))
        .map((e) => {
          const headSha = this.#newHeads.get(e.id);
          const pinned = headSha ? { ...e, headSha, state: 'queued' as const } : e;
          const priority = this.#priorities.get(e.id);
          return priority ? { ...pinned, ...priority } : pinned;
        }),
    );
  }

  /** Live stagings in chain order, less those this plan ends, with the states it set. */
  liveStagings(): Staging[] {
    return this.snapshot.stagings
      .filter((s) => !this.#ended.has(s.id))
      .map((s) => (this.#waiting.has(s.id) ? { ...s, state: 'failed' as const } : s));
  }

  /** Stagings whose tip the base reached: over, their members finished by this plan. */
  markLanded(stagings: readonly Staging[]): void {
    for (const staging of stagings) this.#ended.add(staging.id);
  }

  /**
   * A PR was merged outside a landing this queue observed (the merge API, or by hand): the
   * base has moved somewhere this snapshot has not seen, so nothing is built on it now.
   */
  markBaseUnseen(): void {
    this.#baseUnseen = true;
  }

  get baseUnseen(): boolean {
    return this.#baseUnseen;
  }

  isLive(staging: Staging): boolean {
    return !this.#ended.has(staging.id);
  }

  /**
   * Abandons a staging and every live staging behind it that was built on it: none of them
   * tests anything that can still land.
   */
  abandonWithDependents(staging: Staging, reason: Abandon['reason']): void {
    for (const doomed of [staging, ...stagingsBuiltOn(this.liveStagings(), staging)]) {
      if (!this.isLive(doomed)) continue;
      this.add({
        kind: 'abandon-staging',
        stagingId: doomed.id,
        reason: doomed === staging ? reason : 'ahead-failed',
        deleteBranch: false,
      });
    }
  }

  /** Abandons every live staging built on this one (it failed: they contain its culprit). */
  abandonDependents(staging: Staging): void {
    for (const doomed of stagingsBuiltOn(this.liveStagings(), staging)) {
      this.add({
        kind: 'abandon-staging',
        stagingId: doomed.id,
        reason: 'ahead-failed',
        deleteBranch: false,
      });
    }
  }

  /** This plan already builds a staging: one per decision, the next is decided on what it made. */
  isBuilding(): boolean {
    return this.#building;
  }
}
