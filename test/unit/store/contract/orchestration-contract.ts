import { describe, expect, it } from '@jest/globals';
import { aStaging, anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeOrchestrationContract({ store }: ContractContext): void {
  describe('queue commands', () => {
    const queue = { repo: 'octo/widgets', base: 'main' };
    const command = (number: number, at: number) => ({
      ...queue,
      number,
      kind: 'queue' as const,
      requestedBy: 'alice',
      source: 'label' as const,
      now: minute(at),
    });

    it('lists pending commands of one queue oldest first, and consumes each once', async () => {
      const first = await store().commands.record(command(1, 0));
      await store().commands.record(command(2, 1));
      await store().commands.record({ ...command(3, 2), base: 'release' });
      const pending = await store().commands.listPending(queue);
      expect(pending.map((c) => c.number)).toEqual([1, 2]);
      expect(pending[0]).toMatchObject({
        kind: 'queue',
        requestedBy: 'alice',
        source: 'label',
        requestedAt: minute(0),
        consumedAt: null,
      });
      expect(await store().commands.consume({ id: first.id, now: minute(5) })).toBe(true);
      expect(await store().commands.consume({ id: first.id, now: minute(6) })).toBe(false);
      expect((await store().commands.listPending(queue)).map((c) => c.number)).toEqual([2]);
    });

    it('keeps where a command came from, the dashboard included', async () => {
      for (const source of ['label', 'comment', 'button', 'dashboard'] as const)
        await store().commands.record({ ...command(1, 0), source });
      const pending = await store().commands.listPending(queue);
      expect(pending.map((c) => c.source)).toEqual(['label', 'comment', 'button', 'dashboard']);
    });

    it('names the queues that have commands waiting', async () => {
      await store().commands.record(command(1, 0));
      await store().commands.record({ ...command(2, 0), repo: 'octo/gears' });
      expect(await store().commands.listPendingQueues()).toEqual([
        { repo: 'octo/gears', base: 'main' },
        { repo: 'octo/widgets', base: 'main' },
      ]);
    });
  });

  describe('check runs of PR heads', () => {
    it('keeps one check run id per PR head and its last fingerprint', async () => {
      const key = { repo: 'octo/widgets', number: 4, headSha: 'a'.repeat(40) };
      expect(await store().checkRuns.get(key)).toBeUndefined();
      await store().checkRuns.save({
        ...key,
        checkRunId: 17,
        nodeId: 'CR_17',
        fingerprint: 'queued#1',
        now: minute(0),
      });
      // A write whose answer named no node id keeps the one known.
      await store().checkRuns.save({
        ...key,
        checkRunId: 17,
        nodeId: null,
        fingerprint: 'testing',
        now: minute(2),
      });
      expect(await store().checkRuns.get(key)).toEqual({
        ...key,
        checkRunId: 17,
        nodeId: 'CR_17',
        fingerprint: 'testing',
        updatedAt: minute(2),
      });
      // Another run for the head (found again after a lost create) keeps no stale node id.
      await store().checkRuns.save({
        ...key,
        checkRunId: 18,
        nodeId: null,
        fingerprint: 'testing',
        now: minute(3),
      });
      expect((await store().checkRuns.get(key))?.nodeId).toBeNull();
      expect(await store().checkRuns.get({ ...key, headSha: 'b'.repeat(40) })).toBeUndefined();
    });
  });

  describe('gate verdicts and staging failures', () => {
    async function aStagingRecord() {
      const { entry } = await store().queue.enqueue(anEntry({ number: 1 }));
      return store().staging.create(
        aStaging({ prs: [{ entryId: entry.id, number: 1, headSha: entry.headSha }] }),
      );
    }

    it('keeps the first verdict per failing check run and marks re-runs', async () => {
      const staging = await aStagingRecord();
      const verdict = {
        stagingId: staging.id,
        checkRunId: '77',
        checkName: 'test',
        class: 'infra',
        verdict: { signature: 'npm/econnreset' },
        now: minute(1),
      };
      await store().verdicts.save(verdict);
      await store().verdicts.save({ ...verdict, class: 'test', now: minute(2) });
      await store().verdicts.markRerun({ stagingId: staging.id, checkRunId: '77', now: minute(3) });
      expect(await store().verdicts.listForStaging(staging.id)).toEqual([
        {
          stagingId: staging.id,
          checkRunId: '77',
          checkName: 'test',
          class: 'infra',
          verdict: { signature: 'npm/econnreset' },
          rerunAt: minute(3),
          createdAt: minute(1),
        },
      ]);
    });

    it('records why a staging commit could not be built', async () => {
      const staging = await aStagingRecord();
      expect(staging.failure).toBeNull();
      const failed = await store().staging.update({
        id: staging.id,
        now: minute(1),
        changes: { state: 'rejected', failure: { kind: 'conflict', files: ['a.ts'] } },
      });
      expect(failed).toMatchObject({
        state: 'rejected',
        failure: { kind: 'conflict', files: ['a.ts'] },
      });
    });
  });
}
