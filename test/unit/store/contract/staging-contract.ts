import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../../../src/store/errors.js';
import type { StagedPullRequest } from '../../../../src/store/types.js';
import { aStaging, anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeStagingContract({ store }: ContractContext): void {
  async function queuedPrs(...numbers: number[]): Promise<StagedPullRequest[]> {
    const prs: StagedPullRequest[] = [];
    for (const number of numbers) {
      const { entry } = await store().queue.enqueue(anEntry({ number }));
      prs.push({ entryId: entry.id, number, headSha: entry.headSha, commitSha: null });
    }
    return prs;
  }

  describe('staging records', () => {
    it('keeps the PRs in merge order and starts building, without commit or tree', async () => {
      const prs = await queuedPrs(12, 4, 9);
      const created = await store().staging.create(
        aStaging({ prs, checksStartDeadline: minute(30) }),
      );
      expect(created).toEqual({
        id: expect.any(Number),
        repo: 'octo/widgets',
        base: 'main',
        baseSha: 'base-1',
        prs,
        ref: 'sluice/staging/main',
        position: null,
        probe: false,
        commitSha: null,
        treeSha: null,
        state: 'building',
        checksStartDeadline: minute(30),
        failure: null,
        verdicts: null,
        createdAt: minute(0),
        updatedAt: minute(0),
      });
      expect(await store().staging.get(created.id)).toEqual(created);
    });

    it('records the built commit, its tree and each state change', async () => {
      const created = await store().staging.create(aStaging({ prs: await queuedPrs(1) }));
      await store().staging.update({
        id: created.id,
        now: minute(1),
        changes: {
          commitSha: 'staging-1',
          treeSha: 'tree-1',
          state: 'testing',
          checksStartDeadline: minute(20),
        },
      });
      const passed = await store().staging.update({
        id: created.id,
        now: minute(2),
        changes: { state: 'passed', checksStartDeadline: null },
      });
      expect(passed).toEqual({
        ...created,
        commitSha: 'staging-1',
        treeSha: 'tree-1',
        state: 'passed',
        checksStartDeadline: null,
        updatedAt: minute(2),
      });
      expect(await store().staging.get(created.id)).toEqual(passed);
    });

    it('lists a queue’s records oldest first, narrowed by state when asked', async () => {
      const [one, two] = await queuedPrs(1, 2);
      const first = await store().staging.create(aStaging({ prs: [one!] }));
      const second = await store().staging.create(
        aStaging({ prs: [one!, two!], baseSha: 'base-2' }),
      );
      await store().staging.create(aStaging({ prs: [two!], base: 'release' }));
      await store().staging.update({
        id: first.id,
        now: minute(1),
        changes: { state: 'abandoned' },
      });
      const queue = { repo: 'octo/widgets', base: 'main' };

      const all = await store().staging.list(queue);
      expect(all.map((record) => [record.id, record.prs.map((pr) => pr.number)])).toEqual([
        [first.id, [1]],
        [second.id, [1, 2]],
      ]);
      const open = await store().staging.list({ ...queue, states: ['building', 'testing'] });
      expect(open.map((record) => record.id)).toEqual([second.id]);
      expect(await store().staging.list({ ...queue, states: [] })).toEqual([]);
    });

    it('refuses a record without PRs, and updates of records that do not exist', async () => {
      await expect(store().staging.create(aStaging({ prs: [] }))).rejects.toThrow(StoreError);
      const update = { id: 999, now: minute(1), changes: { state: 'failed' as const } };
      await expect(store().staging.update(update)).rejects.toThrow(StoreError);
      expect(await store().staging.get(999)).toBeUndefined();
    });
  });
}
