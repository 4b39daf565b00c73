import { Octokit } from '@octokit/rest';
import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../../fake-github.js';
import type { RepoHandle } from '../../../control/repo-handle.js';
import type { Installation, OutgoingDelivery, Permissions } from '../../../world/types.js';

/** Tests provoke errors on purpose; Octokit would print every one of them. */
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface Arrival {
  id: string;
  event: string;
  action: string | undefined;
  body: string;
  /** Real time of arrival, for delays. */
  at: number;
}

export interface FaultWorld {
  gh: FakeGitHub;
  repo: RepoHandle;
  installation: Installation;
  /** What the app's webhook endpoint got since the last `nextTest()`, in arrival order. */
  arrivals: Arrival[];
  /** The app's webhook endpoint: set `answer` to make it fail (a broken app answers 500). */
  endpoint: { answer: (delivery: OutgoingDelivery) => number };
  /** The app as Probot builds it, minus retries and throttling, so each fault shows at once. */
  app: InstanceType<typeof ProbotOctokit>;
  /** A person with write access and a personal token. */
  alice: Octokit;
  /** A fresh pull request by alice, its webhooks already delivered and forgotten. */
  openPull(): Promise<number>;
  /** Forgets the previous test's arrivals, fault rules and chaos rules. */
  nextTest(): void;
}

export const fullPermissions: Permissions = {
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  metadata: 'read',
};

export const widgets = { owner: 'acme', repo: 'widgets' } as const;

/**
 * One stand-in per test file (start-up generates RSA keys, so it is not free): `acme/widgets`,
 * and the app installed with a recording webhook endpoint. Tests take fresh pull requests.
 */
export async function startFaultWorld(
  options: { viaFetch?: boolean; permissions?: Permissions } = {},
): Promise<FaultWorld> {
  const gh = await FakeGitHub.start();
  const registered = gh.registerApp({
    slug: 'sluice',
    permissions: options.permissions ?? fullPermissions,
    events: ['pull_request', 'issue_comment', 'push'],
  });
  await gh.createRepo({
    fullName: 'acme/widgets',
    ownerType: 'Organization',
    files: { 'README.md': '# widgets\n' },
    collaborators: { alice: 'write', bob: 'write' },
  });
  const arrivals: Arrival[] = [];
  const endpoint = { answer: (_delivery: OutgoingDelivery) => 200 };
  const installation = gh.install(registered.app, {
    account: 'acme',
    receiver: (delivery) => {
      const { action } = JSON.parse(delivery.body) as { action?: string };
      const { id, event, body } = delivery;
      arrivals.push({ id, event, action, body, at: Date.now() });
      return Promise.resolve({ status: endpoint.answer(delivery) });
    },
  });
  const app = new ProbotOctokit({
    auth: {
      appId: registered.app.id,
      privateKey: registered.privateKey,
      installationId: installation.id,
    },
    baseUrl: gh.apiUrl,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: quiet,
    ...(options.viaFetch ? { request: { fetch: gh.fetch } } : {}),
  });
  const alice = new Octokit({ auth: gh.createUser('alice').token, baseUrl: gh.apiUrl, log: quiet });
  const repo = gh.repo('acme/widgets');
  let branches = 0;
  return {
    gh,
    repo,
    installation,
    arrivals,
    endpoint,
    app,
    alice,
    openPull: async () => {
      branches += 1;
      const pull = await repo.openPullRequest({
        author: 'alice',
        branch: `feature/${branches}`,
        commits: [{ message: `add ${branches}`, files: { [`f${branches}.txt`]: 'x\n' } }],
      });
      await gh.settle({ quietMs: 20 });
      arrivals.length = 0;
      return pull.number;
    },
    nextTest: () => {
      arrivals.length = 0;
      endpoint.answer = () => 200;
      gh.faults.clear();
      gh.deliveries.clearChaos();
    },
  };
}
