import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { postCommitStatus } from '../../control/ci-ops.js';
import type { RepoHandle } from '../../control/repo-handle.js';
import { ACTIONS_APP_ID, ACTIONS_APP_SLUG } from '../../ci/actions-app.js';
import { infraFlake } from '../../ci/failures.js';
import type { JobScript } from '../../ci/types.js';
import type { StatusState } from '../../domain/statuses.js';
import {
  installAppWith,
  installationToken,
  postGraphql,
  startOnePullWorld,
  type OnePullWorld,
  type RawAnswer,
} from './graphql-kit.js';

/** The checks of one commit, as an app reads them (GitHub's types: CheckRun, StatusContext). */
const rollupQuery = `
  query ($owner: String!, $name: String!, $a: GitObjectID!) {
    repository(owner: $owner, name: $name) {
      c0: object(oid: $a) {
        ... on Commit {
          oid
          statusCheckRollup {
            state
            contexts(first: 100) {
              pageInfo { hasNextPage endCursor }
              nodes {
                __typename
                ... on CheckRun {
                  databaseId name status conclusion detailsUrl permalink
                  checkSuite { app { slug databaseId } }
                }
                ... on StatusContext { context state targetUrl }
              }
            }
          }
        }
      }
    }
  }
`;

/** The same selection for several commits at once, aliased `c0`, `c1`, ... */
function manyCommitsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$c${i}: GitObjectID!`).join(', ');
  const objects = Array.from(
    { length: count },
    (_, i) => `c${i}: object(oid: $c${i}) {
      ... on Commit { oid statusCheckRollup { state contexts(first: 100) { totalCount nodes {
        __typename ... on CheckRun { name status conclusion } ... on StatusContext { context state }
      } } } }
    }`,
  ).join('\n');
  return `query ($owner: String!, $name: String!, ${variables}) {
    repository(owner: $owner, name: $name) { ${objects} }
  }`;
}

interface CheckRunNode {
  __typename: 'CheckRun';
  databaseId: number;
  name: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string;
  permalink: string;
  checkSuite: { app: { slug: string; databaseId: number } | null };
}
interface StatusContextNode {
  __typename: 'StatusContext';
  context: string;
  state: string;
  targetUrl: string | null;
}
interface Rollup {
  state: string;
  contexts: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: (CheckRunNode | StatusContextNode | null)[];
  };
}
interface RollupData {
  repository: { c0: { oid: string; statusCheckRollup: Rollup | null } | null };
}

let world: OnePullWorld;
beforeAll(async () => {
  world = await startOnePullWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const gh = () => world.kit.gh;

/** A fresh repository whose pushes to `ci/**` run the workflow `CI` with `jobs` (manual mode). */
async function ciRepo(jobs: JobScript[] = [{ name: 'build' }]): Promise<RepoHandle> {
  const repo = gh().repo((await world.kit.repo()).fullName);
  repo.scriptCi({
    workflows: [{ name: 'CI', file: '.github/workflows/ci.yml', on: { push: ['ci/**'] }, jobs }],
  });
  return repo;
}

const push = (repo: RepoHandle, branch: string) =>
  repo.push({ branch, files: { 'b.txt': `${branch}\n` }, message: `Test ${branch}`, by: 'alice' });

/** The rollup query as the PR's app (checks, statuses and contents readable), whole answer. */
async function rollupAnswer(repo: RepoHandle, sha: string, auth = world.auth): Promise<RawAnswer> {
  const variables = { owner: 'acme', name: repo.state.name, a: sha };
  return postGraphql(world.kit, { query: rollupQuery, variables }, auth);
}

async function rollup(repo: RepoHandle, sha: string): Promise<Rollup | null> {
  const answer = await rollupAnswer(repo, sha);
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  const data = answer.body.data as RollupData;
  expect(data.repository.c0?.oid).toBe(sha);
  return data.repository.c0!.statusCheckRollup;
}

const checkRuns = (r: Rollup | null) =>
  (r?.contexts.nodes ?? []).filter((n): n is CheckRunNode => n?.__typename === 'CheckRun');

/** REST `checks/list-for-ref` (filter=latest, GitHub's default) as the same app sees it. */
async function restCheckRuns(repo: RepoHandle, sha: string, filter?: 'all') {
  const { data } = await world.kit.app().rest.checks.listForRef({
    owner: 'acme',
    repo: repo.state.name,
    ref: sha,
    ...(filter ? { filter } : {}),
  });
  return data;
}

const postStatus = (
  repo: RepoHandle,
  sha: string,
  context: string,
  state: StatusState,
  targetUrl?: string,
) =>
  postCommitStatus(world.kit.services, {
    repo: repo.state,
    sha,
    context,
    state,
    ...(targetUrl ? { targetUrl } : {}),
    by: 'alice',
  });

describe('Commit.statusCheckRollup', () => {
  it('is null for a commit with no check runs and no statuses', async () => {
    const repo = gh().repo((await world.kit.repo()).fullName);
    const main = (await repo.state.git.resolveRef('refs/heads/main'))!;
    expect(await rollup(repo, main)).toBeNull();
  });

  it('follows an Actions job from QUEUED to IN_PROGRESS to COMPLETED, with REST ids and urls', async () => {
    const repo = await ciRepo();
    await repo.setCiRunners(0);
    const sha = await push(repo, 'ci/one');

    const queued = await rollup(repo, sha);
    expect(queued).toEqual({
      state: 'PENDING',
      contexts: {
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        nodes: [
          expect.objectContaining({
            __typename: 'CheckRun',
            name: 'build',
            status: 'QUEUED',
            conclusion: null,
            checkSuite: { app: { slug: ACTIONS_APP_SLUG, databaseId: ACTIONS_APP_ID } },
          }),
        ],
      },
    });
    const [rest] = (await restCheckRuns(repo, sha)).check_runs;
    expect(checkRuns(queued)[0]).toMatchObject({
      databaseId: rest!.id,
      detailsUrl: rest!.details_url,
      permalink: rest!.html_url,
    });

    await repo.setCiRunners(null);
    const running = await rollup(repo, sha);
    expect(running?.state).toBe('PENDING');
    expect(checkRuns(running)).toEqual([
      expect.objectContaining({ databaseId: rest!.id, status: 'IN_PROGRESS', conclusion: null }),
    ]);

    await repo.completeCi({ job: 'build' });
    const done = await rollup(repo, sha);
    expect(done?.state).toBe('SUCCESS');
    expect(checkRuns(done)).toEqual([
      expect.objectContaining({ databaseId: rest!.id, status: 'COMPLETED', conclusion: 'SUCCESS' }),
    ]);
  });

  it('lists only the latest attempt of a re-run job, as REST filter=latest does', async () => {
    const repo = await ciRepo([{ name: 'build' }, { name: 'test', ...infraFlake() }]);
    const sha = await push(repo, 'ci/flaky');
    await repo.finishCi();
    const failed = await rollup(repo, sha);
    expect(failed?.state).toBe('FAILURE');
    const firstTest = checkRuns(failed).find((run) => run.name === 'test');
    expect(firstTest).toMatchObject({ status: 'COMPLETED', conclusion: 'FAILURE' });

    const [run] = repo.runs(sha);
    await world.kit.user('alice').rest.actions.reRunWorkflowFailedJobs({
      owner: 'acme',
      repo: repo.state.name,
      run_id: run!.id,
    });
    const rerunning = await rollup(repo, sha);
    expect(rerunning?.state).toBe('PENDING');
    const tests = checkRuns(rerunning).filter((r) => r.name === 'test');
    expect(tests).toHaveLength(1);
    expect(tests[0]!.databaseId).not.toBe(firstTest!.databaseId);
    expect(tests[0]!.conclusion).toBeNull();

    await repo.finishCi();
    const passed = await rollup(repo, sha);
    expect(passed?.state).toBe('SUCCESS');
    const latest = await restCheckRuns(repo, sha);
    expect(checkRuns(passed).map((r) => [r.databaseId, r.name, r.conclusion])).toEqual(
      latest.check_runs.map((r) => [r.id, r.name, r.conclusion?.toUpperCase()]),
    );
    expect(checkRuns(passed)).toHaveLength(2);
    expect((await restCheckRuns(repo, sha, 'all')).total_count).toBe(3);
  });

  it('lists the latest status per context after the check runs, and rolls both up', async () => {
    const repo = await ciRepo();
    const sha = await push(repo, 'ci/mixed');
    await repo.finishCi();
    await postStatus(repo, sha, 'ci/lint', 'pending');
    await postStatus(repo, sha, 'ci/deploy', 'success', 'https://deploy.example/1');
    await postStatus(repo, sha, 'ci/lint', 'success', 'https://lint.example/7');

    const green = await rollup(repo, sha);
    expect(green?.state).toBe('SUCCESS');
    expect(green?.contexts.nodes).toEqual([
      expect.objectContaining({ __typename: 'CheckRun', name: 'build', conclusion: 'SUCCESS' }),
      {
        __typename: 'StatusContext',
        context: 'ci/deploy',
        state: 'SUCCESS',
        targetUrl: 'https://deploy.example/1',
      },
      {
        __typename: 'StatusContext',
        context: 'ci/lint',
        state: 'SUCCESS',
        targetUrl: 'https://lint.example/7',
      },
    ]);
    const { data: combined } = await world.kit.app().rest.repos.getCombinedStatusForRef({
      owner: 'acme',
      repo: repo.state.name,
      ref: sha,
    });
    expect(
      green?.contexts.nodes.flatMap((n) => (n?.__typename === 'StatusContext' ? [n.context] : [])),
    ).toEqual(combined.statuses.map((s) => s.context));

    await postStatus(repo, sha, 'ci/deploy', 'error');
    const red = await rollup(repo, sha);
    expect(red?.state).toBe('FAILURE');
    expect(red?.contexts.nodes.slice(1)).toEqual([
      expect.objectContaining({ context: 'ci/lint', state: 'SUCCESS' }),
      { __typename: 'StatusContext', context: 'ci/deploy', state: 'ERROR', targetUrl: null },
    ]);

    // A commit with statuses only has a rollup too.
    const other = await repo.push({
      branch: 'main',
      files: { 'c.txt': 'c\n' },
      message: 'Statuses only',
      by: 'alice',
    });
    await postStatus(repo, other, 'ci/lint', 'pending');
    expect(await rollup(repo, other)).toMatchObject({
      state: 'PENDING',
      contexts: { nodes: [{ __typename: 'StatusContext', context: 'ci/lint', state: 'PENDING' }] },
    });
  });

  it('answers several commits in one request', async () => {
    const repo = await ciRepo();
    const main = (await repo.state.git.resolveRef('refs/heads/main'))!;
    const built = await push(repo, 'ci/a');
    await repo.finishCi();
    const running = await push(repo, 'ci/b');
    const data = await world.kit
      .app()
      .graphql<Record<string, Record<string, { oid: string; statusCheckRollup: unknown }>>>(
        manyCommitsQuery(3),
        { owner: 'acme', name: repo.state.name, c0: built, c1: running, c2: main },
      );
    expect(data.repository).toEqual({
      c0: {
        oid: built,
        statusCheckRollup: {
          state: 'SUCCESS',
          contexts: {
            totalCount: 1,
            nodes: [
              { __typename: 'CheckRun', name: 'build', status: 'COMPLETED', conclusion: 'SUCCESS' },
            ],
          },
        },
      },
      c1: {
        oid: running,
        statusCheckRollup: {
          state: 'PENDING',
          contexts: {
            totalCount: 1,
            nodes: [
              { __typename: 'CheckRun', name: 'build', status: 'IN_PROGRESS', conclusion: null },
            ],
          },
        },
      },
      c2: { oid: main, statusCheckRollup: null },
    });
  });

  it('pages the contexts with first/after, counting check runs and statuses', async () => {
    const repo = await ciRepo([{ name: 'build' }, { name: 'lint' }, { name: 'test' }]);
    const sha = await push(repo, 'ci/pages');
    await postStatus(repo, sha, 'ext/a', 'success');
    await postStatus(repo, sha, 'ext/b', 'pending');
    const query = `query ($name: String!, $a: GitObjectID!, $after: String) {
      repository(owner: "acme", name: $name) { object(oid: $a) { ... on Commit {
        statusCheckRollup { contexts(first: 2, after: $after) {
          totalCount checkRunCount statusContextCount
          pageInfo { hasNextPage hasPreviousPage endCursor }
          edges { cursor node { __typename ... on CheckRun { name } ... on StatusContext { context } } }
        } }
      } } }
    }`;
    interface Page {
      totalCount: number;
      checkRunCount: number;
      statusContextCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { __typename: string; name?: string; context?: string } }[];
    }
    const page = async (after: string | null) =>
      (
        await world.kit.app().graphql<{
          repository: { object: { statusCheckRollup: { contexts: Page } } };
        }>(query, { name: repo.state.name, a: sha, after })
      ).repository.object.statusCheckRollup.contexts;

    const names: string[] = [];
    let after: string | null = null;
    const seen: Page[] = [];
    do {
      const current = await page(after);
      seen.push(current);
      names.push(...current.edges.map((e) => e.node.name ?? e.node.context ?? '?'));
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after !== null);

    expect(seen.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(seen.map((p) => [p.pageInfo.hasNextPage, p.pageInfo.hasPreviousPage])).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
    for (const p of seen)
      expect([p.totalCount, p.checkRunCount, p.statusContextCount]).toEqual([5, 3, 2]);
    const restNames = (await restCheckRuns(repo, sha)).check_runs.map((r) => r.name);
    expect(names).toEqual([...restNames, 'ext/a', 'ext/b']);
  });

  it('refuses an installation without checks permission: the rollup null, FORBIDDEN at its path', async () => {
    const repo = await ciRepo();
    const sha = await push(repo, 'ci/forbidden');
    const statusesOnly = installAppWith(world.kit, 'statuses-only', {
      contents: 'read',
      statuses: 'read',
    });
    const answer = await rollupAnswer(repo, sha, `token ${await installationToken(statusesOnly)}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { repository: { c0: { oid: sha, statusCheckRollup: null } } },
      errors: [
        {
          type: 'FORBIDDEN',
          path: ['repository', 'c0', 'statusCheckRollup'],
          locations: [expect.objectContaining({ line: expect.any(Number) })],
          message: 'Resource not accessible by integration',
        },
      ],
    });
  });

  it('answers status contexts null with FORBIDDEN, one per entry, without statuses permission', async () => {
    const repo = await ciRepo();
    const sha = await push(repo, 'ci/no-statuses');
    await postStatus(repo, sha, 'ext/a', 'success');
    await postStatus(repo, sha, 'ext/b', 'success');
    const checksOnly = installAppWith(world.kit, 'checks-only', {
      contents: 'read',
      checks: 'read',
    });
    const answer = await rollupAnswer(repo, sha, `token ${await installationToken(checksOnly)}`);
    const data = answer.body.data as RollupData;
    expect(data.repository.c0?.statusCheckRollup).toEqual({
      state: 'PENDING',
      contexts: {
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        nodes: [expect.objectContaining({ __typename: 'CheckRun', name: 'build' }), null, null],
      },
    });
    expect(answer.body.errors).toEqual(
      [1, 2].map((index) => ({
        type: 'FORBIDDEN',
        path: ['repository', 'c0', 'statusCheckRollup', 'contexts', 'nodes', index],
        locations: [expect.objectContaining({ line: expect.any(Number) })],
        message: 'Resource not accessible by integration',
      })),
    );
  });
});
