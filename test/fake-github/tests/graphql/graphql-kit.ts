import { ProbotOctokit } from 'probot';
import { PullKit } from '../pulls/pull-kit.js';
import { openPullRequest } from '../../control/pull-ops.js';
import type { PullIssue } from '../../render/pull-request.js';
import type { Permissions, RepoState } from '../../world/types.js';
import type { ViolationKind } from '../../world/logs.js';

/** The pull request as Sluice reads it over GraphQL: one query, every field the gate needs. */
export const pullRequestQuery = `
  query ($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        number
        title
        body
        state
        isDraft
        author { login }
        headRefOid
        headRefName
        baseRefName
        baseRefOid
        mergeable
        potentialMergeCommit { oid tree { oid } parents(first: 2) { nodes { oid } } }
        labels(first: 100) { nodes { name } }
        commits(first: 100) {
          totalCount
          nodes {
            commit { oid authors(first: 10) { nodes { name email user { login } } } }
          }
        }
      }
    }
  }
`;

export interface PullRequestData {
  repository: {
    pullRequest: {
      number: number;
      title: string;
      body: string;
      state: 'OPEN' | 'CLOSED' | 'MERGED';
      isDraft: boolean;
      author: { login: string } | null;
      headRefOid: string;
      headRefName: string;
      baseRefName: string;
      baseRefOid: string;
      mergeable: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
      potentialMergeCommit: {
        oid: string;
        tree: { oid: string };
        parents: { nodes: { oid: string }[] };
      } | null;
      labels: { nodes: { name: string }[] };
      commits: {
        totalCount: number;
        nodes: {
          commit: {
            oid: string;
            authors: {
              nodes: { name: string; email: string; user: { login: string } | null }[];
            };
          };
        }[];
      };
    };
  };
}

/** What a GraphQL error carries on GitHub (`type` for execution errors, `extensions` for validation). */
export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: { line: number; column: number }[];
  message: string;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: GraphqlError[]; message?: string; documentation_url?: string };
}

/** The installation token the kit's app uses (the same one `kit.app().graphql` sends). */
export async function installationToken(
  octokit: InstanceType<typeof ProbotOctokit>,
): Promise<string> {
  return ((await octokit.auth({ type: 'installation' })) as { token: string }).token;
}

/**
 * A GraphQL request on the wire, for asserting on what Octokit hides: the HTTP status and
 * the whole body (data and errors together). `authorization: null` sends no credentials;
 * `path` may be `/graphql`, the address GitHub.com also answers at.
 */
export async function postGraphql(
  kit: PullKit,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  authorization: string | null,
  path: '/api/graphql' | '/graphql' = '/api/graphql',
): Promise<RawAnswer> {
  const response = await fetch(`${kit.gh.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === null ? {} : { authorization }),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as RawAnswer['body'],
  };
}

/** Another app installed on `acme` with only `permissions` (plus metadata), as an installation Octokit. */
export function installAppWith(
  kit: PullKit,
  slug: string,
  permissions: Permissions,
): InstanceType<typeof ProbotOctokit> {
  const registered = kit.gh.registerApp({ slug, permissions, events: [] });
  const installation = kit.gh.install(registered.app, { account: 'acme' });
  return installationOctokit(kit, registered, installation);
}

/** An Octokit acting as `installation` of the registered app, without retries or throttling. */
export function installationOctokit(
  kit: PullKit,
  registered: { app: { id: number }; privateKey: string },
  installation: { id: number },
): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({
    auth: {
      appId: registered.app.id,
      privateKey: registered.privateKey,
      installationId: installation.id,
    },
    baseUrl: kit.gh.apiUrl,
    throttle: { enabled: false },
    retry: { enabled: false },
  });
}

/**
 * Consumes the violations recorded so far (the stand-in is shared by the tests of a file), so
 * a test that provokes one on purpose asserts on it and leaves `assertClean()` green.
 */
export function takeViolations(
  kit: PullKit,
): { kind: ViolationKind; subject: string; detail: string }[] {
  return kit.gh.world.violations
    .splice(0)
    .map(({ kind, subject, detail }) => ({ kind, subject, detail }));
}

/**
 * The end-of-test check for a file whose tests share one stand-in: whatever a test left
 * unconsumed fails that test, and is then dropped so it does not fail the next ones too.
 */
export function assertCleanAndReset(kit: PullKit): void {
  try {
    kit.gh.assertClean();
  } finally {
    kit.gh.world.violations.length = 0;
  }
}

/** One stand-in with one open PR (`acme/<repo>#1`, by alice) and an installation token for it. */
export interface OnePullWorld {
  kit: PullKit;
  repo: RepoState;
  pr: PullIssue;
  /** `token <installation token>`, for `postGraphql`. */
  auth: string;
  post(query: string, variables?: Record<string, unknown>): Promise<RawAnswer>;
  /** Selects `selection` on the PR through `repository.pullRequest`. */
  onPull(selection: string): Promise<RawAnswer>;
  /** After each test: faults cleared, the stand-in checked clean and its violations reset. */
  reset(): void;
}

export async function startOnePullWorld(): Promise<OnePullWorld> {
  const kit = await PullKit.start();
  const repo = await kit.repo();
  const pr = await openPullRequest(kit.services, {
    repo,
    author: 'alice',
    branch: 'topic',
    commits: [{ message: 'Change a', files: { 'src/a.ts': 'export const a = 2;\n' } }],
  });
  const auth = `token ${await installationToken(kit.app())}`;
  const post = (query: string, variables: Record<string, unknown> = {}) =>
    postGraphql(kit, { query, variables }, auth);
  return {
    kit,
    repo,
    pr,
    auth,
    post,
    onPull: (selection) =>
      post(
        `query ($name: String!, $number: Int!) {
      repository(owner: "acme", name: $name) { pullRequest(number: $number) { ${selection} } }
    }`,
        { name: repo.name, number: pr.number },
      ),
    reset: () => {
      kit.gh.faults.clear();
      assertCleanAndReset(kit);
    },
  };
}
