import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../../fake-github.js';
import type { RegisteredApp } from '../../../control/register-app.js';
import type { Installation, Permissions, RepoState } from '../../../world/types.js';
import { zeroSha } from '../../../events/ref-hub.js';
import { ciOf } from '../../../ci/ci-of.js';
import type { CiEngine } from '../../../ci/ci-engine.js';

export interface Received {
  appId: number;
  event: string;
  action: string | undefined;
  /** Checked against the spec by the stand-in; tests match on the few fields they care about. */
  payload: Record<string, unknown>;
}

const ciPermissions: Permissions = {
  contents: 'write',
  pull_requests: 'read',
  checks: 'write',
  statuses: 'write',
  actions: 'write',
};
const ciEvents = [
  'check_run',
  'check_suite',
  'status',
  'workflow_run',
  'workflow_job',
  'push',
  'pull_request',
];

/**
 * One stand-in per test file with two apps installed on `acme`: `sluice` (ours) and
 * `other-ci` (a second checks app), both recording their webhooks. Each test makes its own
 * repository, so tests in a file do not share state.
 */
export class CiKit {
  #repos = 0;

  private constructor(
    readonly gh: FakeGitHub,
    /** Webhooks both apps received, in order. */
    readonly received: Received[],
    readonly sluice: { registered: RegisteredApp; installation: Installation },
    readonly other: { registered: RegisteredApp; installation: Installation },
  ) {}

  static async start(): Promise<CiKit> {
    const gh = await FakeGitHub.start();
    gh.world.account('acme', 'Organization');
    const received: Received[] = [];
    const install = (slug: string) => {
      const registered = gh.registerApp({ slug, permissions: ciPermissions, events: ciEvents });
      const installation = gh.install(registered.app, {
        account: 'acme',
        receiver: (delivery) => {
          const payload = JSON.parse(delivery.body) as Record<string, unknown>;
          received.push({
            appId: registered.app.id,
            event: delivery.event,
            action: payload.action as string | undefined,
            payload,
          });
          return Promise.resolve({ status: 200 });
        },
      });
      return { registered, installation };
    };
    return new CiKit(gh, received, install('sluice'), install('other-ci'));
  }

  get ci(): CiEngine {
    return ciOf(this.gh);
  }

  /** An installation Octokit as Probot builds it, over HTTP or in-process through `gh.fetch`. */
  octokit(
    which: 'sluice' | 'other' = 'sluice',
    options: { inProcess?: boolean } = {},
  ): InstanceType<typeof ProbotOctokit> {
    const { registered, installation } = which === 'sluice' ? this.sluice : this.other;
    return new ProbotOctokit({
      auth: {
        appId: registered.app.id,
        privateKey: registered.privateKey,
        installationId: installation.id,
      },
      baseUrl: this.gh.apiUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
      ...(options.inProcess ? { request: { fetch: this.gh.fetch } } : {}),
    });
  }

  async repo(
    files: Record<string, string> = { 'README.md': 'hello\n', 'src/a.ts': 'export const a = 1;\n' },
  ): Promise<RepoState> {
    this.#repos += 1;
    return this.gh.createRepo({
      fullName: `acme/widgets-${this.#repos}`,
      ownerType: 'Organization',
      files,
      collaborators: { alice: 'write' },
    });
  }

  /** A developer pushes one commit to `branch` (created from `from` when missing): the ref moves, CI hears of it. */
  async push(
    repo: RepoState,
    branch: string,
    files: Record<string, string>,
    options: { from?: string; by?: string } = {},
  ): Promise<string> {
    const by = this.gh.world.account(options.by ?? 'alice');
    const ref = `refs/heads/${branch}`;
    const before = await repo.git.resolveRef(ref);
    if (before === undefined)
      await repo.git.createRef(
        ref,
        (await repo.git.resolveRef(`refs/heads/${options.from ?? repo.defaultBranch}`))!,
      );
    const { sha } = await repo.git.commitFiles({
      branch,
      files,
      message: `Change ${Object.keys(files).join(', ')}`,
      author: { name: by.login, email: by.email },
      date: this.gh.world.clock.tick(),
    });
    await this.gh.refs.refsChanged({
      repo,
      changes: [{ ref, before: before ?? zeroSha, after: sha }],
      pusher: by,
    });
    return sha;
  }

  /** Everything delivered so far about `repo`, once deliveries are done. */
  async deliveries(
    repo: RepoState,
    filter: { app?: 'sluice' | 'other'; event?: string; action?: string } = {},
  ): Promise<Received[]> {
    await this.gh.settle({ quietMs: 20 });
    const appId =
      filter.app === undefined
        ? undefined
        : (filter.app === 'sluice' ? this.sluice : this.other).registered.app.id;
    return this.received.filter(
      (r) =>
        (r.payload.repository as { full_name?: string } | undefined)?.full_name === repo.fullName &&
        (appId === undefined || r.appId === appId) &&
        (filter.event === undefined || r.event === filter.event) &&
        (filter.action === undefined || r.action === filter.action),
    );
  }

  close(): Promise<void> {
    return this.gh.close();
  }
}

/** `event.action` names of deliveries, in order. */
export const keys = (received: Received[]): string[] =>
  received.map((r) => (r.action ? `${r.event}.${r.action}` : r.event));
