import { Octokit } from '@octokit/rest';
import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../../fake-github.js';
import { settle } from '../../../control/settle.js';
import type { CreateRepoInput } from '../../../control/create-repo.js';
import type { RegisteredApp } from '../../../control/register-app.js';
import type { Installation, Permissions, RepoState } from '../../../world/types.js';

/** The payload fields these tests read (the stand-in has already checked the rest against the spec). */
export interface DeliveredPayload {
  action?: string;
  sender: { login: string; type: string };
  label?: { name: string };
  comment?: { body: string };
  review?: { state: string; body: string | null };
  issue?: { pull_request?: unknown };
  pull_request?: { labels: { name: string }[] };
  changes?: unknown;
}

export interface Delivered {
  event: string;
  action: string | undefined;
  payload: DeliveredPayload;
}

export interface RepoWorld {
  gh: FakeGitHub;
  registered: RegisteredApp;
  installation: Installation;
  repo: RepoState;
  /** Webhooks the app received, in order. */
  received: Delivered[];
  /** The app, authenticated as its installation (the way Probot does). */
  app: InstanceType<typeof ProbotOctokit>;
}

export interface RepoWorldOptions extends Partial<CreateRepoInput> {
  /** What the installation may do; defaults to everything this area needs. */
  permissions?: Permissions;
}

export const fullPermissions: Permissions = {
  contents: 'write',
  issues: 'write',
  pull_requests: 'write',
  administration: 'read',
  metadata: 'read',
};

/** A fresh stand-in with `acme/widgets` and the `sluice` app installed on `acme`, webhooks recorded. */
export async function startRepoWorld(options: RepoWorldOptions = {}): Promise<RepoWorld> {
  const { permissions = fullPermissions, ...repoInput } = options;
  const gh = await FakeGitHub.start();
  const registered = gh.registerApp({
    slug: 'sluice',
    permissions,
    events: ['pull_request', 'issues', 'issue_comment', 'pull_request_review'],
  });
  const repo = await gh.createRepo({
    fullName: 'acme/widgets',
    ownerType: 'Organization',
    files: { 'README.md': 'hello\n' },
    ...repoInput,
  });
  const received: Delivered[] = [];
  const installation = gh.install(registered.app, {
    account: 'acme',
    receiver: (delivery) => {
      const payload = JSON.parse(delivery.body) as DeliveredPayload;
      received.push({ event: delivery.event, action: payload.action, payload });
      return Promise.resolve({ status: 200 });
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
  });
  return { gh, registered, installation, repo, received, app };
}

/** A person using the REST API with a personal access token. */
export function userOctokit(gh: FakeGitHub, login: string): Octokit {
  // Quiet: tests provoke 4xx answers on purpose, which Octokit's request log prints as errors.
  const quiet = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  return new Octokit({ auth: gh.createUser(login).token, baseUrl: gh.apiUrl, log: quiet });
}

/** Waits until every webhook caused so far has been delivered. */
export function settled(gh: FakeGitHub): Promise<void> {
  return settle(gh.world, gh.deliveries, { quietMs: 30 });
}
