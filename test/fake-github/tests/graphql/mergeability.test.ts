import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { openPullRequest } from '../../control/pull-ops.js';
import type { RepoState } from '../../world/types.js';
import { pullRequestQuery, type PullRequestData } from './graphql-kit.js';

describe("GraphQL mergeability is REST's: UNKNOWN first, then computed, shared by both", () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());
  afterEach(() => kit.gh.assertClean());

  const query = async (repo: RepoState, number: number) =>
    (
      await kit
        .app()
        .graphql<PullRequestData>(pullRequestQuery, { owner: 'acme', name: repo.name, number })
    ).repository.pullRequest;
  const restRead = async (repo: RepoState, number: number) =>
    (await kit.app().rest.pulls.get({ owner: 'acme', repo: repo.name, pull_number: number })).data;
  const topic = { message: 'Change a', files: { 'src/a.ts': 'export const a = 2;\n' } };

  it('answers UNKNOWN and no potential merge commit first, then MERGEABLE with refs/pull/N/merge', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      title: 'Change a',
      body: 'Why a changes.',
      commits: [topic],
    });
    const baseSha = await repo.git.resolveRef('refs/heads/main');

    const first = await query(repo, pr.number);
    expect(first).toEqual({
      number: pr.number,
      title: 'Change a',
      body: 'Why a changes.',
      state: 'OPEN',
      isDraft: false,
      author: { login: 'alice' },
      headRefOid: pr.pull.headSha,
      headRefName: 'topic',
      baseRefName: 'main',
      baseRefOid: baseSha,
      mergeable: 'UNKNOWN',
      potentialMergeCommit: null,
      labels: { nodes: [] },
      commits: {
        totalCount: 1,
        nodes: [
          {
            commit: {
              oid: pr.pull.headSha,
              authors: {
                nodes: [{ name: 'alice', email: 'alice@example.com', user: { login: 'alice' } }],
              },
            },
          },
        ],
      },
    });

    const second = await query(repo, pr.number);
    expect(second.mergeable).toBe('MERGEABLE');
    const testMerge = await repo.git.resolveRef(`refs/pull/${pr.number}/merge`);
    expect(testMerge).toMatch(/^[0-9a-f]{40}$/);
    const mergeCommit = (await repo.git.readCommit(testMerge!))!;
    expect(second.potentialMergeCommit).toEqual({
      oid: testMerge,
      tree: { oid: mergeCommit.tree },
      parents: { nodes: [{ oid: baseSha }, { oid: pr.pull.headSha }] },
    });
    // REST names the same commit: the test merge is one, whichever API asks.
    expect((await restRead(repo, pr.number)).merge_commit_sha).toBe(testMerge);
  });

  it('answers CONFLICTING, with no potential merge commit, once the base conflicts with the head', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    await kit.push(repo, 'main', { 'src/a.ts': 'export const a = 3;\n' });
    expect((await query(repo, pr.number)).mergeable).toBe('UNKNOWN');
    const computed = await query(repo, pr.number);
    expect([computed.mergeable, computed.potentialMergeCommit]).toEqual(['CONFLICTING', null]);
    expect(await repo.git.resolveRef(`refs/pull/${pr.number}/merge`)).toBeUndefined();
  });

  it('goes back to UNKNOWN after the base moves, then computes the new test merge', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    await query(repo, pr.number);
    const before = (await query(repo, pr.number)).potentialMergeCommit!.oid;
    const newBase = await kit.push(repo, 'main', { 'docs.md': 'docs\n' });
    const stale = await query(repo, pr.number);
    expect([stale.mergeable, stale.potentialMergeCommit, stale.baseRefOid]).toEqual([
      'UNKNOWN',
      null,
      newBase,
    ]);
    const after = await query(repo, pr.number);
    expect(after.mergeable).toBe('MERGEABLE');
    expect(after.potentialMergeCommit!.oid).not.toBe(before);
    expect(after.potentialMergeCommit!.parents.nodes).toEqual([
      { oid: newBase },
      { oid: pr.pull.headSha },
    ]);
  });

  it('shares the mergeability state with REST: a REST read then a GraphQL read sees it computed', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    expect((await restRead(repo, pr.number)).mergeable).toBeNull();
    const computed = await query(repo, pr.number);
    expect(computed.mergeable).toBe('MERGEABLE');
    expect(computed.potentialMergeCommit!.oid).toBe(
      await repo.git.resolveRef(`refs/pull/${pr.number}/merge`),
    );

    // And the other way round after a change: GraphQL's first read leaves REST the computed one.
    await kit.push(repo, 'main', { 'docs.md': 'docs\n' });
    expect((await query(repo, pr.number)).mergeable).toBe('UNKNOWN');
    const rest = await restRead(repo, pr.number);
    expect([rest.mergeable, rest.mergeable_state]).toEqual([true, 'clean']);
    expect(rest.merge_commit_sha).toBe(await repo.git.resolveRef(`refs/pull/${pr.number}/merge`));
  });

  it('advances mergeability once per query, however many fields read it', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    // mergeable and potentialMergeCommit in one query are one read: both still "being computed".
    const first = await query(repo, pr.number);
    expect([first.mergeable, first.potentialMergeCommit]).toEqual(['UNKNOWN', null]);
    const second = await query(repo, pr.number);
    expect(second.mergeable).toBe('MERGEABLE');
    expect(second.potentialMergeCommit).not.toBeNull();
  });
});
