/**
 * Labels by node id: `Repository.label(name:)` and `Label.id` to look one up, and
 * `removeLabelsFromLabelable`, the GraphQL twin of REST `issues/remove-label` (one label per
 * call there, several here). Both remove through domain/labels.ts, so the `unlabeled`
 * webhooks and timeline events are the same.
 */
import type { Issue, Label, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { actorOf } from '../auth/authenticate.js';
import { findLabel, removeLabels } from '../domain/labels.js';
import { isPull } from '../domain/pulls/pull-record.js';
import { GraphqlFailure, type GraphqlContext } from './graphql-context.js';
import { field, property, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import { labelWording as words } from './github-wording.js';
import { requireWriteAccess } from './writable-repository.js';
import { databaseIdOf } from './node-id-of.js';
import type { RepositorySource } from './resolve-repository.js';
import type { PullRequestSource } from './resolve-pull-request.js';

interface RemoveLabelsInput {
  labelableId: string;
  labelIds: string[];
  clientMutationId?: string | null;
}

/** A `Labelable`: the type resolver picks `PullRequest` or `Issue` by `__typename`. */
type LabelableSource =
  | (PullRequestSource & { __typename: 'PullRequest' })
  | { __typename: 'Issue'; repo: RepoState; issue: Issue };

interface RemoveLabelsPayload {
  labelable: LabelableSource;
  clientMutationId: string | null;
}

/** The issue or pull request a node id names (`PR_…` or `I_…`, as REST's `node_id`). */
function findLabelable(ctx: GraphqlContext, labelableId: string): LabelableSource {
  const pullId = databaseIdOf('PR', labelableId);
  const issueId = databaseIdOf('I', labelableId);
  for (const repo of ctx.world.repos.values()) {
    for (const issue of repo.issues.values()) {
      if (isPull(issue) && issue.id === pullId) return { __typename: 'PullRequest', repo, issue };
      if (!isPull(issue) && issue.id === issueId) return { __typename: 'Issue', repo, issue };
    }
  }
  throw new GraphqlFailure('NOT_FOUND', words.unknownLabelable(labelableId));
}

/** Every id must name a label of the issue's repository; one that does not refuses the call. */
function labelsNamed(repo: RepoState, labelIds: readonly string[]): Label[] {
  const byId = new Map([...repo.labels.values()].map((label) => [label.id, label]));
  return labelIds.map((id) => {
    const label = byId.get(databaseIdOf('LA', id) ?? Number.NaN);
    if (!label) throw new GraphqlFailure('NOT_FOUND', words.unknownLabel(id));
    return label;
  });
}

export const labelResolvers: ResolverTable = {
  'Repository.label': field<RepositorySource, { name: string }>(({ repo }, args, ctx) => {
    requirePermissionOf(ctx, 'issues/get-label');
    return findLabel(repo, args.name) ?? null;
  }),
  'Label.id': field<Label>((label) => nodeId('LA', label.id)),

  'Mutation.removeLabelsFromLabelable': field<unknown, { input: RemoveLabelsInput }>(
    async (_, { input }, ctx) => {
      requirePermissionOf(ctx, 'issues/remove-label');
      const labelable = findLabelable(ctx, input.labelableId);
      const { repo, issue } = labelable;
      requireWriteAccess(ctx, repo, input.labelableId, 'RemoveLabelsFromLabelable');
      const names = labelsNamed(repo, input.labelIds).map((label) => label.name);
      await removeLabels(ctx, { repo, issue, names, actor: actorOf(ctx.caller) });
      return {
        labelable,
        clientMutationId: input.clientMutationId ?? null,
      } satisfies RemoveLabelsPayload;
    },
  ),
  'RemoveLabelsFromLabelablePayload.labelable': property<RemoveLabelsPayload>('labelable'),
  'RemoveLabelsFromLabelablePayload.clientMutationId':
    property<RemoveLabelsPayload>('clientMutationId'),
};
