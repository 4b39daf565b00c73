import type { Caller } from '../handlers/types.js';
import type { RepoState } from '../world/types.js';
import type { World } from '../world/world.js';
import { findPull } from '../domain/pulls/pull-record.js';
import { GraphqlFailure } from './graphql-context.js';
import { repositoryNodeId } from './repository-node-id.js';
import { field, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import type { PullRequestSource } from './resolve-pull-request.js';

export interface RepositorySource {
  repo: RepoState;
}

/** As for REST: outside the installation, or private to a person without a role, it does not exist. */
function isVisible(world: World, caller: Caller, repo: RepoState): boolean {
  switch (caller.kind) {
    case 'installation':
      return world.installationFor(caller.app.id, repo) === caller.installation;
    case 'app':
      return false;
    case 'user': {
      const login = caller.account.login.toLowerCase();
      const role =
        repo.owner.login.toLowerCase() === login ? 'admin' : repo.collaborators.get(login);
      return !repo.private || role !== undefined;
    }
  }
}

export const repositoryResolvers: ResolverTable = {
  'Query.repository': field<unknown, { owner: string; name: string }>((_, args, ctx) => {
    requirePermissionOf(ctx, 'repos/get');
    const repo = ctx.world.repo(`${args.owner}/${args.name}`);
    if (!repo || !isVisible(ctx.world, ctx.caller, repo))
      throw new GraphqlFailure(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
      );
    return { repo } satisfies RepositorySource;
  }),
  'Repository.id': field<RepositorySource>(({ repo }) => repositoryNodeId(repo.id)),
  'Repository.name': field<RepositorySource>(({ repo }) => repo.name),
  'Repository.nameWithOwner': field<RepositorySource>(({ repo }) => repo.fullName),
  'Repository.isPrivate': field<RepositorySource>(({ repo }) => repo.private),
  'Repository.isFork': field<RepositorySource>(({ repo }) => repo.parent !== null),
  'Repository.pullRequest': field<RepositorySource, { number: number }>(({ repo }, args, ctx) => {
    requirePermissionOf(ctx, 'pulls/get');
    const issue = findPull(repo, args.number);
    if (!issue)
      throw new GraphqlFailure(
        'NOT_FOUND',
        `Could not resolve to a PullRequest with the number of ${args.number}.`,
      );
    return { repo, issue } satisfies PullRequestSource;
  }),
};
