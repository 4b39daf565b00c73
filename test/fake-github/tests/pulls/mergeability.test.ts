import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import { addCheckRun } from './ci-signals.js';
import { convertToDraft, openPullRequest } from '../../control/pull-ops.js';
import type { RepoState } from '../../world/types.js';

describe('pulls/get computes mergeability asynchronously, as GitHub does', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const read = async (repo: RepoState, number: number) => {
    const { data } = await kit
      .app()
      .rest.pulls.get({ owner: 'acme', repo: repo.name, pull_number: number });
    return data;
  };
  const readTwice = async (repo: RepoState, number: number) => {
    await read(repo, number);
    return read(repo, number);
  };
  const topic = { message: 'topic', files: { 'src/a.ts': 'export const a = 2;\n' } };

  it('answers null/unknown on the first read, then clean with the test merge at refs/pull/N/merge', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    const first = await read(repo, pr.number);
    expect([first.mergeable, first.mergeable_state]).toEqual([null, 'unknown']);
    const second = await read(repo, pr.number);
    expect([second.mergeable, second.mergeable_state]).toEqual([true, 'clean']);
    const testMerge = await repo.git.resolveRef(`refs/pull/${pr.number}/merge`);
    expect(second.merge_commit_sha).toBe(testMerge);
    expect((await repo.git.readCommit(testMerge!))!.parents).toEqual([
      second.base.sha,
      pr.pull.headSha,
    ]);
    expect(await repo.git.resolveRef(`refs/pull/${pr.number}/head`)).toBe(pr.pull.headSha);
    expect(second).toMatchObject({ commits: 1, changed_files: 1, additions: 1, deletions: 1 });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('goes back to null after a base push and then reports dirty on a conflict', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    expect((await readTwice(repo, pr.number)).mergeable).toBe(true);
    await kit.push(repo, 'main', { 'src/a.ts': 'export const a = 3;\n' });
    expect((await read(repo, pr.number)).mergeable).toBeNull();
    const after = await read(repo, pr.number);
    expect([after.mergeable, after.mergeable_state]).toEqual([false, 'dirty']);
    expect(await repo.git.resolveRef(`refs/pull/${pr.number}/merge`)).toBeUndefined();
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('reports blocked while a required check is missing, unstable for a failing optional one, draft for drafts', async () => {
    const repo = await kit.repo({
      protection: {
        main: { requiredStatusChecks: { strict: false, contexts: ['build'], checks: [] } },
      },
    });
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    expect((await readTwice(repo, pr.number)).mergeable_state).toBe('blocked');
    addCheckRun(kit, repo, { sha: pr.pull.headSha, name: 'build' });
    expect((await read(repo, pr.number)).mergeable_state).toBe('clean');
    addCheckRun(kit, repo, { sha: pr.pull.headSha, name: 'lint', conclusion: 'failure' });
    expect((await read(repo, pr.number)).mergeable_state).toBe('unstable');
    await convertToDraft(kit.services, { repo, number: pr.number });
    expect((await read(repo, pr.number)).mergeable_state).toBe('draft');
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('reports behind under strict protection once the base moves past the head', async () => {
    const repo = await kit.repo({
      protection: { main: { requiredStatusChecks: { strict: true, contexts: [], checks: [] } } },
    });
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    expect((await readTwice(repo, pr.number)).mergeable_state).toBe('clean');
    await kit.push(repo, 'main', { 'other.txt': 'o\n' });
    expect((await readTwice(repo, pr.number)).mergeable_state).toBe('behind');
    expect(kit.gh.world.violations).toEqual([]);
  });
});
