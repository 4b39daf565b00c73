import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  installAppWith,
  installationToken,
  postGraphql,
  startOnePullWorld,
  takeViolations,
  type OnePullWorld,
} from '../graphql/graphql-kit.js';
import { repositoryIdOf, repositoryNodeId } from '../../graphql/repository-node-id.js';

/** What Sluice sends right before landing: the PR and the policy that gates it, read fresh. */
const landingView = /* GraphQL */ `
  query LandingView(
    $owner: String!
    $name: String!
    $number: Int!
    $base: String!
    $config: String!
  ) {
    repository(owner: $owner, name: $name) {
      id
      pullRequest(number: $number) {
        number
        state
        headRefOid
        baseRefName
        labels(first: 100) {
          nodes {
            name
          }
        }
      }
      baseRef: ref(qualifiedName: $base) {
        name
        target {
          oid
        }
        branchProtectionRule {
          pattern
          requiresStatusChecks
          requiredStatusCheckContexts
          requiredStatusChecks {
            context
          }
          requiresApprovingReviews
          requiredApprovingReviewCount
        }
        rules(first: 100) {
          nodes {
            type
            parameters {
              ... on RequiredStatusChecksParameters {
                requiredStatusChecks {
                  context
                }
              }
              ... on PullRequestParameters {
                requiredApprovingReviewCount
              }
            }
          }
        }
      }
      defaultBranchRef {
        name
        target {
          oid
        }
      }
      config: object(expression: $config) {
        oid
        ... on Blob {
          text
          byteSize
        }
      }
    }
  }
`;

const config = 'required:\n  - build\n';

let world: OnePullWorld;
let mainTip: string;
beforeAll(async () => {
  world = await startOnePullWorld();
  mainTip = await world.kit.push(world.repo, 'main', { '.github/sluice.yml': config });
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const variables = (overrides: Record<string, unknown> = {}) => ({
  owner: 'acme',
  name: world.repo.name,
  number: world.pr.number,
  base: 'refs/heads/main',
  config: 'main:.github/sluice.yml',
  ...overrides,
});
const handle = () => world.kit.gh.repo(world.repo.fullName);

describe('the landing view: the PR and the policy that gates it, in one query', () => {
  it('answers the repository id, the base tip, protection, rulesets and the config file', async () => {
    handle().protect('main', { requiredChecks: ['build', 'test'], requiredApprovals: 1 });
    const ruleset = handle().addRuleset({
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['lint'],
      requiredApprovals: 2,
    });
    const answer = await world.post(landingView, variables());
    const blobSha = await world.repo.git.git(['rev-parse', 'main:.github/sluice.yml']);
    expect(answer.body).toEqual({
      data: {
        repository: {
          id: repositoryNodeId(world.repo.id),
          pullRequest: {
            number: world.pr.number,
            state: 'OPEN',
            headRefOid: world.pr.pull.headSha,
            baseRefName: 'main',
            labels: { nodes: [] },
          },
          baseRef: {
            name: 'main',
            target: { oid: mainTip },
            branchProtectionRule: {
              pattern: 'main',
              requiresStatusChecks: true,
              requiredStatusCheckContexts: ['build', 'test'],
              requiredStatusChecks: [{ context: 'build' }, { context: 'test' }],
              requiresApprovingReviews: true,
              requiredApprovingReviewCount: 1,
            },
            rules: {
              nodes: [
                {
                  type: 'REQUIRED_STATUS_CHECKS',
                  parameters: { requiredStatusChecks: [{ context: 'lint' }] },
                },
                { type: 'PULL_REQUEST', parameters: { requiredApprovingReviewCount: 2 } },
              ],
            },
          },
          defaultBranchRef: { name: 'main', target: { oid: mainTip } },
          config: {
            oid: blobSha.stdout.toString('utf8').trim(),
            text: config,
            byteSize: config.length,
          },
        },
      },
    });
    handle().removeRuleset(ruleset.id);
    handle().protect('main', null);
  });

  it('reads policy fresh: a protection change shows in the next answer', async () => {
    handle().protect('main', { requiredChecks: ['build'] });
    const before = await world.post(landingView, variables());
    handle().protect('main', { requiredChecks: ['build', 'e2e'] });
    const after = await world.post(landingView, variables());
    const contexts = (body: unknown) =>
      (body as { data: { repository: { baseRef: { branchProtectionRule: unknown } } } }).data
        .repository.baseRef.branchProtectionRule;
    expect(contexts(before.body)).toMatchObject({ requiredStatusCheckContexts: ['build'] });
    expect(contexts(after.body)).toMatchObject({ requiredStatusCheckContexts: ['build', 'e2e'] });
    handle().protect('main', null);
  });

  it('answers branchProtectionRule null with FORBIDDEN for an App without administration, the rulesets still', async () => {
    handle().protect('main', { requiredChecks: ['build'] });
    const ruleset = handle().addRuleset({
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['lint'],
    });
    const noAdmin = installAppWith(world.kit, 'no-admin', {
      contents: 'read',
      pull_requests: 'read',
    });
    const answer = await postGraphql(
      world.kit,
      { query: landingView, variables: variables() },
      `token ${await installationToken(noAdmin)}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        type: 'FORBIDDEN',
        path: ['repository', 'baseRef', 'branchProtectionRule'],
        message: 'Resource not accessible by integration',
      }),
    ]);
    expect(answer.body.data).toMatchObject({
      repository: {
        baseRef: {
          name: 'main',
          branchProtectionRule: null,
          rules: { nodes: [expect.objectContaining({ type: 'REQUIRED_STATUS_CHECKS' })] },
        },
        config: { text: config },
      },
    });
    handle().removeRuleset(ruleset.id);
    handle().protect('main', null);
  });

  it('answers an unprotected branch with no rule and no rules, without errors', async () => {
    const answer = await world.post(landingView, variables({ base: 'main' }));
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({
      repository: { baseRef: { name: 'main', branchProtectionRule: null, rules: { nodes: [] } } },
    });
  });
});

describe('refs and objects by name', () => {
  const read = (selection: string) =>
    world.post(
      `query ($name: String!) { repository(owner: "acme", name: $name) { ${selection} } }`,
      {
        name: world.repo.name,
      },
    );

  it('finds a ref by its full name and by its short name, and answers null for a missing one', async () => {
    const answer = await read(
      'full: ref(qualifiedName: "refs/heads/topic") { name prefix target { oid } } short: ref(qualifiedName: "topic") { name } none: ref(qualifiedName: "nope") { name }',
    );
    expect(answer.body).toEqual({
      data: {
        repository: {
          full: { name: 'topic', prefix: 'refs/heads/', target: { oid: world.pr.pull.headSha } },
          short: { name: 'topic' },
          none: null,
        },
      },
    });
  });

  it('answers a file as a Blob, a directory as a Tree, and a missing path as null', async () => {
    const answer = await read(`
      file: object(expression: "topic:src/a.ts") { __typename oid ... on Blob { text isBinary } }
      dir: object(expression: "main:src") { __typename oid }
      missing: object(expression: "main:no/such/file") { oid }
      bySha: object(expression: "${world.pr.pull.headSha}:src/a.ts") { ... on Blob { text } }
    `);
    const tree = await world.repo.git.git(['rev-parse', 'main:src']);
    expect(answer.body).toEqual({
      data: {
        repository: {
          file: {
            __typename: 'Blob',
            oid: expect.stringMatching(/^[0-9a-f]{40}$/),
            text: 'export const a = 2;\n',
            isBinary: false,
          },
          dir: { __typename: 'Tree', oid: tree.stdout.toString('utf8').trim() },
          missing: null,
          bySha: { text: 'export const a = 2;\n' },
        },
      },
    });
  });

  it('refuses object reads without contents permission, as repos/get-content does', async () => {
    const metadataOnly = installAppWith(world.kit, 'metadata-only', { metadata: 'read' });
    const answer = await postGraphql(
      world.kit,
      {
        query: `{ repository(owner: "acme", name: "${world.repo.name}") { object(expression: "main:README.md") { oid } } }`,
      },
      `token ${await installationToken(metadataOnly)}`,
    );
    expect(answer.body).toEqual({
      data: { repository: { object: null } },
      errors: [expect.objectContaining({ type: 'FORBIDDEN', path: ['repository', 'object'] })],
    });
    expect(takeViolations(world.kit)).toEqual([]);
  });
});

describe('the repository node id', () => {
  it('is the REST node_id, and decodes back to the repository id', async () => {
    const { data } = await world.kit.app().rest.repos.get({ owner: 'acme', repo: world.repo.name });
    const answer = await world.post(
      `query ($name: String!) { repository(owner: "acme", name: $name) { id } }`,
      { name: world.repo.name },
    );
    expect(answer.body).toEqual({ data: { repository: { id: data.node_id } } });
    expect(repositoryIdOf(data.node_id)).toBe(world.repo.id);
  });

  it('decodes nothing but a repository id in its canonical spelling', () => {
    const id = repositoryNodeId(world.repo.id);
    expect(repositoryIdOf(id.replace('R_', 'PR_'))).toBeUndefined();
    expect(repositoryIdOf(id.replace('kgDO', 'kgDO0'))).toBeUndefined();
    expect(repositoryIdOf(`${id} `)).toBeUndefined();
    expect(repositoryIdOf('')).toBeUndefined();
  });
});
