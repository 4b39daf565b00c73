import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { mergePullRequest, openPullRequest } from '../../control/pull-ops.js';
import { addLabel } from '../../control/repo-ops.js';
import type { RepoState } from '../../world/types.js';
import { pullRequestQuery, type PullRequestData } from './graphql-kit.js';

describe('GraphQL repository.pullRequest answers from the same world and git data as REST', () => {
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

  it('lists each Co-authored-by trailer among the authors, once per email, with the matching user', async () => {
    const repo = await kit.repo();
    kit.gh.world.account('carol');
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      title: 'Pair work',
      commits: [
        {
          message: [
            'Pair work',
            '',
            'Co-authored-by: Carol C <carol@example.com>',
            'co-authored-by: Outsider <someone@elsewhere.example>',
            'Co-authored-by: Alice Again <ALICE@example.com>',
          ].join('\n'),
          files: { 'src/a.ts': 'export const a = 4;\n' },
        },
      ],
    });
    const { commits } = await query(repo, pr.number);
    expect(commits.nodes.map((n) => n.commit.authors.nodes)).toEqual([
      [
        { name: 'alice', email: 'alice@example.com', user: { login: 'alice' } },
        { name: 'Carol C', email: 'carol@example.com', user: { login: 'carol' } },
        { name: 'Outsider', email: 'someone@elsewhere.example', user: null },
      ],
    ]);
  });

  it("names a bot author without REST's [bot] suffix, as a Bot", async () => {
    const repo = await kit.repo();
    kit.gh.world.account('renovate[bot]', 'Bot');
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'renovate[bot]',
      branch: 'renovate/deps',
      commits: [{ message: 'Update deps', files: { 'package.json': '{}\n' } }],
    });
    const data = await kit.app().graphql<{
      repository: {
        pullRequest: {
          author: { __typename: string; login: string };
          commits: { nodes: { commit: { authors: { nodes: { user: unknown }[] } } }[] };
        };
      };
    }>(
      `query ($name: String!, $number: Int!) {
        repository(owner: "acme", name: $name) {
          pullRequest(number: $number) {
            author { __typename login }
            commits(first: 1) { nodes { commit { authors(first: 1) { nodes { user { login } } } } } }
          }
        }
      }`,
      { name: repo.name, number: pr.number },
    );
    const { pullRequest } = data.repository;
    expect(pullRequest.author).toEqual({ __typename: 'Bot', login: 'renovate' });
    // A bot is no User: its commits' GitActor has no user.
    expect(pullRequest.commits.nodes[0]!.commit.authors.nodes).toEqual([{ user: null }]);
    const rest = await restRead(repo, pr.number);
    expect(rest.user.login).toBe('renovate[bot]');
  });

  it('lists labels in the order they were created, or by name when asked', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    for (const label of ['Bug', 'queue', 'area:ci'])
      await addLabel(kit.services, { repo, number: pr.number, by: 'alice', label });
    expect((await query(repo, pr.number)).labels.nodes.map((l) => l.name)).toEqual([
      'Bug',
      'queue',
      'area:ci',
    ]);
    const byName = await kit.app().graphql<{
      repository: { pullRequest: { labels: { nodes: { name: string }[] } } };
    }>(
      `query ($name: String!, $number: Int!) {
        repository(owner: "acme", name: $name) {
          pullRequest(number: $number) {
            labels(first: 10, orderBy: { field: NAME, direction: DESC }) { nodes { name } }
          }
        }
      }`,
      { name: repo.name, number: pr.number },
    );
    expect(byName.repository.pullRequest.labels.nodes.map((l) => l.name)).toEqual([
      'queue',
      'Bug',
      'area:ci',
    ]);
  });

  it('answers drafts as isDraft and merged PRs as MERGED, with no potential merge commit', async () => {
    const repo = await kit.repo();
    const draft = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'draft',
      draft: true,
      commits: [{ message: 'wip', files: { 'wip.txt': 'wip\n' } }],
    });
    expect((await query(repo, draft.number)).isDraft).toBe(true);

    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    const merged = await mergePullRequest(kit.services, { repo, number: pr.number });
    await kit.settled(repo);
    const data = await kit.app().graphql<{
      repository: {
        pullRequest: {
          state: string;
          merged: boolean;
          mergeCommit: { oid: string } | null;
          potentialMergeCommit: unknown;
        };
      };
    }>(
      `query ($name: String!, $number: Int!) {
        repository(owner: "acme", name: $name) {
          pullRequest(number: $number) { state merged mergeCommit { oid } potentialMergeCommit { oid } }
        }
      }`,
      { name: repo.name, number: pr.number },
    );
    expect(data.repository.pullRequest).toEqual({
      state: 'MERGED',
      merged: true,
      mergeCommit: { oid: merged },
      potentialMergeCommit: null,
    });
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(merged);
  });
});
