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

    it('lists a repository’s flakes, most frequent first', async () => {
      const repo = 'octo/widgets';
      const record = (job: string, signature: string, at: number, sha = 'sha') =>
        store().flakes.record({ repo, job, signature, sha, now: minute(at) });
      await record('lint', 'npm ERR! network', 1);
      await record('test', 'ETIMEDOUT', 1);
      await record('test', 'ETIMEDOUT', 2);
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
