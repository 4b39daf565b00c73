import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { openPullRequest } from '../../control/pull-ops.js';
import type { PullIssue } from '../../render/pull-request.js';
import type { RepoState } from '../../world/types.js';
import { assertCleanAndReset, takeViolations } from './graphql-kit.js';

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { commit: { oid: string; messageHeadline: string } } }[];
}

describe('GraphQL connections page with cursors, as GitHub pages them', () => {
  let kit: PullKit;
  let repo: RepoState;
  let pr: PullIssue;
  /** The PR's commits, oldest first, as git holds them. */
  let shas: string[];

  beforeAll(async () => {
    kit = await PullKit.start();
    repo = await kit.repo();
    pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [1, 2, 3, 4, 5].map((n) => ({
        message: `Step ${n}\n\nDetails of step ${n}.`,
        files: { [`step-${n}.txt`]: `${n}\n` },
      })),
    });
    shas = (
      await repo.git.listCommits({
        base: (await repo.git.resolveRef('refs/heads/main'))!,
        head: pr.pull.headSha,
        order: 'oldest-first',
        max: 250,
      })
    ).map((c) => c.sha);
  });
  afterAll(() => kit.close());
  afterEach(() => assertCleanAndReset(kit));

  const page = async (args: string, variables: Record<string, unknown> = {}) => {
    const data = await kit.app().graphql<{ repository: { pullRequest: { commits: Page } } }>(
      `query ($name: String!, $number: Int!, $after: String, $before: String) {
        repository(owner: "acme", name: $name) {
          pullRequest(number: $number) {
            commits(${args}, after: $after, before: $before) {
              totalCount
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              edges { cursor node { commit { oid messageHeadline } } }
            }
          }
        }
      }`,
      { name: repo.name, number: pr.number, ...variables },
    );
    return data.repository.pullRequest.commits;
  };
  const oids = (p: Page) => p.edges.map((e) => e.node.commit.oid);

  it('walks every commit, oldest first, with first/after until hasNextPage is false', async () => {
    expect(shas).toHaveLength(5);
    expect(shas.at(-1)).toBe(pr.pull.headSha);
    const seen: string[] = [];
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const current: Page = await page('first: 2', { after });
      pages.push(current);
      seen.push(...oids(current));
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(shas);
    expect(pages.map((p) => [p.edges.length, p.totalCount])).toEqual([
      [2, 5],
      [2, 5],
      [1, 5],
    ]);
    expect(pages.map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    for (const p of pages) {
      expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
    }
    expect(pages[0]!.edges[0]!.node.commit.messageHeadline).toBe('Step 1');
  });

  it('pages backwards with last/before', async () => {
    const tail = await page('last: 2');
    expect(oids(tail)).toEqual(shas.slice(3));
    expect([tail.pageInfo.hasPreviousPage, tail.pageInfo.hasNextPage]).toEqual([true, false]);
    const before = await page('last: 2', { before: tail.pageInfo.startCursor });
    expect(oids(before)).toEqual(shas.slice(1, 3));
    expect([before.pageInfo.hasPreviousPage, before.pageInfo.hasNextPage]).toEqual([true, true]);
  });

  it('answers an empty page past the end, with null cursors', async () => {
    const all = await page('first: 100');
    expect(oids(all)).toEqual(shas);
    const past = await page('first: 2', { after: all.pageInfo.endCursor });
    expect(past).toEqual({
      totalCount: 5,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
      edges: [],
    });
  });

  it('refuses a cursor it did not hand out: INVALID_CURSOR_ARGUMENTS', async () => {
    await expect(
      page('first: 2', { after: Buffer.from('cursor:v2:99').toString('base64') }),
    ).rejects.toMatchObject({
      name: 'GraphqlResponseError',
      errors: [
        expect.objectContaining({
          type: 'INVALID_CURSOR_ARGUMENTS',
          path: ['repository', 'pullRequest', 'commits'],
          message: '`after` is not a valid cursor.',
        }),
      ],
    });
    // A stale cursor is the app's mistake to handle, like a 404: nothing recorded.
    expect(takeViolations(kit)).toEqual([]);
  });
});
