import type { World } from '../world/world.js';
import type { Account } from '../world/types.js';
import { renderUser } from '../render/basics.js';

/** The world does not model account ages; a fixed date keeps answers stable. */
const accountCreatedAt = '2020-01-01T00:00:00Z';

/**
 * `GET /user`: the person behind the token, with the private fields GitHub shows a user about
 * themself (`user_view_type: private`). Profile fields the world does not model are empty.
 */
export function renderAuthenticatedUser(world: World, account: Account): Record<string, unknown> {
  const owned = [...world.repos.values()].filter((repo) => repo.owner.id === account.id);
  const privateRepos = owned.filter((repo) => repo.private).length;
  return {
    ...renderUser(world, account),
    user_view_type: 'private',
    name: account.name,
    company: null,
    blog: '',
    location: null,
    email: account.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: owned.length - privateRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: accountCreatedAt,
    updated_at: accountCreatedAt,
    private_gists: 0,
    total_private_repos: privateRepos,
    owned_private_repos: privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}
