import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { pushToPullRequest, readPullRequest } from '../../fake-github/control/pull-ops.js';

describe('merging a pull request through the merge API', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const ours = { title: 'feat: add x (#1)', message: 'Sluice-PR: 1' };

  it('squashes exactly the pinned head with our subject and body', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo);
    const logged: object[] = [];
    const log = { debug: (fields: object) => void logged.push(fields) };
    const result = await kit
      .port(repo, 'sluice', { log })
      .mergePull(number, { sha: headSha, ...ours });
    const main = await repo.git.resolveRef('refs/heads/main');
    expect(result).toEqual({ kind: 'merged', sha: main });
    expect((await repo.git.readCommit(main!))?.message.trim()).toBe(
      'feat: add x (#1)\n\nSluice-PR: 1',
    );
    expect(kit.requests('pulls/merge').at(-1)?.body).toEqual({
      merge_method: 'squash',
      sha: headSha,
      commit_title: ours.title,
      commit_message: ours.message,
    });
    expect(logged).toEqual([{ number, sha: headSha, outcome: 'merged' }]);
    kit.gh.assertClean();
  });

  it('answers not-mergeable for a 405 and sends it once, where Probot would retry three times', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo, { draft: true });
    const before = kit.requests('pulls/merge').length;
    expect(await kit.port(repo).mergePull(number, { sha: headSha, ...ours })).toEqual({
      kind: 'not-mergeable',
      message: 'Pull Request is still a draft',
    });
    expect(kit.requests('pulls/merge')).toHaveLength(before + 1);
    kit.gh.assertClean();
  });

  it('answers head-moved for a 409 when the PR got a new push, sent once', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo);
    await pushToPullRequest(kit.services, {
      repo,
      number,
      commits: [{ message: 'more', files: { 'm.txt': 'm\n' } }],
    });
    const before = kit.requests('pulls/merge').length;
    expect(await kit.port(repo).mergePull(number, { sha: headSha, ...ours })).toEqual({
      kind: 'head-moved',
      message: 'Head branch was modified. Review and try the merge again.',
    });
    expect(kit.requests('pulls/merge')).toHaveLength(before + 1);
    expect(readPullRequest(kit.services, { repo, number }).merged).toBe(false);
    kit.gh.assertClean();
  });

  it('answers unknown when GitHub merged but the answer was a 502, with no second merge request', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo);
    kit.gh.faults.add({ op: 'pulls/merge', status: 502, times: 1, when: 'after' });
    const before = kit.requests('pulls/merge').length;
    expect(await kit.port(repo).mergePull(number, { sha: headSha, ...ours })).toMatchObject({
      kind: 'unknown',
    });
    expect(kit.requests('pulls/merge')).toHaveLength(before + 1);
    expect(readPullRequest(kit.services, { repo, number }).merged).toBe(true);
    kit.gh.assertClean();
  });

  it('answers unknown when the connection drops before an answer', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo);
    kit.gh.faults.add({ op: 'pulls/merge', drop: true, times: 1 });
    expect(await kit.port(repo).mergePull(number, { sha: headSha, ...ours })).toMatchObject({
      kind: 'unknown',
    });
    expect(readPullRequest(kit.services, { repo, number }).merged).toBe(false);
    kit.gh.assertClean();
  });

  it('passes any other refusal on with its status', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo);
    kit.gh.faults.add({
      op: 'pulls/merge',
      status: 403,
      message: 'Resource not accessible by integration',
      times: 1,
    });
    expect(await kit.port(repo).mergePull(number, { sha: headSha, ...ours })).toEqual({
      kind: 'refused',
      status: 403,
      message: 'Resource not accessible by integration',
    });
    kit.gh.assertClean();
  });
});
