import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import { openPullRequest, readPullRequest, type CommitSpec } from '../../control/pull-ops.js';
import type { RepoState } from '../../world/types.js';

describe('PUT pulls/N/merge lands GitHub’s own commit on the current base', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const changeA: CommitSpec = {
    message: 'change a',
    files: { 'src/a.ts': 'export const a = 2;\n' },
  };
  const open = (repo: RepoState, commits = [changeA], title?: string) =>
    openPullRequest(kit.services, { repo, author: 'alice', branch: 'topic', commits, title });
  const merge = (
    repo: RepoState,
    number: number,
    merge_method: 'merge' | 'squash' | 'rebase',
    sha?: string,
  ) =>
    kit
      .app()
      .rest.pulls.merge({ owner: 'acme', repo: repo.name, pull_number: number, merge_method, sha });

  it('squashes base+head by the PR author, closes the PR as merged, sends closed and push', async () => {
    const repo = await kit.repo();
    const pr = await open(repo, [changeA], 'Change a');
    const baseTip = await kit.commit(repo, 'main', { 'docs.md': 'docs\n' });

    const { data } = await merge(repo, pr.number, 'squash', pr.pull.headSha);

    expect(data).toEqual({
      sha: expect.any(String),
      merged: true,
      message: 'Pull Request successfully merged',
    });
    const commit = (await repo.git.readCommit(data.sha))!;
    const expected = await repo.git.mergeTrees(baseTip, pr.pull.headSha);
    expect(expected.kind === 'clean' && expected.tree).toBe(commit.tree);
    expect(commit).toMatchObject({ parents: [baseTip], message: `Change a (#${pr.number})` });
    expect(commit.author.email).toBe('alice@example.com');
    expect(commit.committer).toMatchObject({ name: 'GitHub', email: 'noreply@github.com' });
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(data.sha);
    const snapshot = readPullRequest(kit.services, { repo, number: pr.number });
    expect(snapshot).toMatchObject({
      state: 'closed',
      merged: true,
      mergedBy: 'sluice[bot]',
      mergeCommitSha: data.sha,
    });
    const closed = await kit.waitFor(repo, 'pull_request', 'closed');
    expect(closed.payload.pull_request).toMatchObject({ merged: true, merge_commit_sha: data.sha });
    const push = await kit.waitFor(
      repo,
      'push',
      undefined,
      (r) => r.payload.ref === 'refs/heads/main',
    );
    expect(push.payload).toMatchObject({ before: baseTip, after: data.sha });
    const merged = await kit
      .app()
      .rest.pulls.checkIfMerged({ owner: 'acme', repo: repo.name, pull_number: pr.number });
    expect(merged.status).toBe(204);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('makes a two-parent merge commit authored by the merger for "merge"', async () => {
    const repo = await kit.repo();
    const pr = await open(repo);
    const base = await repo.git.resolveRef('refs/heads/main');
    const { data } = await kit.user('bob').rest.pulls.merge({
      owner: 'acme',
      repo: repo.name,
      pull_number: pr.number,
      merge_method: 'merge',
    });
    const commit = (await repo.git.readCommit(data.sha))!;
    expect(commit.parents).toEqual([base, pr.pull.headSha]);
    expect(commit.author.name).toBe('bob');
    expect(commit.message).toBe(`Merge pull request #${pr.number} from acme/topic\n\nchange a`);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('replays the PR commits onto the moved base for "rebase"', async () => {
    const repo = await kit.repo();
    const pr = await open(repo, [changeA, { message: 'add b', files: { 'b.txt': 'b\n' } }]);
    const base = await kit.commit(repo, 'main', { 'c.txt': 'c\n' });
    const { data } = await merge(repo, pr.number, 'rebase');
    const top = (await repo.git.readCommit(data.sha))!;
    const first = (await repo.git.readCommit(top.parents[0]!))!;
    expect(first.parents).toEqual([base]);
    expect([first.message, top.message]).toEqual(['change a', 'add b']);
    expect(top.author.email).toBe('alice@example.com');
    expect((await repo.git.readFile(data.sha, 'c.txt'))?.content.toString()).toBe('c\n');
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('deletes the head branch after the merge when the repository asks for it', async () => {
    const repo = await kit.repo({ settings: { deleteBranchOnMerge: true } });
    const pr = await open(repo);
    await merge(repo, pr.number, 'squash');
    expect(await repo.git.resolveRef('refs/heads/topic')).toBeUndefined();
    const pushes = (await kit.settled(repo)).filter((r) => r.event === 'push');
    expect(pushes.map((r) => [r.payload.ref, r.payload.deleted])).toContainEqual([
      'refs/heads/topic',
      true,
    ]);
    expect(kit.gh.world.violations).toEqual([]);
  });
});
