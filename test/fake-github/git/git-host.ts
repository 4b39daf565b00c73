import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GitRepo } from './git-repo.js';
import { runGit } from './run-git.js';

/** GitHub's alphabet and length limit for owners and repository names; no `/` reaches a file path. */
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

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

  /** Logins never start with a dot, so no owner directory can be the home directory. */
  static isValidOwner(login: string): boolean {
    return NAME.test(login) && !login.startsWith('.');
  }

  /**
   * GitHub allows dot names (`.github`, the organisation's profile and defaults). It reserves
   * `.` and `..`, and a name ending in `.git` cannot be told from its clone URL. Each lives
   * at `<owner>/<name>.git`, so no name escapes its owner's directory.
   */
  static isValidRepoName(name: string): boolean {
    return NAME.test(name) && name !== '.' && name !== '..' && !name.toLowerCase().endsWith('.git');
  }

  static isValidFullName(owner: string, name: string): boolean {
    return GitHost.isValidOwner(owner) && GitHost.isValidRepoName(name);
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
    if (!GitHost.isValidFullName(owner, name)) return undefined;
    const repo = this.#instance(owner, name);
    const found = await stat(join(repo.gitDir, 'HEAD')).catch(() => undefined);
    return found?.isFile() ? repo : undefined;
  }

  #instance(owner: string, name: string): GitRepo {
    if (!GitHost.isValidFullName(owner, name)) {
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
