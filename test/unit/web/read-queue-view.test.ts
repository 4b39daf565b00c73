import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Store } from '../../../src/store/types.js';
import { readQueueView } from '../../../src/web/read-queue-view.js';
import { anEntry, minute } from '../store/support/builders.js';
import { createSqliteHarness } from '../store/support/sqlite-harness.js';
import type { StoreHarness } from '../store/support/store-harness.js';

const queue = { repo: 'octo/widgets', base: 'main' };
const options = { now: minute(60), configFreeze: null, serverUrl: 'https://github.com' };

describe('readQueueView', () => {
  let harness: StoreHarness;
  let store: Store;
  beforeEach(async () => {
    harness = await createSqliteHarness();
    store = await harness.open();
  });
  afterEach(() => harness.dispose());

  /** Ends PR `number` at minute `at`, then touches it later: only its events say when it ended. */
  const endEntry = async (number: number, at: number, kind: 'merged' | 'dequeued') => {
    const { entry } = await store.queue.enqueue(anEntry({ number, now: minute(number) }));
    const event = { kind, detail: kind === 'dequeued' ? { kind: 'closed' } : null };
    await store.queue.update({
      entryId: entry.id,
      now: minute(at),
      changes: { state: kind },
      event,
    });
    const note = { kind: 'note' };
    await store.queue.update({ entryId: entry.id, now: minute(at + 30), changes: {}, event: note });
  };

  it("shows each ended entry's end from its own events, read in one query", async () => {
    await endEntry(1, 10, 'merged');
    await endEntry(2, 12, 'dequeued');
    await endEntry(3, 11, 'merged');
    await store.queue.enqueue(anEntry({ number: 4, now: minute(4) }));
    const calls = { one: 0, batched: 0 };
    const { listEvents, listEventsFor } = store.queue;
    store.queue.listEvents = (entryId) => (calls.one++, listEvents(entryId));
    store.queue.listEventsFor = (entryIds) => (calls.batched++, listEventsFor(entryIds));

    const view = await readQueueView(store, queue, options);

    expect(view.history.map(({ kind, number, at }) => ({ kind, number, at }))).toEqual([
      { kind: 'dequeued', number: 2, at: minute(12) },
      { kind: 'landed', number: 3, at: minute(11) },
      { kind: 'landed', number: 1, at: minute(10) },
    ]);
    expect(view.history[0]?.reason).toBe('Pull request closed');
    expect(calls).toEqual({ one: 0, batched: 1 });
  });
});
