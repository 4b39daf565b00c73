import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GitRepo } from './git-repo.js';
import { runGit } from './run-git.js';

/** GitHub's owner and repository name alphabet; also keeps `..` out of file paths. */
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Every repository under one data directory, one `GitRepo` (hence one lock) per repository,
 * shared by the REST handlers and smart HTTP.
 */
export class GitHost {
  readonly homeDir: string;
  readonly #repos = new Map<string, GitRepo>();

  constructor(readonly dataDir: string) {
    // A dot name cannot be an owner, so it never collides with a repository path.
    this.homeDir = join(dataDir, '.git-home');
  }

  static isValidName(name: string): boolean {
    return NAME.test(name) && !name.startsWith('.');
  }

  async createRepo(input: {
    owner: string;
    name: string;
    defaultBranch?: string;
  }): Promise<GitRepo> {
    const repo = this.#instance(input.owner, input.name);
    await mkdir(this.homeDir, { recursive: true });
    await runGit(
      [
        'init',
        '--bare',
        '--quiet',
        `--initial-branch=${input.defaultBranch ?? 'main'}`,
        repo.gitDir,
      ],
      this.homeDir,
    );
    return repo;
  }

  /** The repository if it exists on disk. */
  async openRepo(owner: string, name: string): Promise<GitRepo | undefined> {
    if (!GitHost.isValidName(owner) || !GitHost.isValidName(name)) return undefined;
    const repo = this.#instance(owner, name);
    const found = await stat(join(repo.gitDir, 'HEAD')).catch(() => undefined);
    return found?.isFile() ? repo : undefined;
  }

  #instance(owner: string, name: string): GitRepo {
    if (!GitHost.isValidName(owner) || !GitHost.isValidName(name)) {
      throw new Error(`Invalid repository name: ${owner}/${name}`);
    }
    const key = `${owner}/${name}`.toLowerCase();
    let repo = this.#repos.get(key);
    if (repo === undefined) {
      repo = new GitRepo(owner, name, join(this.dataDir, owner, `${name}.git`), this.homeDir);
      this.#repos.set(key, repo);
    }
    return repo;
  }
}
