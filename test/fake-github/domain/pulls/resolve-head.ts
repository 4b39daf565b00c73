import type { World } from '../../world/world.js';
import type { RepoState } from '../../world/types.js';
import { invalidPullField } from './pull-errors.js';

/** Forks of `base` owned by `owner`: GitHub finds a cross-repository head by its owner. */
function forkOwnedBy(world: World, base: RepoState, owner: string): RepoState | undefined {
  return [...world.repos.values()].find(
    (r) =>
      r.owner.login.toLowerCase() === owner.toLowerCase() &&
      r.parent?.toLowerCase() === base.fullName.toLowerCase(),
  );
}

/**
 * `head` of `POST /pulls`: `branch` (same repository) or `owner:branch` (a fork), or an
 * explicit `head_repo` (`owner/name`) for forks in the same organization.
 */
export function resolveHead(
  world: World,
  base: RepoState,
  input: { head: string; headRepo?: string },
): { headRepo: RepoState; branch: string } {
  const colon = input.head.indexOf(':');
  const owner = colon === -1 ? undefined : input.head.slice(0, colon);
  const branch = colon === -1 ? input.head : input.head.slice(colon + 1);
  if (input.headRepo !== undefined) {
    const named = world.repo(input.headRepo);
    const related =
      named && (named === base || named.parent?.toLowerCase() === base.fullName.toLowerCase());
    if (!named || !related) throw invalidPullField('head');
    return { headRepo: named, branch };
  }
  if (owner === undefined || owner.toLowerCase() === base.owner.login.toLowerCase())
    return { headRepo: base, branch };
  const fork = forkOwnedBy(world, base, owner);
  if (!fork) throw invalidPullField('head');
  return { headRepo: fork, branch };
}
