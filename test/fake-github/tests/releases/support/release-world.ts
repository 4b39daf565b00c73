import { Octokit } from '@octokit/rest';
import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../../fake-github.js';
import { settle } from '../../../control/settle.js';
import type { Permissions, RepoState } from '../../../world/types.js';

/** A delivered `release` or `push` webhook, reduced to what these tests compare. */
export interface Heard {
  event: string;
  action: string | undefined;
  /** The release's tag for `release`, the ref for `push`. */
  subject: string;
  sender: string;
  changes?: unknown;
}

interface DeliveredBody {
  action?: string;
  release?: { tag_name: string };
  ref?: string;
  sender: { login: string };
  changes?: unknown;
}

export interface ReleaseWorld {
  gh: FakeGitHub;
  repo: RepoState;
  /** The `releaser` app as its installation on `acme`, in-process through `gh.fetch`. */
  app: InstanceType<typeof ProbotOctokit>;
  /** Webhooks the app heard, in order (`release` and `push`). */
  heard: Heard[];
  /** A person with a personal access token; `role` on `acme/widgets` unless none. */
  user(login: string, role?: 'write' | 'read'): Octokit;
  /** An installation client of another app with `permissions`. */
  installation(slug: string, permissions: Permissions): InstanceType<typeof ProbotOctokit>;
  /** Every webhook so far delivered, then `heard` emptied. */
  drain(): Promise<Heard[]>;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };

/** A fresh stand-in with `acme/widgets` (main holds one commit) and `releaser` installed. */
export async function startReleaseWorld(): Promise<ReleaseWorld> {
  const gh = await FakeGitHub.start();
  const repo = await gh.createRepo({
    fullName: 'acme/widgets',
    ownerType: 'Organization',
    files: { 'README.md': 'hello\n' },
  });
  const heard: Heard[] = [];
  const installation = (slug: string, permissions: Permissions, listen = false) => {
    const registered = gh.registerApp({ slug, permissions, events: ['release', 'push'] });
    const installed = gh.install(registered.app, {
      account: 'acme',
      receiver: (delivery) => {
        const body = JSON.parse(delivery.body) as DeliveredBody;
        if (listen) heard.push(toHeard(delivery.event, body));
        return Promise.resolve({ status: 200 });
      },
    });
    return new ProbotOctokit({
      auth: {
        appId: registered.app.id,
        privateKey: registered.privateKey,
        installationId: installed.id,
      },
      baseUrl: gh.apiUrl,
      request: { fetch: gh.fetch },
      throttle: { enabled: false },
      retry: { enabled: false },
      // 4xx answers are provoked on purpose here; Octokit would print each one.
      log: { ...quiet, error: () => undefined },
    });
  };
  const app = installation('releaser', { contents: 'write' }, true);
  return {
    gh,
    repo,
    app,
    heard,
    user(login, role) {
      if (role) repo.collaborators.set(login, role);
      const { token } = gh.createUser(login);
      const log = { ...quiet, error: () => undefined };
      return new Octokit({ auth: token, baseUrl: gh.apiUrl, request: { fetch: gh.fetch }, log });
    },
    installation: (slug, permissions) => installation(slug, permissions),
    async drain() {
      await settle(gh.world, gh.deliveries, { quietMs: 30 });
      return heard.splice(0);
    },
  };
}

function toHeard(event: string, body: DeliveredBody): Heard {
  return {
    event,
    action: body.action,
    subject: body.release?.tag_name ?? body.ref ?? '',
    sender: body.sender.login,
    ...(body.changes === undefined ? {} : { changes: body.changes }),
  };
}

export const widgets = { owner: 'acme', repo: 'widgets' } as const;
