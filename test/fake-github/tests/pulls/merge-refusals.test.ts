import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import { openPullRequest, readPullRequest } from '../../control/pull-ops.js';
import type { RepoState } from '../../world/types.js';

describe('PUT pulls/N/merge refuses the way GitHub does, and leaves the base alone', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const open = (repo: RepoState) =>
    openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [{ message: 'a', files: { 'src/a.ts': 'export const a = 2;\n' } }],
    });
  const squash = (repo: RepoState, number: number, sha?: string) =>
    kit.app().rest.pulls.merge({
      owner: 'acme',
      repo: repo.name,
      pull_number: number,
      merge_method: 'squash',
      sha,
    });
  const refusal = (status: number, message: string) => ({
    status,
    response: { data: { message } },
  });

  it('answers 405 when the repository does not allow the method', async () => {
    const repo = await kit.repo({ settings: { allowSquashMerge: false } });
    const pr = await open(repo);
    await expect(squash(repo, pr.number)).rejects.toMatchObject(
      refusal(405, 'Squash merges are not allowed on this repository.'),
    );
    expect(readPullRequest(kit.services, { repo, number: pr.number }).merged).toBe(false);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('answers 409 when the head moved past the sha the caller reviewed', async () => {
    const repo = await kit.repo();
    const pr = await open(repo);
    const reviewed = pr.pull.headSha;
    await kit.push(repo, 'topic', { 'b.txt': 'b\n' }, 'alice');
    await expect(squash(repo, pr.number, reviewed)).rejects.toMatchObject(
      refusal(409, 'Head branch was modified. Review and try the merge again.'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('answers 405 "not mergeable" on a conflict', async () => {
    const repo = await kit.repo();
    const pr = await open(repo);
    const tip = await kit.push(repo, 'main', { 'src/a.ts': 'export const a = 3;\n' });
    await expect(squash(repo, pr.number)).rejects.toMatchObject(
      refusal(405, 'Pull Request is not mergeable'),
    );
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(tip);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('answers 405 "Base branch was modified" when a push lands between its read and its write', async () => {
    const repo = await kit.repo();
    const pr = await open(repo);
    let racer = '';
    kit.gh.races.add('pulls/merge', async () => {
      racer = await kit.commit(repo, 'main', { 'late.txt': 'late\n' });
    });
    await expect(squash(repo, pr.number)).rejects.toMatchObject(
      refusal(405, 'Base branch was modified. Review and try the merge again.'),
    );
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(racer);
    expect(readPullRequest(kit.services, { repo, number: pr.number }).state).toBe('open');
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('answers 405 for a draft and for a PR that is already closed', async () => {
    const repo = await kit.repo();
    const pr = await open(repo);
    pr.pull.draft = true;
    await expect(squash(repo, pr.number)).rejects.toMatchObject(
      refusal(405, 'Pull Request is still a draft'),
    );
    pr.pull.draft = false;
    await kit.app().rest.pulls.update({
      owner: 'acme',
      repo: repo.name,
      pull_number: pr.number,
      state: 'closed',
    });
    await expect(squash(repo, pr.number)).rejects.toMatchObject(
      refusal(405, 'Pull Request is not mergeable'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });
});
