import type { Json } from './records.js';

/**
 * What Sluice tells a person, one GitHub write each. Labels are idempotent on GitHub; a
 * comment and a check run creation are not, which is why delivery looks before repeating.
 */
export type OutboxKind = 'comment' | 'add-labels' | 'remove-label' | 'check-run';
export const outboxKinds: readonly OutboxKind[] = [
  'comment',
  'add-labels',
  'remove-label',
  'check-run',
];

/**
 * `pending`: never sent. `sending`: sent at least once with no known answer (a crash or a
 * 5xx): look on GitHub before sending again. `delivered` and `failed` are final.
 */
export type OutboxState = 'pending' | 'sending' | 'delivered' | 'failed';
export const outboxStates: readonly OutboxState[] = ['pending', 'sending', 'delivered', 'failed'];

export interface NewOutboxRow {
  repo: string;
  base: string;
  number: number;
  /** The head the outcome is about ('' when unknown); check runs are per head. */
  headSha: string;
  kind: OutboxKind;
  payload: Json;
  /** The decision that caused it, for people: `entry 12 merged`, `command 7 refused`. */
  cause: string;
  entryId: number | null;
  /** One decision, one row: a second record with the same key is ignored. */
  dedupeKey: string;
}

export interface OutboxRow extends NewOutboxRow {
  id: number;
  state: OutboxState;
  /** Sends started; above 0 means an earlier send may have reached GitHub. */
  attempts: number;
  /** Why it failed, was skipped, or the last unknown answer. */
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
}
