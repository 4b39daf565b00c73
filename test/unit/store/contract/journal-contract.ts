import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../../../src/store/errors.js';
import { anIntent, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeJournalContract({ store }: ContractContext): void {
  describe('mutation journal', () => {
    it('records an intent as pending and open, with everything needed to finish it', async () => {
      const { created, row } = await store().journal.recordIntent(
        anIntent({ entryId: undefined, stagingId: undefined }),
      );
      expect(created).toBe(true);
      expect(row).toEqual({
        id: expect.any(Number),
        repo: 'octo/widgets',
        kind: 'update-ref',
        target: 'heads/main',
        expectedOld: 'base-1',
        newValue: 'staging-1',
        idempotencyKey: 'land:1:staging-1',
        entryId: null,
        stagingId: null,
        status: 'pending',
        result: null,
        createdAt: minute(0),
        finishedAt: null,
      });
      expect(await store().journal.listOpen('octo/widgets')).toEqual([row]);
      expect(await store().journal.findByKey('land:1:staging-1')).toEqual(row);
    });

    it('closes a row when the outcome is done or failed', async () => {
      const { row: done } = await store().journal.recordIntent(anIntent({ idempotencyKey: 'a' }));
      const { row: failed } = await store().journal.recordIntent(anIntent({ idempotencyKey: 'b' }));
      const { row: open } = await store().journal.recordIntent(anIntent({ idempotencyKey: 'c' }));
      const finished = await store().journal.recordOutcome({
        id: done.id,
        now: minute(1),
        status: 'done',
        result: { sha: 'staging-1' },
      });
      await store().journal.recordOutcome({
        id: failed.id,
        now: minute(1),
        status: 'failed',
        result: 'not a fast-forward',
      });
      expect(finished).toEqual({
        ...done,
        status: 'done',
        result: { sha: 'staging-1' },
        finishedAt: minute(1),
      });
      expect(await store().journal.findByKey('b')).toMatchObject({
        status: 'failed',
        result: 'not a fast-forward',
      });
      expect(await store().journal.listOpen('octo/widgets')).toEqual([open]);
    });

    it('keeps an unknown outcome open until a later outcome settles it', async () => {
      const { row } = await store().journal.recordIntent(
        anIntent({ kind: 'merge-pr', target: 'pr#1' }),
      );
      const unknown = await store().journal.recordOutcome({
        id: row.id,
        now: minute(1),
        status: 'unknown',
        result: { httpStatus: 502 },
      });
      expect(unknown).toMatchObject({ status: 'unknown', finishedAt: null });
      expect(await store().journal.listOpen('octo/widgets')).toEqual([unknown]);
      await store().journal.recordOutcome({ id: row.id, now: minute(2), status: 'done' });
      expect(await store().journal.listOpen('octo/widgets')).toEqual([]);
    });

    it('never changes a finished row, and refuses rows that do not exist', async () => {
      const { row } = await store().journal.recordIntent(anIntent());
      await store().journal.recordOutcome({ id: row.id, now: minute(1), status: 'done' });
      await expect(
        store().journal.recordOutcome({ id: row.id, now: minute(2), status: 'failed' }),
      ).rejects.toThrow(/already done/);
      await expect(
        store().journal.recordOutcome({ id: 999, now: minute(2), status: 'done' }),
      ).rejects.toThrow(StoreError);
      expect(await store().journal.findByKey(row.idempotencyKey)).toMatchObject({ status: 'done' });
    });

    it('returns the existing row for a reused idempotency key', async () => {
      const first = await store().journal.recordIntent(anIntent({ entryId: 3, stagingId: 4 }));
      const again = await store().journal.recordIntent(anIntent({ now: minute(5), newValue: 'x' }));
      expect(again).toEqual({ created: false, row: first.row });
      expect(first.row).toMatchObject({ entryId: 3, stagingId: 4 });
    });

    it('lists open rows per repository, oldest first', async () => {
      const mine = [];
      for (const key of ['k1', 'k2', 'k3']) {
        mine.push((await store().journal.recordIntent(anIntent({ idempotencyKey: key }))).row);
        await store().journal.recordIntent(
          anIntent({ idempotencyKey: `other-${key}`, repo: 'octo/gadgets' }),
        );
      }
      expect((await store().journal.listOpen('octo/widgets')).map((row) => row.id)).toEqual(
        mine.map((row) => row.id),
      );
      expect(await store().journal.findByKey('missing')).toBeUndefined();
    });
  });
}
