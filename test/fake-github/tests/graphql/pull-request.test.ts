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
    // Not a stock label (`bug` is one): adding `Bug` would put the existing `bug` on it.
    for (const label of ['Urgent', 'queue', 'area:ci'])
      await addLabel(kit.services, { repo, number: pr.number, by: 'alice', label });
    expect((await query(repo, pr.number)).labels.nodes.map((l) => l.name)).toEqual([
      'Urgent',
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
      'Urgent',
      'queue',
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
