import { describe, expect, it } from '@jest/globals';
import type { NewOutboxRow } from '../../../../src/store/types.js';
import { anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

function aNotice(overrides: Partial<NewOutboxRow> = {}): NewOutboxRow {
  return {
    repo: 'octo/widgets',
    base: 'main',
    number: 1,
    headSha: 'head-1',
    kind: 'comment',
    payload: { body: 'Landed.' },
    cause: 'entry 1 merged',
    entryId: 1,
    dedupeKey: 'entry:1:merged:comment',
    ...overrides,
  };
}

const queue = { repo: 'octo/widgets', base: 'main' };

export function describeOutboxContract({ store }: ContractContext): void {
  describe('outbox', () => {
    it('keeps rows pending in the order they were recorded, with their payload', async () => {
      const recorded = await store().outbox.record(
        [
          aNotice({ kind: 'remove-label', payload: { label: 'merge-queue' }, dedupeKey: 'a' }),
          aNotice({ dedupeKey: 'b' }),
        ],
        minute(0),
      );
      expect(recorded).toBe(2);
      const rows = await store().outbox.listUndelivered(queue);
      expect(rows.map((r) => [r.kind, r.payload, r.state, r.attempts])).toEqual([
        ['remove-label', { label: 'merge-queue' }, 'pending', 0],
        ['comment', { body: 'Landed.' }, 'pending', 0],
      ]);
      expect(rows[0]!.createdAt).toEqual(minute(0));
    });

    it('records one row per dedupe key, however often the same decision is recorded', async () => {
      expect(await store().outbox.record([aNotice()], minute(0))).toBe(1);
      expect(
        await store().outbox.record([aNotice({ payload: { body: 'again' } })], minute(1)),
      ).toBe(0);
      const rows = await store().outbox.listUndelivered(queue);
      expect(rows.map((r) => r.payload)).toEqual([{ body: 'Landed.' }]);
    });

    it('counts each send and leaves delivered and failed rows out of what is undelivered', async () => {
      await store().outbox.record(
        [aNotice({ dedupeKey: 'a' }), aNotice({ dedupeKey: 'b' }), aNotice({ dedupeKey: 'c' })],
        minute(0),
      );
      const [a, b, c] = await store().outbox.listUndelivered(queue);
      await store().outbox.markSending({ id: a!.id, now: minute(1) });
      const sentTwice = await store().outbox.markSending({ id: a!.id, now: minute(2) });
      expect([sentTwice.state, sentTwice.attempts]).toEqual(['sending', 2]);
      await store().outbox.markDelivered({ id: b!.id, now: minute(3) });
      const failed = await store().outbox.markFailed({ id: c!.id, now: minute(3), note: '404' });
      expect([failed.state, failed.note]).toEqual(['failed', '404']);
      const left = await store().outbox.listUndelivered(queue);
      expect(left.map((r) => r.dedupeKey)).toEqual(['a']);
      expect(await store().outbox.listPendingQueues()).toEqual([queue]);
      await store().outbox.markDelivered({ id: a!.id, now: minute(4) });
      expect(await store().outbox.listPendingQueues()).toEqual([]);
    });

    it('puts a throttled row back to pending with its attempts kept', async () => {
      await store().outbox.record([aNotice()], minute(0));
      const [row] = await store().outbox.listUndelivered(queue);
      await store().outbox.markSending({ id: row!.id, now: minute(1) });
      const back = await store().outbox.markPending({ id: row!.id, now: minute(2), note: '429' });
      expect([back.state, back.attempts, back.note]).toEqual(['pending', 1, '429']);
    });

    it("finds a PR head's newest check-run row", async () => {
      await store().outbox.record(
        [
          aNotice({ kind: 'check-run', payload: { v: 1 }, dedupeKey: 'a' }),
          aNotice({ kind: 'check-run', payload: { v: 2 }, dedupeKey: 'b' }),
          aNotice({ kind: 'check-run', headSha: 'head-2', payload: { v: 3 }, dedupeKey: 'c' }),
        ],
        minute(0),
      );
      const key = { repo: 'octo/widgets', number: 1, headSha: 'head-1' };
      expect((await store().outbox.latestCheckRun(key))?.payload).toEqual({ v: 2 });
      expect(await store().outbox.latestCheckRun({ ...key, headSha: 'other' })).toBeUndefined();
    });

    it("finds the newest check-run row of each active entry's head in one queue", async () => {
      const queued = async (number: number, overrides: { base?: string; repo?: string } = {}) =>
        (await store().queue.enqueue(anEntry({ number, ...overrides }))).entry.id;
      await queued(1);
      await queued(2);
      const merged = await queued(3);
      await store().queue.update({
        entryId: merged,
        now: minute(1),
        changes: { state: 'merged' },
        event: { kind: 'merged' },
      });
      await queued(4, { base: 'release' });
      await queued(5);
      const checkRun = (number: number, v: number, more: Partial<NewOutboxRow> = {}) =>
        aNotice({
          number,
          headSha: `head-${number}`,
          kind: 'check-run',
          payload: { v },
          dedupeKey: `${number}:${v}`,
          ...more,
        });
      await store().outbox.record(
        [
          checkRun(2, 1),
          checkRun(1, 2),
          checkRun(1, 3),
          // Another head of PR 1 (before a push), and a row of another kind: not check runs of
          // the queued head, however new.
          checkRun(1, 4, { headSha: 'pushed-over' }),
          checkRun(1, 5, { kind: 'comment' }),
          checkRun(3, 6),
          checkRun(4, 7, { base: 'release' }),
          // The same number and head in another repository.
          checkRun(2, 8, { repo: 'octo/gears' }),
        ],
        minute(2),
      );
      // Any state: a delivered row still says what the check run shows.
      const undelivered = await store().outbox.listUndelivered(queue);
      const newestOfOne = undelivered.find((r) => r.dedupeKey === '1:3');
      await store().outbox.markDelivered({ id: newestOfOne!.id, now: minute(3) });

      const rows = await store().outbox.latestCheckRunsIn(queue);
      expect(rows.map((r) => [r.number, r.headSha, r.payload, r.state])).toEqual([
        [1, 'head-1', { v: 3 }, 'delivered'],
        [2, 'head-2', { v: 1 }, 'pending'],
      ]);
      expect(
        (await store().outbox.latestCheckRunsIn({ ...queue, base: 'release' })).map(
          (r) => r.payload,
        ),
      ).toEqual([{ v: 7 }]);
      expect(await store().outbox.latestCheckRunsIn({ ...queue, base: 'next' })).toEqual([]);
    });

    it('commits an entry change and its notices together, or neither', async () => {
      const { entry } = (await store().queue.enqueue(anEntry())) as { entry: { id: number } };
      await expect(
        store().transaction(async (trx) => {
          await trx.queue.update({
            entryId: entry.id,
            now: minute(1),
            changes: { state: 'merged' },
            event: { kind: 'merged' },
          });
          await trx.outbox.record([aNotice()], minute(1));
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect((await store().queue.get(entry.id))?.state).toBe('queued');
      expect(await store().outbox.listUndelivered(queue)).toEqual([]);

      await store().transaction(async (trx) => {
        await trx.queue.update({
          entryId: entry.id,
          now: minute(2),
          changes: { state: 'merged' },
          event: { kind: 'merged' },
        });
        await trx.outbox.record([aNotice()], minute(2));
      });
      expect((await store().queue.get(entry.id))?.state).toBe('merged');
      expect(await store().outbox.listUndelivered(queue)).toHaveLength(1);
    });
  });
}
