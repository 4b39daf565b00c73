import type { Probot, ProbotOctokit } from 'probot';
import { withOperation } from '../github/request-operation.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Told of every client handed out, once each, with the account it speaks for (metrics). */
export type WatchOctokit = (octokit: Octokit, account: string) => void;

export interface InstalledRepository {
  fullName: string;
  defaultBranch: string;
}

/**
 * Which installation covers which repository, learnt from webhooks and asked of GitHub when
 * unknown (a sweep after a restart), so any queue can be reconciled without a webhook.
 */
export class Installations {
  readonly #byRepo = new Map<string, number>();
  /** Probot hands out the same app client every time, and a new one per installation. */
  readonly #watched = new WeakSet<Octokit>();

  constructor(
    private readonly app: Probot,
    private readonly onClient?: WatchOctokit,
  ) {}

  /** The client authenticated as the app itself (installations, the app's identity). */
  async appOctokit(): Promise<Octokit> {
    return this.#instrumented(await this.app.auth(), 'app');
  }

  remember(repo: string, installationId: number): void {
    this.#byRepo.set(repo.toLowerCase(), installationId);
  }

  async octokitFor(repo: string): Promise<Octokit> {
    let id = this.#byRepo.get(repo.toLowerCase());
    if (id === undefined) {
      const [owner = '', name = ''] = repo.split('/');
      const appOctokit = await this.appOctokit();
      const { data } = await withOperation('apps/get-repo-installation', () =>
        appOctokit.rest.apps.getRepoInstallation({ owner, repo: name }),
      );
      id = data.id;
      this.remember(repo, id);
    }
    return this.#instrumented(await this.app.auth(id), repo.split('/')[0] ?? '');
  }

  /** Every repository of every installation (the periodic sweep looks for labeled PRs there). */
  async listRepositories(): Promise<string[]> {
    return (await this.listInstalledRepositories()).map((repo) => repo.fullName);
  }

  /**
   * The same, with each default branch: the listing carries it, so discovery needs no
   * `repos/get` per repository. One request for the installations, one per installation
   * (per 100 repositories).
   */
  async listInstalledRepositories(): Promise<InstalledRepository[]> {
    const appOctokit = await this.appOctokit();
    const installations = await withOperation('apps/list-installations', () =>
      appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 }),
    );
    const repos: InstalledRepository[] = [];
    for (const installation of installations) {
      const account =
        installation.account && 'login' in installation.account
          ? installation.account.login
          : String(installation.id);
      const octokit = this.#instrumented(await this.app.auth(installation.id), account);
      const list = await withOperation('apps/list-repos-accessible-to-installation', () =>
        octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 }),
      );
      for (const repo of list) {
        this.remember(repo.full_name, installation.id);
        repos.push({ fullName: repo.full_name, defaultBranch: repo.default_branch });
      }
    }
    return repos;
  }

  #instrumented(octokit: Octokit, account: string): Octokit {
    if (this.onClient && !this.#watched.has(octokit)) {
      this.#watched.add(octokit);
      this.onClient(octokit, account.toLowerCase());
    }
    return octokit;
  }
}

export type { Octokit };
