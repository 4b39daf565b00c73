import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../../../fake-github/fake-github.js';
import type { Permissions, RepoState } from '../../../fake-github/world/types.js';
import type { GitHubRepository } from '../../../../src/changelog-github/index.js';

/** What a workflow's `GITHUB_TOKEN` may do by default, as far as the changelog cares. */
export const actionsPermissions: Permissions = {
  contents: 'write',
  issues: 'read',
  pull_requests: 'read',
};

export type TokenKind = 'GITHUB_TOKEN' | 'personal token';

/**
 * One stand-in per test file with `acme/widgets`. The ports build their own Octokit from a
 * token and a base URL, exactly as the Action and the CLI hand them over, so they reach the
 * stand-in over its HTTP socket; the harness's own calls stay in-process (`gh.fetch`).
 */
export class ChangelogGitHubKit {
  #apps = 0;

  private constructor(
    readonly gh: FakeGitHub,
    readonly repo: RepoState,
  ) {}

  static async start(): Promise<ChangelogGitHubKit> {
    const gh = await FakeGitHub.start();
    const repo = await gh.createRepo({
      fullName: 'acme/widgets',
      ownerType: 'Organization',
      files: { 'README.md': 'hello\n' },
      collaborators: { maintainer: 'write' },
    });
    return new ChangelogGitHubKit(gh, repo);
  }

  /**
   * A workflow's `GITHUB_TOKEN` is an installation token of the Actions app: this installs
   * an app with `permissions` and exchanges its JWT for a token, in-process.
   */
  async installationToken(permissions: Permissions = actionsPermissions): Promise<string> {
    this.#apps += 1;
    const registered = this.gh.registerApp({
      slug: `actions-${this.#apps}`,
      permissions,
      events: [],
    });
    const installation = this.gh.install(registered.app, { account: 'acme' });
    const octokit = new ProbotOctokit({
      auth: {
        appId: registered.app.id,
        privateKey: registered.privateKey,
        installationId: installation.id,
      },
      baseUrl: this.gh.apiUrl,
      request: { fetch: this.gh.fetch },
      throttle: { enabled: false },
    });
    const auth = (await octokit.auth({ type: 'installation' })) as { token: string };
    return auth.token;
  }

  /** A person with push access to `acme/widgets` (the CLI user's `GITHUB_TOKEN`). */
  personalToken(): string {
    return this.gh.createUser('maintainer').token;
  }

  token(kind: TokenKind): Promise<string> {
    return kind === 'GITHUB_TOKEN'
      ? this.installationToken()
      : Promise.resolve(this.personalToken());
  }

  repository(token: string): GitHubRepository {
    return { owner: 'acme', repo: 'widgets', token, baseUrl: this.gh.apiUrl };
  }

  /** Requests the stand-in answered since request number `since`, as `operationId status`. */
  callsSince(since: number): string[] {
    return this.gh.world.requests
      .slice(since)
      .filter((r) => r.operationId !== 'apps/create-installation-access-token')
      .map((r) => `${r.operationId ?? r.path} ${r.status}`);
  }

  get requestCount(): number {
    return this.gh.world.requests.length;
  }

  close(): Promise<void> {
    return this.gh.close();
  }
}
