import { describe, expect, it } from '@jest/globals';
import { minute } from '../support/builders.js';
import type { ContractContext } from './contract-context.js';

export function describeFlakesContract({ store }: ContractContext): void {
  describe('flake statistics', () => {
    it('counts each job and signature, keeping the last SHA and time seen', async () => {
      const sighting = { repo: 'octo/widgets', job: 'test (ubuntu)', signature: 'ECONNRESET' };
      await store().flakes.record({ ...sighting, sha: 'a1', now: minute(1) });
      const second = await store().flakes.record({ ...sighting, sha: 'b2', now: minute(2) });
      expect(second).toEqual({ ...sighting, count: 2, lastSeenAt: minute(2), lastSha: 'b2' });
    });

    it('counts a commit once, however many times its flake is reported', async () => {
      // Each PR of a landed batch reports the staging's flakes; a crash may report them again.
      const sighting = { repo: 'octo/widgets', job: 'test (ubuntu)', signature: 'ECONNRESET' };
      for (const at of [1, 2, 3])
        await store().flakes.record({ ...sighting, sha: 'a1', now: minute(at) });
      const next = await store().flakes.record({ ...sighting, sha: 'b2', now: minute(4) });
      expect(next.count).toBe(2);
    });

    it('lists a repository’s flakes, most frequent first', async () => {
      const repo = 'octo/widgets';
      const record = (job: string, signature: string, at: number, sha = 'sha') =>
        store().flakes.record({ repo, job, signature, sha, now: minute(at) });
      await record('lint', 'npm ERR! network', 1);
      await record('test', 'ETIMEDOUT', 1, 'sha-1');
      await record('test', 'ETIMEDOUT', 2, 'sha-2');
      await record('test', 'ECONNRESET', 3);
      await store().flakes.record({
        repo: 'octo/gadgets',
        job: 'x',
        signature: 'y',
        sha: 's',
        now: minute(1),
      });
      const listed = await store().flakes.list(repo);
      expect(listed.map((flake) => [flake.job, flake.signature, flake.count])).toEqual([
        ['test', 'ETIMEDOUT', 2],
        ['test', 'ECONNRESET', 1],
        ['lint', 'npm ERR! network', 1],
      ]);
    });
  });
}
