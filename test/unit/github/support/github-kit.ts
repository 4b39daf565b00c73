import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../../fake-github/fake-github.js';
import type { CreateRepoInput } from '../../../fake-github/control/create-repo.js';
import type { Permissions, RepoState } from '../../../fake-github/world/types.js';
import { createRepoGitHub, type DebugLog, type RepoGitHub } from '../../../../src/github/index.js';

/** Everything Sluice asks of an installation. */
export const sluicePermissions: Permissions = {
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  checks: 'write',
  statuses: 'read',
  actions: 'write',
  administration: 'read',
};

/** The same without Administration: branch protection is then unreadable. */
const { administration: _, ...withoutAdministration } = sluicePermissions;

export type AppName = 'sluice' | 'sluice-lite';

interface Installed {
  appId: number;
  privateKey: string;
  installationId: number;
}

/**
 * One stand-in per test file, `acme` with two installations: `sluice` (everything) and
 * `sluice-lite` (no Administration). Each test makes its own repository. Probot's retry
 * plugin stays on, so the tests prove that decision writes are sent exactly once.
 */
export class GitHubKit {
  #repos = 0;

  private constructor(
    readonly gh: FakeGitHub,
    readonly apps: Record<AppName, Installed>,
  ) {}

  static async start(): Promise<GitHubKit> {
    const gh = await FakeGitHub.start();
    gh.world.account('acme', 'Organization');
    const install = (slug: AppName, permissions: Permissions): Installed => {
      // `pull_request` deliveries feed the issue-events workaround (see stand-in-fetch.ts).
      const registered = gh.registerApp({ slug, permissions, events: ['pull_request'] });
      const installation = gh.install(registered.app, {
        account: 'acme',
        receiver: () => Promise.resolve({ status: 200 }),
      });
      return {
        appId: registered.app.id,
        privateKey: registered.privateKey,
        installationId: installation.id,
      };
    };
    return new GitHubKit(gh, {
      sluice: install('sluice', sluicePermissions),
      'sluice-lite': install('sluice-lite', withoutAdministration),
    });
  }

  get services() {
    return this.gh.services;
  }

  async repo(input: Partial<CreateRepoInput> = {}): Promise<RepoState> {
    this.#repos += 1;
    return this.gh.createRepo({
      fullName: `acme/widgets-${this.#repos}`,
      ownerType: 'Organization',
      files: { 'README.md': 'hello\n', 'src/a.ts': 'export const a = 1;\n' },
      collaborators: { alice: 'write', bob: 'write', carol: 'write' },
      ...input,
    });
  }

  /** In-process through `gh.fetch` by default; `overHttp` uses real sockets and Node's fetch. */
  octokit(app: AppName = 'sluice', options: { overHttp?: boolean } = {}): ProbotOctokit {
    const { appId, privateKey, installationId } = this.apps[app];
    const fetch = this.gh.fetch;
    return new ProbotOctokit({
      auth: { appId, privateKey, installationId },
      baseUrl: this.gh.apiUrl,
      ...(options.overHttp ? {} : { request: { fetch } }),
      throttle: { enabled: false },
    });
  }

  port(
    repo: RepoState,
    app: AppName = 'sluice',
    options: { overHttp?: boolean; log?: DebugLog } = {},
  ): RepoGitHub {
    const octokit = this.octokit(app, options);
    return createRepoGitHub({ octokit, owner: 'acme', repo: repo.name, log: options.log });
  }

  /** Requests the stand-in logged for one operation, e.g. `pulls/merge`. */
  requests(operationId: string) {
    return this.gh.world.requests.filter((r) => r.operationId === operationId);
  }

  /** Operations called since request number `since`, leaving out token exchanges. */
  operationsSince(since: number): (string | null)[] {
    return this.gh.world.requests
      .slice(since)
      .map((r) => r.operationId)
      .filter((op) => op !== 'apps/create-installation-access-token');
  }

  close(): Promise<void> {
    return this.gh.close();
  }
}
