import type { Caller } from '../handlers/types.js';
import type { RepoState } from '../world/types.js';
import type { RefChange } from '../events/ref-hub.js';
import {
  InvalidRefNameError,
  ObjectNotFoundError,
  RefExistsError,
  RefRaceError,
  ZERO_SHA,
} from '../git/index.js';
import { GitHubError } from '../http/github-error.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { assertDeletable, assertProtectedPushAllowed } from '../domain/pulls/protected-push.js';
import { listPulls } from '../domain/pulls/pull-record.js';
import { changedWorkflow, mayChangeWorkflows, workflowsRefusal } from '../auth/workflow-changes.js';
import { GraphqlFailure } from './graphql-context.js';
import { field, property, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import { updateRefsWording as words } from './github-wording.js';
import { writableRepository } from './writable-repository.js';
import {
  planRefUpdates,
  refused,
  type PlannedRefUpdate,
  type RefUpdateInput,
} from './plan-ref-updates.js';

/** The operation id the GraphQL endpoint logs, faults and races this mutation under. */
export const UPDATE_REFS = 'graphql-mutation/updateRefs';

interface UpdateRefsInput {
  clientMutationId?: string | null;
  refUpdates: RefUpdateInput[];
  repositoryId: string;
}

/**
 * `updateRefs`: every update is checked, then written in one git transaction, then reported
 * through the RefHub like any push (one `push` per ref, PR sync, "merged by push"). The race
 * hook runs between the checks and the write, where a contributor's push would land.
 */
export const updateRefsResolvers: ResolverTable = {
  'Mutation.updateRefs': field<unknown, { input: UpdateRefsInput }>(async (_, { input }, ctx) => {
    requirePermissionOf(ctx, UPDATE_REFS);
    const repo = writableRepository(ctx, input.repositoryId, 'UpdateRefs');
    const planned = await planRefUpdates(repo, input.refUpdates);
    for (const update of planned) assertPushAllowed(repo, update);
    await refuseWorkflowChanges(ctx.caller, repo, planned);
    await ctx.webhooks.outsideRequest(() => ctx.races.run(UPDATE_REFS));
    await writeAtomically(repo, planned);
    await ctx.refs.refsChanged({
      repo,
      changes: headsBeforeBases(repo, planned).map(toChange),
      pusher: actingAccount(ctx.caller),
    });
    return { clientMutationId: input.clientMutationId ?? null };
  }),
  'UpdateRefsPayload.clientMutationId': property<{ clientMutationId: string | null }>(
    'clientMutationId',
  ),
};

/** Branch protection applies to these writes as to any push (no force push, required checks). */
function assertPushAllowed(repo: RepoState, update: PlannedRefUpdate): void {
  try {
    if (update.next === undefined) assertDeletable(repo, update.ref);
    else assertProtectedPushAllowed(repo, { ...update, sha: update.next });
  } catch (error) {
    if (error instanceof GitHubError) throw refused(error.message);
    throw error;
  }
}

async function refuseWorkflowChanges(
  caller: Caller,
  repo: RepoState,
  planned: readonly PlannedRefUpdate[],
): Promise<void> {
  if (mayChangeWorkflows(caller)) return;
  for (const update of planned) {
    const path = await changedWorkflow(repo, update);
    if (path !== undefined) throw new GraphqlFailure('FORBIDDEN', workflowsRefusal(path));
  }
}

/** git's refusals in the words of the checks above: a lost race reads as a stale `beforeOid`. */
async function writeAtomically(
  repo: RepoState,
  planned: readonly PlannedRefUpdate[],
): Promise<void> {
  try {
    await repo.git.updateRefs(planned);
  } catch (error) {
    if (error instanceof RefRaceError)
      throw refused(
        error.actual === undefined
          ? words.missingRef(error.ref)
          : words.stale(error.ref, error.expected, error.actual),
      );
    if (error instanceof RefExistsError) throw refused(words.refExists(error.ref));
    if (error instanceof ObjectNotFoundError) throw refused(words.missingObject(error.revision));
    if (error instanceof InvalidRefNameError) throw refused(words.invalidName(error.ref));
    throw error;
  }
}

/**
 * Pull request sync handles a push's refs one by one, so a PR's head must move before its base:
 * a base that now contains the new head marks the PR merged (landing moves both in one call).
 */
function headsBeforeBases(
  repo: RepoState,
  planned: readonly PlannedRefUpdate[],
): PlannedRefUpdate[] {
  const bases = new Set(
    listPulls(repo)
      .filter((p) => p.state === 'open')
      .map((p) => `refs/heads/${p.pull.baseRef}`),
  );
  return [...planned].sort((a, b) => Number(bases.has(a.ref)) - Number(bases.has(b.ref)));
}

function toChange(update: PlannedRefUpdate): RefChange {
  return {
    ref: update.ref,
    before: update.old ?? ZERO_SHA,
    after: update.next ?? ZERO_SHA,
    forced: !update.fastForward,
  };
}
