import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { openPullRequest } from '../../control/pull-ops.js';
import type { PullIssue } from '../../render/pull-request.js';
import type { RepoState } from '../../world/types.js';
import {
  assertCleanAndReset,
  installAppWith,
  installationToken,
  postGraphql,
  pullRequestQuery,
  takeViolations,
  type PullRequestData,
} from './graphql-kit.js';

let kit: PullKit;
let repo: RepoState;
let pr: PullIssue;
let auth: string;
beforeAll(async () => {
  kit = await PullKit.start();
  repo = await kit.repo();
  pr = await openPullRequest(kit.services, {
    repo,
    author: 'alice',
    branch: 'topic',
    commits: [{ message: 'Change a', files: { 'src/a.ts': 'export const a = 2;\n' } }],
  });
  auth = `token ${await installationToken(kit.app())}`;
});
afterAll(() => kit.close());
afterEach(() => {
  kit.gh.faults.clear();
  assertCleanAndReset(kit);
});

const post = (query: string, variables: Record<string, unknown> = {}) =>
  postGraphql(kit, { query, variables }, auth);
const onPull = (selection: string) =>
  post(
    `query ($name: String!, $number: Int!) {
      repository(owner: "acme", name: $name) { pullRequest(number: $number) { ${selection} } }
    }`,
    { name: repo.name, number: pr.number },
  );

describe('GraphQL errors are answered as GitHub answers them: HTTP 200 with `errors`', () => {
  it("refuses an unknown field before running anything: Field 'x' doesn't exist on type 'T'", async () => {
    const answer = await post(
      'query Gate($number: Int!) { repository(owner: "acme", name: "widgets-1") { pullRequest(number: $number) { number mergeQueueTicket } } }',
      { number: pr.number },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      errors: [
        {
          path: ['query Gate', 'repository', 'pullRequest', 'mergeQueueTicket'],
          locations: [{ line: 1, column: 114 }],
          message: "Field 'mergeQueueTicket' doesn't exist on type 'PullRequest'",
          extensions: {
            code: 'undefinedField',
            typeName: 'PullRequest',
            fieldName: 'mergeQueueTicket',
          },
        },
      ],
    });
    // Not even mergeability moved: a refused query runs no resolver.
    expect(pr.pull.mergeability.state).toBe('stale');
    expect(takeViolations(kit)).toEqual([
      {
        kind: 'app-bad-request',
        subject: 'graphql/repository',
        detail: "Field 'mergeQueueTicket' doesn't exist on type 'PullRequest'",
      },
    ]);
  });

  it('surfaces through Octokit as a GraphqlResponseError carrying the same errors', async () => {
    const failure = kit
      .app()
      .graphql(`query { repository(owner: "acme", name: "${repo.name}") { nope } }`);
    await expect(failure).rejects.toMatchObject({
      name: 'GraphqlResponseError',
      errors: [
        {
          message: "Field 'nope' doesn't exist on type 'Repository'",
          extensions: { code: 'undefinedField' },
        },
      ],
    });
    expect(takeViolations(kit).map((v) => v.kind)).toEqual(['app-bad-request']);
  });

  it('names missing required arguments as graphql-ruby does', async () => {
    const answer = await post('{ repository(owner: "acme") { id } }');
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'repository' is missing required arguments: name",
        extensions: {
          code: 'missingRequiredArguments',
          className: 'Field',
          name: 'repository',
          arguments: 'name',
        },
      }),
    ]);
    expect(answer.body).not.toHaveProperty('data');
    expect(takeViolations(kit).map((v) => v.kind)).toEqual(['app-bad-request']);
  });

  it.each([
    ['{ repository(owner: "acme", name: ) { id } }', 'Parse error on ")" (RPAREN) at [1, 35]', 35],
    [
      '{ repository(owner: "acme", name: "x") { id } } }',
      'Parse error on "}" (RCURLY) at [1, 49]',
      49,
    ],
    ['query 42 { viewer { login } }', 'Parse error on "42" (INT) at [1, 7]', 7],
    ['{ repository(owner: "acme", name: "x") { id }', 'Unexpected end of document', 46],
  ])(
    'answers the syntax error in %j with its position and no data',
    async (query, message, column) => {
      const answer = await post(query);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ errors: [{ message, locations: [{ line: 1, column }] }] });
      expect(takeViolations(kit)).toEqual([
        { kind: 'app-bad-request', subject: 'graphql', detail: message },
      ]);
    },
  );

  it('refuses a connection without `first` or `last`: MISSING_PAGINATION_BOUNDARIES', async () => {
    const answer = await onPull('number commits { totalCount }');
    expect(answer.status).toBe(200);
    // `commits` is non-null, so the null reaches the nullable pullRequest.
    expect(answer.body).toEqual({
      data: { repository: { pullRequest: null } },
      errors: [
        expect.objectContaining({
          type: 'MISSING_PAGINATION_BOUNDARIES',
          path: ['repository', 'pullRequest', 'commits'],
          message:
            'You must provide a `first` or `last` value to properly paginate the `commits` connection.',
        }),
      ],
    });
    expect(takeViolations(kit)).toEqual([
      expect.objectContaining({ kind: 'app-bad-request', subject: 'graphql/repository' }),
    ]);
  });

  it('refuses more than 100 records per page: EXCESSIVE_PAGINATION', async () => {
    const answer = await onPull('labels(first: 101) { nodes { name } }');
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        type: 'EXCESSIVE_PAGINATION',
        path: ['repository', 'pullRequest', 'labels'],
        message:
          'Requesting 101 records on the `labels` connection exceeds the `first` limit of 100 records.',
      }),
    ]);
    expect(takeViolations(kit)).toEqual([
      expect.objectContaining({ kind: 'app-bad-request', subject: 'graphql/repository' }),
    ]);
    // 100 is fine.
    const fine = await onPull('labels(first: 100) { totalCount }');
    expect(fine.body).toEqual({
      data: { repository: { pullRequest: { labels: { totalCount: 0 } } } },
    });
  });

  it('answers NOT_FOUND for a repository it cannot see and a pull request that does not exist', async () => {
    await kit.gh.createRepo({ fullName: 'elsewhere/tool', ownerType: 'Organization' });
    for (const name of ['no-such-repo', 'tool']) {
      const owner = name === 'tool' ? 'elsewhere' : 'acme';
      const answer = await post(
        `query ($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`,
        { owner, name },
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 1, column: 43 }],
            message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          },
        ],
      });
    }
    const missing = await post(
      `query ($name: String!) { repository(owner: "acme", name: $name) { name pullRequest(number: 999) { id } } }`,
      { name: repo.name },
    );
    expect(missing.body).toEqual({
      data: { repository: { name: repo.name, pullRequest: null } },
      errors: [
        expect.objectContaining({
          type: 'NOT_FOUND',
          path: ['repository', 'pullRequest'],
          message: 'Could not resolve to a PullRequest with the number of 999.',
        }),
      ],
    });
    // Asking for something absent is the app's business, not a violation.
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('answers a field of the schema it does not resolve as an error and records it as unimplemented', async () => {
    const answer = await onPull('number reviewDecision');
    expect(answer.status).toBe(200);
    // Never a made-up null without an error: the client sees the field failed.
    expect(answer.body).toEqual({
      data: { repository: { pullRequest: { number: pr.number, reviewDecision: null } } },
      errors: [
        expect.objectContaining({
          path: ['repository', 'pullRequest', 'reviewDecision'],
          message: 'fake-github does not resolve PullRequest.reviewDecision',
        }),
      ],
    });
    expect(takeViolations(kit)).toEqual([
      {
        kind: 'unimplemented',
        subject: 'graphql PullRequest.reviewDecision',
        detail: 'at repository.pullRequest.reviewDecision',
      },
    ]);
  });
});

describe('GraphQL credentials and permissions', () => {
  it('answers 401 without credentials and with a bad token, in GraphQL wording', async () => {
    const query = `{ repository(owner: "acme", name: "${repo.name}") { id } }`;
    const anonymous = await postGraphql(kit, { query }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      message: 'This endpoint requires you to be authenticated.',
    });
    // At GitHub's other address for it: the log holds no body for a refused call (as for REST),
    // so the same path twice would look like a blind retry to assertClean.
    const bad = await postGraphql(kit, { query }, 'token ghs_not-a-real-token', '/graphql');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ message: 'Bad credentials' });
    expect(kit.gh.world.requests.slice(-2)).toEqual([
      expect.objectContaining({ path: '/api/graphql', status: 401, caller: 'anonymous' }),
      expect.objectContaining({ path: '/graphql', status: 401, caller: 'anonymous' }),
    ]);
  });

  it('answers FORBIDDEN for a pull request when the installation has no pull_requests permission', async () => {
    const contentsOnly = installAppWith(kit, 'contents-only', { contents: 'read' });
    const answer = await postGraphql(
      kit,
      {
        query: pullRequestQuery.replace('pullRequest(number: $number) {', 'id\n$&'),
        variables: { owner: 'acme', name: repo.name, number: pr.number },
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
    expect(pr.pull.mergeability.state).toBe('stale');
  });

  it('answers FORBIDDEN for git objects without contents permission, the rest of the PR still answered', async () => {
    const pullsOnly = installAppWith(kit, 'pulls-only', { pull_requests: 'read' });
    const data = await pullsOnly
      .graphql<PullRequestData>(pullRequestQuery, {
        owner: 'acme',
        name: repo.name,
        number: pr.number,
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
      number: pr.number,
      headRefOid: pr.pull.headSha,
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
      data: { repository: { pullRequest: { number: pr.number, headRefOid: pr.pull.headSha } } },
    });
    expect(answer.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(kit.gh.world.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/graphql',
      operationId: 'graphql/repository',
      status: 200,
      caller: `installation:${kit.installation.id}`,
      body: { variables: { name: repo.name, number: pr.number } },
      faulted: false,
    });
  });

  it('lets a fault keyed by graphql/repository replace the answer', async () => {
    kit.gh.faults.add({ op: 'graphql/repository', times: 1, status: 502, message: 'Bad Gateway' });
    const faulted = await query();
    expect(faulted.status).toBe(502);
    expect(faulted.body).toMatchObject({ message: 'Bad Gateway' });
    expect(kit.gh.world.requests.at(-1)).toMatchObject({
      operationId: 'graphql/repository',
      status: 502,
      faulted: true,
    });
    await expect(
      kit.app().graphql(`{ repository(owner: "acme", name: "${repo.name}") { id } }`),
    ).resolves.toEqual({ repository: { id: expect.any(String) } });
    // Only that operation: a fault for another one leaves repository queries alone.
    kit.gh.faults.add({ op: 'graphql/viewer', status: 500 });
    expect((await query()).status).toBe(200);
  });

  it('keys a query with several top-level fields by all of them, joined with +', async () => {
    kit.gh.faults.add({ op: 'graphql/repository+repository', times: 1, status: 503 });
    const both = `{ a: repository(owner: "acme", name: "${repo.name}") { id } b: repository(owner: "acme", name: "${repo.name}") { name } }`;
    expect((await post(both)).status).toBe(503);
    expect((await query()).status).toBe(200);
    expect(kit.gh.world.requests.slice(-2).map((r) => [r.operationId, r.status])).toEqual([
      ['graphql/repository+repository', 503],
      ['graphql/repository', 200],
    ]);
  });

  it('lets a delay-only fault slow the real answer down without replacing it', async () => {
    kit.gh.faults.add({ op: 'graphql/repository', times: 1, delayMs: 150 });
    const started = Date.now();
    const slowed = await query();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(slowed.status).toBe(200);
    expect(slowed.body).toEqual({
      data: { repository: { pullRequest: { number: pr.number, headRefOid: pr.pull.headSha } } },
    });
    expect(kit.gh.world.requests.at(-1)).toMatchObject({
      operationId: 'graphql/repository',
      status: 200,
      faulted: true,
    });
  });
});
