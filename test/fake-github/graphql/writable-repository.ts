import type { RepoState } from '../world/types.js';
import { GraphqlFailure, type GraphqlContext } from './graphql-context.js';
import { mutationForbidden, unknownNode } from './github-wording.js';
import { repositoryIdOf } from './repository-node-id.js';

/**
 * The repository a mutation's `repositoryId` names, if the caller may write to it. Outside the
 * installation (or private and invisible to a person) the id names nothing, as on GitHub.
 */
export function writableRepository(
  ctx: GraphqlContext,
  repositoryId: string,
  mutation: string,
): RepoState {
  const id = repositoryIdOf(repositoryId);
  const repo = [...ctx.world.repos.values()].find((r) => r.id === id);
  if (!repo) throw new GraphqlFailure('NOT_FOUND', unknownNode(repositoryId));
  return requireWriteAccess(ctx, repo, repositoryId, mutation);
}

/**
 * An installation writes where it is installed (its permissions are checked per mutation);
 * a person needs write access, and one who cannot even see the repository is told nothing.
 * `nodeIdAsked` is the id the caller sent, for the NOT_FOUND wording.
 */
export function requireWriteAccess(
  ctx: GraphqlContext,
  repo: RepoState,
  nodeIdAsked: string,
  mutation: string,
): RepoState {
  const { caller } = ctx;
  const notFound = () => new GraphqlFailure('NOT_FOUND', unknownNode(nodeIdAsked));
  switch (caller.kind) {
    case 'installation':
      if (ctx.world.installationFor(caller.app.id, repo) !== caller.installation) throw notFound();
      return repo;
    case 'app':
      throw notFound();
    case 'user': {
      const login = caller.account.login.toLowerCase();
      const role =
        repo.owner.login.toLowerCase() === login ? 'admin' : repo.collaborators.get(login);
      if (role === undefined && repo.private) throw notFound();
      if (!['admin', 'maintain', 'write'].includes(role ?? ''))
        throw new GraphqlFailure('FORBIDDEN', mutationForbidden(caller.account.login, mutation));
      return repo;
    }
  }
}
