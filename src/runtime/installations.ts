import type { Probot, ProbotOctokit } from 'probot';

type Octokit = InstanceType<typeof ProbotOctokit>;

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

  constructor(private readonly app: Probot) {}

  remember(repo: string, installationId: number): void {
    this.#byRepo.set(repo.toLowerCase(), installationId);
  }

  async octokitFor(repo: string): Promise<Octokit> {
    let id = this.#byRepo.get(repo.toLowerCase());
    if (id === undefined) {
      const [owner = '', name = ''] = repo.split('/');
      const appOctokit = await this.app.auth();
      const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner, repo: name });
      id = data.id;
      this.remember(repo, id);
    }
    return this.app.auth(id);
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
    const appOctokit = await this.app.auth();
    const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
      per_page: 100,
    });
    const repos: InstalledRepository[] = [];
    for (const installation of installations) {
      const octokit = await this.app.auth(installation.id);
      const list = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
        per_page: 100,
      });
      for (const repo of list) {
        this.remember(repo.full_name, installation.id);
        repos.push({ fullName: repo.full_name, defaultBranch: repo.default_branch });
      }
    }
    return repos;
  }
}

export type { Octokit };
