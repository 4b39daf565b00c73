import { createHash } from 'node:crypto';
import type { AccessibleInstallation, AccessibleRepo, GitHubUserApi } from './github-user-api.js';

const ttlMs = 60_000;
const maxEntries = 1_000;

/**
 * What a signed-in user may see, read with their own token and kept a minute: browsing costs
 * no GitHub request per page, and a lost right disappears within the minute. Actions do not
 * rely on it: they re-check on GitHub first.
 */
export class UserAccess {
  readonly #cache = new Map<string, { at: number; installations: AccessibleInstallation[] }>();

  constructor(
    private readonly api: GitHubUserApi,
    private readonly now: () => Date,
  ) {}

  /** Signed out: the list is not served to a copy of the cookie (on this replica). */
  forget(token: string): void {
    this.#cache.delete(keyOf(token));
  }

  async installations(token: string): Promise<AccessibleInstallation[]> {
    const key = keyOf(token);
    const now = this.now().getTime();
    const hit = this.#cache.get(key);
    if (hit && now - hit.at < ttlMs) return hit.installations;
    const installations = await this.api.installations(token);
    if (this.#cache.size >= maxEntries) this.#cache.clear();
    this.#cache.set(key, { at: now, installations });
    return installations;
  }

  async repo(token: string, fullName: string): Promise<AccessibleRepo | undefined> {
    const wanted = fullName.toLowerCase();
    for (const installation of await this.installations(token))
      for (const repo of installation.repos)
        if (repo.fullName.toLowerCase() === wanted) return repo;
    return undefined;
  }
}

/** Tokens are not kept in memory as they are: only their hash keys the cache. */
function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
