import type { World } from '../world/world.js';
import type { GitAuthDecision, GitAuthRequest } from '../git/index.js';

/**
 * Who may fetch and push over smart HTTP: installation tokens (`x-access-token:<token>`) with
 * contents access, and harness users' personal tokens (pushing needs write access).
 * Public repositories can be cloned anonymously, as on GitHub.
 */
export function authorizeGit(world: World, request: GitAuthRequest): GitAuthDecision {
  const repo = world.repo(request.repo.fullName);
  if (!repo) return { ok: false, reason: 'Repository not found.' };
  const pushing = request.service === 'git-receive-pack';
  if (!request.token) {
    return !pushing && !repo.private
      ? { ok: true, user: 'anonymous' }
      : { ok: false, reason: 'Authentication required.' };
  }
  const user = world.userTokens.get(request.token);
  if (user) {
    const role =
      repo.owner.login.toLowerCase() === user.login.toLowerCase()
        ? 'admin'
        : repo.collaborators.get(user.login.toLowerCase());
    const mayWrite = role === 'admin' || role === 'maintain' || role === 'write';
    if (pushing && !mayWrite)
      return { ok: false, reason: `Permission to ${repo.fullName}.git denied to ${user.login}.` };
    if (!role && repo.private) return { ok: false, reason: 'Repository not found.' };
    return { ok: true, user: user.login };
  }
  const token = world.tokens.get(request.token);
  const installation = token && world.installations.get(token.installationId);
  const app = installation && world.apps.get(installation.appId);
  if (
    !token ||
    token.revoked ||
    !installation ||
    !app ||
    world.installationFor(app.id, repo) !== installation
  ) {
    return { ok: false, reason: 'Invalid username or password.' };
  }
  const contents = installation.permissions.contents;
  if (pushing ? contents !== 'write' : contents === undefined) {
    return { ok: false, reason: `Permission to ${repo.fullName}.git denied to ${app.bot.login}.` };
  }
  return { ok: true, user: app.bot.login };
}
