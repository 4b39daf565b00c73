import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../../../src/store/errors.js';
import { aStaging, anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeAttemptsContract({ store }: ContractContext): void {
  async function startAttempt(options: { number: number; repo?: string; now?: Date }) {
    const repo = options.repo ?? 'octo/widgets';
    const { entry } = await store().queue.enqueue(anEntry({ number: options.number, repo }));
    const prs = [{ entryId: entry.id, number: entry.number, headSha: entry.headSha }];
    const staging = await store().staging.create(aStaging({ repo, prs }));
    const now = options.now ?? minute(0);
    return store().attempts.start({ entryId: entry.id, stagingId: staging.id, now });
  }

  describe('attempts and the retry budget', () => {
    it('starts running and finishes with outcome, failure class and evidence', async () => {
      const attempt = await startAttempt({ number: 1 });
      expect(attempt).toMatchObject({ outcome: 'running', finishedAt: null, rerunsUsed: 0 });
      const evidence = { check: 'ci / test', step: 'Run npm test', line: 42, lines: ['FAIL'] };
      const finished = await store().attempts.finish({
        attemptId: attempt.id,
        now: minute(9),
        outcome: 'failed',
        failureClass: 'test',
        evidence,
      });
      expect(finished).toEqual({
        ...attempt,
        finishedAt: minute(9),
        outcome: 'failed',
        failureClass: 'test',
        evidence,
      });
      expect(await store().attempts.listForEntry(attempt.entryId)).toEqual([finished]);
    });

    it('refuses to finish an attempt twice or one that does not exist', async () => {
      const attempt = await startAttempt({ number: 1 });
      const passed = { attemptId: attempt.id, now: minute(1), outcome: 'passed' as const };
      await store().attempts.finish(passed);
      await expect(store().attempts.finish({ ...passed, outcome: 'failed' })).rejects.toThrow(
        /already finished \(passed\)/,
      );
      await expect(store().attempts.finish({ ...passed, attemptId: 999 })).rejects.toThrow(
        StoreError,
      );
      await expect(
        store().attempts.recordRerun({ attemptId: 999, now: minute(1) }),
      ).rejects.toThrow(StoreError);
    });

    it('lists an entry’s attempts oldest first with the reruns each used', async () => {
      const first = await startAttempt({ number: 1 });
      const staging = await store().staging.get(first.stagingId);
      const second = await store().attempts.start({
        entryId: first.entryId,
        stagingId: staging!.id,
        now: minute(5),
      });
      await store().attempts.recordRerun({ attemptId: second.id, now: minute(6) });
      const afterTwo = await store().attempts.recordRerun({ attemptId: second.id, now: minute(7) });
      expect(afterTwo.rerunsUsed).toBe(2);
      const listed = await store().attempts.listForEntry(first.entryId);
      expect(listed.map((attempt) => [attempt.id, attempt.rerunsUsed])).toEqual([
        [first.id, 0],
        [second.id, 2],
      ]);
    });

    it('counts reruns per entry, and per repository since a given time', async () => {
      const one = await startAttempt({ number: 1 });
      const two = await startAttempt({ number: 2 });
      const elsewhere = await startAttempt({ number: 1, repo: 'octo/gadgets' });
      await store().attempts.recordRerun({ attemptId: one.id, now: minute(-60) });
      await store().attempts.recordRerun({ attemptId: one.id, now: minute(10) });
      await store().attempts.recordRerun({ attemptId: two.id, now: minute(0) });
      await store().attempts.recordRerun({ attemptId: elsewhere.id, now: minute(10) });

      const usage = await store().attempts.retryBudgetUsage({
        entryId: one.entryId,
        repo: 'octo/widgets',
        since: minute(0),
      });
      expect(usage).toEqual({ entryReruns: 2, repoRerunsSince: 2 });
    });
  });
}
