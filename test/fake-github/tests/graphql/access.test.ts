import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  installAppWith,
  installationToken,
  postGraphql,
  pullRequestQuery,
  startOnePullWorld,
  type OnePullWorld,
  type PullRequestData,
} from './graphql-kit.js';

let world: OnePullWorld;
beforeAll(async () => {
  world = await startOnePullWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const post = (query: string, variables?: Record<string, unknown>) => world.post(query, variables);
const onPull = (selection: string) => world.onPull(selection);

describe('GraphQL credentials and permissions', () => {
  it('answers 401 without credentials and with a bad token, in GraphQL wording', async () => {
    const query = `{ repository(owner: "acme", name: "${world.repo.name}") { id } }`;
    const anonymous = await postGraphql(world.kit, { query }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      message: 'This endpoint requires you to be authenticated.',
    });
    // At GitHub's other address for it: the log holds no body for a refused call (as for REST),
    // so the same path twice would look like a blind retry to assertClean.
    const bad = await postGraphql(world.kit, { query }, 'token ghs_not-a-real-token', '/graphql');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ message: 'Bad credentials' });
    expect(world.kit.gh.world.requests.slice(-2)).toEqual([
      expect.objectContaining({ path: '/api/graphql', status: 401, caller: 'anonymous' }),
      expect.objectContaining({ path: '/graphql', status: 401, caller: 'anonymous' }),
    ]);
  });

  it('answers FORBIDDEN for a pull request when the installation has no pull_requests permission', async () => {
    const contentsOnly = installAppWith(world.kit, 'contents-only', { contents: 'read' });
    const answer = await postGraphql(
      world.kit,
      {
        query: pullRequestQuery.replace('pullRequest(number: $number) {', 'id\n$&'),
        variables: { owner: 'acme', name: world.repo.name, number: world.pr.number },
      },
      `token ${await installationToken(contentsOnly)}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { repository: { id: expect.any(String), pullRequest: null } },
      errors: [
        expect.objectContaining({
          type: 'FORBIDDEN',
          path: ['repository', 'pullRequest'],
          message: 'Resource not accessible by integration',
        }),
      ],
    });
    // Refused reads do not advance mergeability.
    expect(world.pr.pull.mergeability.state).toBe('stale');
  });

  it('answers FORBIDDEN for git objects without contents permission, the rest of the PR still answered', async () => {
    const pullsOnly = installAppWith(world.kit, 'pulls-only', { pull_requests: 'read' });
    const data = await pullsOnly
      .graphql<PullRequestData>(pullRequestQuery, {
        owner: 'acme',
        name: world.repo.name,
        number: world.pr.number,
      })
      .catch((error: { data: PullRequestData; errors: { type: string; path: string[] }[] }) => {
        expect(error.errors).toEqual([
          expect.objectContaining({
            type: 'FORBIDDEN',
            path: ['repository', 'pullRequest', 'potentialMergeCommit'],
          }),
        ]);
        return error.data;
      });
    expect(data.repository.pullRequest).toMatchObject({
      number: world.pr.number,
      headRefOid: world.pr.pull.headSha,
      potentialMergeCommit: null,
    });
    expect(data.repository.pullRequest.commits.totalCount).toBe(1);
  });
});

describe('GraphQL faults and the request log', () => {
  const query = () => onPull('number headRefOid');

  it('logs each request with its operation id, caller and body', async () => {
    const answer = await query();
    expect(answer.body).toEqual({
      data: {
        repository: { pullRequest: { number: world.pr.number, headRefOid: world.pr.pull.headSha } },
      },
    });
    expect(answer.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(world.kit.gh.world.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/graphql',
      operationId: 'graphql/repository',
      status: 200,
      caller: `installation:${world.kit.installation.id}`,
      body: { variables: { name: world.repo.name, number: world.pr.number } },
      faulted: false,
    });
  });

  it('lets a fault keyed by graphql/repository replace the answer', async () => {
    world.kit.gh.faults.add({
      op: 'graphql/repository',
      times: 1,
      status: 502,
      message: 'Bad Gateway',
    });
    const faulted = await query();
    expect(faulted.status).toBe(502);
    expect(faulted.body).toMatchObject({ message: 'Bad Gateway' });
    expect(world.kit.gh.world.requests.at(-1)).toMatchObject({
      operationId: 'graphql/repository',
      status: 502,
      faulted: true,
    });
    await expect(
      world.kit.app().graphql(`{ repository(owner: "acme", name: "${world.repo.name}") { id } }`),
    ).resolves.toEqual({ repository: { id: expect.any(String) } });
    // Only that operation: a fault for another one leaves repository queries alone.
    world.kit.gh.faults.add({ op: 'graphql/viewer', status: 500 });
    expect((await query()).status).toBe(200);
  });

  it('keys a query with several top-level fields by all of them, joined with +', async () => {
    world.kit.gh.faults.add({ op: 'graphql/repository+repository', times: 1, status: 503 });
    const both = `{ a: repository(owner: "acme", name: "${world.repo.name}") { id } b: repository(owner: "acme", name: "${world.repo.name}") { name } }`;
    expect((await post(both)).status).toBe(503);
    expect((await query()).status).toBe(200);
    expect(world.kit.gh.world.requests.slice(-2).map((r) => [r.operationId, r.status])).toEqual([
      ['graphql/repository+repository', 503],
      ['graphql/repository', 200],
    ]);
  });

  it('lets a delay-only fault slow the real answer down without replacing it', async () => {
    world.kit.gh.faults.add({ op: 'graphql/repository', times: 1, delayMs: 150 });
    const started = Date.now();
    const slowed = await query();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(slowed.status).toBe(200);
    expect(slowed.body).toEqual({
      data: {
        repository: { pullRequest: { number: world.pr.number, headRefOid: world.pr.pull.headSha } },
      },
    });
    expect(world.kit.gh.world.requests.at(-1)).toMatchObject({
      operationId: 'graphql/repository',
      status: 200,
      faulted: true,
    });
  });
});
