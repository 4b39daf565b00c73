import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startOnePullWorld, takeViolations, type OnePullWorld } from './graphql-kit.js';

let world: OnePullWorld;
beforeAll(async () => {
  world = await startOnePullWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const post = (query: string, variables?: Record<string, unknown>) => world.post(query, variables);
const onPull = (selection: string) => world.onPull(selection);

describe('GraphQL errors are answered as GitHub answers them: HTTP 200 with `errors`', () => {
  it("refuses an unknown field before running anything: Field 'x' doesn't exist on type 'T'", async () => {
    const answer = await post(
      'query Gate($number: Int!) { repository(owner: "acme", name: "widgets-1") { pullRequest(number: $number) { number mergeQueueTicket } } }',
      { number: world.pr.number },
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
    expect(world.pr.pull.mergeability.state).toBe('stale');
    expect(takeViolations(world.kit)).toEqual([
      {
        kind: 'app-bad-request',
        subject: 'graphql/repository',
        detail: "Field 'mergeQueueTicket' doesn't exist on type 'PullRequest'",
      },
    ]);
  });

  it('surfaces through Octokit as a GraphqlResponseError carrying the same errors', async () => {
    const failure = world.kit
      .app()
      .graphql(`query { repository(owner: "acme", name: "${world.repo.name}") { nope } }`);
    await expect(failure).rejects.toMatchObject({
      name: 'GraphqlResponseError',
      errors: [
        {
          message: "Field 'nope' doesn't exist on type 'Repository'",
          extensions: { code: 'undefinedField' },
        },
      ],
    });
    expect(takeViolations(world.kit).map((v) => v.kind)).toEqual(['app-bad-request']);
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
    expect(takeViolations(world.kit).map((v) => v.kind)).toEqual(['app-bad-request']);
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
      expect(takeViolations(world.kit)).toEqual([
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
    expect(takeViolations(world.kit)).toEqual([
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
    expect(takeViolations(world.kit)).toEqual([
      expect.objectContaining({ kind: 'app-bad-request', subject: 'graphql/repository' }),
    ]);
    // 100 is fine.
    const fine = await onPull('labels(first: 100) { totalCount }');
    expect(fine.body).toEqual({
      data: { repository: { pullRequest: { labels: { totalCount: 0 } } } },
    });
  });

  it('answers NOT_FOUND for a repository it cannot see and a pull request that does not exist', async () => {
    await world.kit.gh.createRepo({ fullName: 'elsewhere/tool', ownerType: 'Organization' });
    for (const name of ['no-such-world.repo', 'tool']) {
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
      { name: world.repo.name },
    );
    expect(missing.body).toEqual({
      data: { repository: { name: world.repo.name, pullRequest: null } },
      errors: [
        expect.objectContaining({
          type: 'NOT_FOUND',
          path: ['repository', 'pullRequest'],
          message: 'Could not resolve to a PullRequest with the number of 999.',
        }),
      ],
    });
    // Asking for something absent is the app's business, not a violation.
    expect(world.kit.gh.world.violations).toEqual([]);
  });

  it('answers a field of the schema it does not resolve as an error and records it as unimplemented', async () => {
    const answer = await onPull('number reviewDecision');
    expect(answer.status).toBe(200);
    // Never a made-up null without an error: the client sees the field failed.
    expect(answer.body).toEqual({
      data: { repository: { pullRequest: { number: world.pr.number, reviewDecision: null } } },
      errors: [
        expect.objectContaining({
          path: ['repository', 'pullRequest', 'reviewDecision'],
          message: 'fake-github does not resolve PullRequest.reviewDecision',
        }),
      ],
    });
    expect(takeViolations(world.kit)).toEqual([
      {
        kind: 'unimplemented',
        subject: 'graphql PullRequest.reviewDecision',
        detail: 'at repository.pullRequest.reviewDecision',
      },
    ]);
  });
});
