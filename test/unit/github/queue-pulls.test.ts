import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { addLabel } from '../../fake-github/control/repo-ops.js';
import { closePullRequest } from '../../fake-github/control/pull-ops.js';
import { queuePullsQuery } from '../../../src/github/queue-pulls.js';

describe("reading the queue's pull requests at once", () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('reads many PRs in one GraphQL request, as getPull reads each, leaving out one that does not exist', async () => {
    const repo = await kit.repo();
    const a = await openPull(kit, repo, { branch: 'feature/a', title: 'feat: a', body: 'A' });
    await addLabel(kit.services, { repo, number: a.number, by: 'bob', label: 'merge-queue' });
    const b = await openPull(kit, repo, { branch: 'feature/b', title: 'fix: b', body: 'B' });
    await closePullRequest(kit.services, { repo, number: b.number });
    const port = kit.port(repo);
    const before = kit.gh.world.requests.length;

    const pulls = await port.readPulls([b.number, 999, a.number]);

    expect(kit.operationsSince(before)).toEqual(['graphql/repository']);
    expect([...pulls.keys()]).toEqual([b.number, a.number]);
    // The same facts as the REST read, but for the test merge, which is not asked for.
    for (const number of [a.number, b.number]) {
      const rest = await port.getPull(number);
      const { pull, baseSha, mergeCommitSha } = pulls.get(number)!;
      expect({ pull, baseSha, mergeCommitSha }).toEqual({
        pull: rest?.pull,
        baseSha: rest?.baseSha,
        mergeCommitSha: rest?.mergeCommitSha,
      });
      expect(pulls.get(number)?.testMergeSha).toBeNull();
    }
    // Asking for mergeability starts GitHub computing it, as pulls/get does.
    expect((await port.readPulls([a.number])).get(a.number)?.mergeable).toBe(true);
    expect(pulls.get(a.number)?.pull).toMatchObject({ labels: ['merge-queue'], state: 'open' });
    expect(pulls.get(b.number)?.pull.state).toBe('closed');
  });

  it('reads a queue longer than one request covers in as few requests as it takes', async () => {
    const repo = await kit.repo();
    const pr = await openPull(kit, repo);
    const numbers = [pr.number, ...Array.from({ length: 120 }, (_, i) => 1000 + i)];
    const before = kit.gh.world.requests.length;
    const pulls = await kit.port(repo).readPulls(numbers);
    expect(kit.operationsSince(before)).toEqual(['graphql/repository', 'graphql/repository']);
    expect([...pulls.keys()]).toEqual([pr.number]);
  });

  it('refuses a read of no PR or of more than one request covers, before sending anything', () => {
    expect(() => queuePullsQuery(0)).toThrow(RangeError);
    expect(() => queuePullsQuery(101)).toThrow(RangeError);
  });
});
