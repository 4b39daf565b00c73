import { Octokit } from '@octokit/rest';
import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../fake-github.js';
import type { CreateRepoInput } from '../../control/create-repo.js';
import type { RegisteredApp } from '../../control/register-app.js';
import type { Installation, RepoState } from '../../world/types.js';
import { WebhookInbox, type Received, type WebhookPayload } from './webhook-inbox.js';

/** Tests assert on errors themselves; @octokit/rest would also print each one. */
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * One stand-in per test file: an app installed on `acme` that collects its webhooks, an
 * installation Octokit as Probot builds it, and people with their own tokens. Each test makes
 * its own repository, so tests in a file do not share state.
 */
export class PullKit {
  readonly inbox = new WebhookInbox();
  #repoCount = 0;
  #installation: Installation | undefined;
  #app: InstanceType<typeof ProbotOctokit> | undefined;

  private constructor(
    readonly gh: FakeGitHub,
    readonly registered: RegisteredApp,
  ) {}

  static async start(): Promise<PullKit> {
    const gh = await FakeGitHub.start();
    gh.world.account('acme', 'Organization');
    const registered = gh.registerApp({
      slug: 'sluice',
      permissions: {
        contents: 'write',
        pull_requests: 'write',
        checks: 'read',
        statuses: 'read',
        administration: 'read',
      },
      events: ['pull_request', 'push'],
    });
    const kit = new PullKit(gh, registered);
    kit.#installation = gh.install(registered.app, {
      account: 'acme',
      receiver: (delivery) => {
        const payload = JSON.parse(delivery.body) as WebhookPayload;
        kit.inbox.received.push({
          event: delivery.event,
          action: payload.action as string | undefined,
          payload,
        });
        return Promise.resolve({ status: 200 });
      },
    });
    return kit;
  }

  get installation(): Installation {
    return this.#installation!;
  }

  get services() {
    return this.gh.services;
  }

  /** The app's view: an installation token, no retries or throttling (errors surface at once). */
  app(): InstanceType<typeof ProbotOctokit> {
    // One client per file: it caches its installation token, as a running app does.
    return (this.#app ??= new ProbotOctokit({
      auth: {
        appId: this.registered.app.id,
        privateKey: this.registered.privateKey,
        installationId: this.installation.id,
      },
      baseUrl: this.gh.apiUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
    }));
  }

  /** A person with a personal token (created on first use). */
  user(login: string): Octokit {
    return new Octokit({
      auth: this.gh.createUser(login).token,
      baseUrl: this.gh.apiUrl,
      log: quiet,
    });
  }

  async repo(input: Partial<CreateRepoInput> = {}): Promise<RepoState> {
    this.#repoCount += 1;
    return this.gh.createRepo({
      fullName: `acme/widgets-${this.#repoCount}`,
      ownerType: 'Organization',
      files: { 'README.md': 'hello\n', 'src/a.ts': 'export const a = 1;\n' },
      collaborators: { alice: 'write', bob: 'write' },
      ...input,
    });
  }

  /** A commit on `branch` written straight into git: no push is reported (GitHub has not seen it yet). */
  async commit(
    repo: RepoState,
    branch: string,
    files: Record<string, string>,
    by = 'bob',
  ): Promise<string> {
    const author = { name: by, email: this.gh.world.account(by).email };
    const message = `change ${Object.keys(files).join(', ')}`;
    const date = this.gh.world.clock.tick();
    return (await repo.git.commitFiles({ branch, files, message, author, date })).sha;
  }

  /** A developer's push of one commit: `push` webhook, PR sync, as `git push` would. */
  async push(
    repo: RepoState,
    branch: string,
    files: Record<string, string>,
    by = 'bob',
  ): Promise<string> {
    const ref = `refs/heads/${branch}`;
    const before = (await repo.git.resolveRef(ref))!;
    const after = await this.commit(repo, branch, files, by);
    const pusher = this.gh.world.account(by);
    await this.gh.refs.refsChanged({ repo, changes: [{ ref, before, after }], pusher });
    return after;
  }

  /** Creates `branch` at the tip of main, as `git branch` would (no push reported). */
  async branch(repo: RepoState, branch: string): Promise<void> {
    await repo.git.createRef(
      `refs/heads/${branch}`,
      (await repo.git.resolveRef('refs/heads/main'))!,
    );
  }

  waitFor(...args: Parameters<WebhookInbox['waitFor']>): ReturnType<WebhookInbox['waitFor']> {
    return this.inbox.waitFor(...args);
  }

  async settled(repo: RepoState): Promise<Received[]> {
    await new Promise((r) => setImmediate(r));
    await this.gh.deliveries.idle.wait();
    return this.inbox.deliveriesFor(repo);
  }

  close(): Promise<void> {
    return this.gh.close();
  }
}
