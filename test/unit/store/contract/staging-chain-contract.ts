import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../../../src/store/errors.js';
import { endedStagingStates, liveStagingStates } from '../../../../src/store/records.js';
import type { StagedPullRequest, StagingState } from '../../../../src/store/types.js';
import { aStaging, anEntry, minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

const queue = { repo: 'octo/widgets', base: 'main' };

/** Batches and speculative chains: several live stagings per queue, each a list of squashes. */
export function describeStagingChainContract({ store }: ContractContext): void {
  async function queuedPrs(...numbers: number[]): Promise<StagedPullRequest[]> {
    const prs: StagedPullRequest[] = [];
    for (const number of numbers) {
      const { entry } = await store().queue.enqueue(anEntry({ number }));
      prs.push({ entryId: entry.id, number, headSha: entry.headSha, commitSha: null });
    }
    return prs;
  }

  async function aRecordIn(state: StagingState, overrides: Parameters<typeof aStaging>[0] = {}) {
    const record = await store().staging.create(aStaging(overrides));
    if (state === 'building') return record;
    return store().staging.update({ id: record.id, now: record.createdAt, changes: { state } });
  }

  describe('staging chains', () => {
    it('keeps each PR’s squash commit and the staging’s place in line', async () => {
      const [one, two] = await queuedPrs(1, 2);
      const created = await store().staging.create(
        aStaging({
          prs: [
            { ...one!, commitSha: 'squash-1' },
            { ...two!, commitSha: undefined },
          ],
          position: 2,
          ref: 'sluice/staging/main/2',
        }),
      );
      expect(created).toMatchObject({ position: 2, verdicts: null });
      expect(created.prs).toEqual([{ ...one!, commitSha: 'squash-1' }, two]);
      expect(await store().staging.get(created.id)).toEqual(created);
    });

    it('sets the PRs’ commits, the tip and the verdicts in one update', async () => {
      const prs = await queuedPrs(1, 2, 3);
      const created = await store().staging.create(aStaging({ prs, position: 1 }));
      const verdicts = [{ check: 'ci / test', class: 'test', url: null }];
      const updated = await store().staging.update({
        id: created.id,
        now: minute(3),
        changes: {
          commitSha: 'squash-3',
          treeSha: 'tree-3',
          state: 'rejected',
          verdicts,
          prCommits: [
            { number: 3, commitSha: 'squash-3' },
            { number: 1, commitSha: 'squash-1' },
          ],
        },
      });
      expect(updated).toEqual({
        ...created,
        prs: [{ ...prs[0]!, commitSha: 'squash-1' }, prs[1], { ...prs[2]!, commitSha: 'squash-3' }],
        commitSha: 'squash-3',
        treeSha: 'tree-3',
        state: 'rejected',
        verdicts,
        updatedAt: minute(3),
      });
      expect(await store().staging.get(created.id)).toEqual(updated);
      const cleared = await store().staging.update({
        id: created.id,
        now: minute(4),
        changes: { verdicts: null },
      });
      expect(cleared.verdicts).toBeNull();
    });

    it('refuses a commit for a PR the staging does not hold, changing nothing', async () => {
      const created = await store().staging.create(aStaging({ prs: await queuedPrs(1) }));
      const update = store().staging.update({
        id: created.id,
        now: minute(2),
        changes: { state: 'testing', prCommits: [{ number: 2, commitSha: 'squash-2' }] },
      });
      await expect(update).rejects.toThrow(StoreError);
      expect(await store().staging.get(created.id)).toEqual(created);
    });

    it('reads and writes every state, live and ended', async () => {
      const prs = await queuedPrs(1);
      for (const state of [...liveStagingStates, ...endedStagingStates]) {
        const record = await aRecordIn(state, { prs });
        expect((await store().staging.get(record.id))?.state).toBe(state);
      }
    });

    it('lists live stagings in chain order, even when built at the same moment', async () => {
      const prs = await queuedPrs(1, 2, 3, 4);
      const states: StagingState[] = ['landing', 'failed', 'rejected', 'testing', 'building'];
      const ids: number[] = [];
      for (const [index, state] of states.entries()) {
        const position = index + 1;
        ids.push((await aRecordIn(state, { prs: [prs[index % 4]!], position })).id);
      }
      const live = await store().staging.list({ ...queue, states: liveStagingStates });
      expect(live.map((record) => [record.id, record.state, record.position])).toEqual([
        [ids[0], 'landing', 1],
        [ids[1], 'failed', 2],
        [ids[3], 'testing', 4],
        [ids[4], 'building', 5],
      ]);
    });

    describe('history', () => {
      /** A record created at minute `at` that ended in `state`. */
      async function ended(at: number, state: StagingState, prs: StagedPullRequest[]) {
        return aRecordIn(state, { prs, now: minute(at) });
      }

      it('returns the newest ended records since a time, oldest first, with their PRs', async () => {
        const [one, two, three] = await queuedPrs(1, 2, 3);
        await ended(1, 'landed', [one!]);
        const second = await ended(2, 'rejected', [one!, two!]);
        await aRecordIn('testing', { prs: [three!], now: minute(3) });
        const third = await ended(4, 'abandoned', [three!]);
        const fourth = await ended(4, 'landed', [two!]);
        const fifth = await ended(5, 'landed', [three!]);
        await aRecordIn('landed', { prs: [one!], now: minute(6), base: 'release' });
        await aRecordIn('rejected', { prs: [one!], now: minute(6), repo: 'octo/gadgets' });

        const newest = await store().staging.listEnded({ ...queue, since: minute(2), limit: 3 });
        expect(newest).toEqual([third, fourth, fifth]);
        const all = await store().staging.listEnded({ ...queue, since: minute(2), limit: 10 });
        expect(all).toEqual([second, third, fourth, fifth]);
        expect(all[0]!.prs).toEqual([one, two]);
      });

      it('returns nothing for a limit of 0 and refuses a negative one', async () => {
        await ended(1, 'landed', await queuedPrs(1));
        const query = { ...queue, since: minute(0) };
        expect(await store().staging.listEnded({ ...query, limit: 0 })).toEqual([]);
        await expect(store().staging.listEnded({ ...query, limit: -1 })).rejects.toThrow(
          StoreError,
        );
        expect(await store().staging.listEnded({ ...query, since: minute(2), limit: 5 })).toEqual(
          [],
        );
      });
    });
  });
}
