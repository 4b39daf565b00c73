/**
 * `createCheckRun` and `updateCheckRun`: the GraphQL twins of REST `checks/create` and
 * `checks/update` (handlers/checks.ts), with the same rules and the same domain calls, so a
 * run written either way is the same run with the same webhooks. An app sends many of them as
 * aliases of one document; each alias succeeds or fails on its own, in document order.
 */
import type { Account, App, CheckRun, RepoState } from '../world/types.js';
import { GitHubError } from '../http/github-error.js';
import { createCheckRun, updateCheckRun, type CheckRunFields } from '../domain/checks.js';
import { suiteFor } from '../domain/check-suites.js';
import { GraphqlFailure, type GraphqlContext } from './graphql-context.js';
import { field, property, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import { checkRunWording as words } from './github-wording.js';
import { writableRepository } from './writable-repository.js';
import { databaseIdOf } from './node-id-of.js';
import type { CheckRunSource } from './resolve-status-check-rollup.js';
import {
  toCheckRunFields,
  type CheckRunInputFields,
  type CreateCheckRunInput,
  type UpdateCheckRunInput,
} from './check-run-input.js';

interface CheckRunPayload {
  checkRun: CheckRunSource;
  clientMutationId: string | null;
}

/** Only GitHub Apps write checks, as REST's `callingApp`; `actor` is the webhooks' sender. */
function callingApp(ctx: GraphqlContext): { app: App; actor: Account } {
  if (ctx.caller.kind !== 'installation') throw new GraphqlFailure('FORBIDDEN', words.notAnApp);
  return { app: ctx.caller.app, actor: ctx.caller.actor };
}

/** A run of this repository, by its node id (REST `node_id`, `CheckRun.id`). */
function checkRunOf(repo: RepoState, checkRunId: string): CheckRun {
  const run = repo.checkRuns.get(databaseIdOf('CR', checkRunId) ?? Number.NaN);
  if (!run) throw new GraphqlFailure('NOT_FOUND', words.unknownCheckRun(checkRunId));
  return run;
}

/** `GitObjectID` is a full oid; anything else, or an oid git lacks, names no commit. */
async function requireCommit(repo: RepoState, sha: string): Promise<void> {
  if (!/^[0-9a-f]{40}$/.test(sha) || !(await repo.git.readCommit(sha)))
    throw new GraphqlFailure('UNPROCESSABLE', words.unknownCommit(sha));
}

/**
 * The schema offers `STARTUP_FAILURE`, which REST's request schema does not: only GitHub
 * Actions concludes a run that way, as only GitHub sets `stale` (which the domain refuses, for
 * REST too). Refused before anything is written.
 */
function checkedFields(input: CheckRunInputFields): CheckRunFields {
  const fields = toCheckRunFields(input);
  if (fields.conclusion === 'startup_failure')
    throw new GraphqlFailure('UNPROCESSABLE', words.reservedConclusion(fields.conclusion));
  return fields;
}

/** The domain's REST refusals (a missing conclusion, `stale`) as GraphQL errors on the field. */
async function asFieldError<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    const missing = (error.extra.errors ?? []).some(
      (e) => (e as { field?: string }).field === 'conclusion',
    );
    const type =
      error.status === 404 ? 'NOT_FOUND' : error.status === 403 ? 'FORBIDDEN' : 'UNPROCESSABLE';
    throw new GraphqlFailure(type, missing ? words.missingConclusion : error.message);
  }
}

function payload(
  repo: RepoState,
  run: CheckRun,
  input: { clientMutationId?: string | null },
): CheckRunPayload {
  return {
    checkRun: { __typename: 'CheckRun', repo, run },
    clientMutationId: input.clientMutationId ?? null,
  };
}

export const checkRunMutationResolvers: ResolverTable = {
  'Mutation.createCheckRun': field<unknown, { input: CreateCheckRunInput }>(
    async (_, { input }, ctx) => {
      requirePermissionOf(ctx, 'checks/create');
      const repo = writableRepository(ctx, input.repositoryId, 'CreateCheckRun');
      const { app, actor } = callingApp(ctx);
      const fields = checkedFields(input);
      await requireCommit(repo, input.headSha);
      const run = await asFieldError(async () =>
        createCheckRun(ctx, {
          repo,
          suite: await suiteFor(ctx, repo, app, input.headSha),
          name: input.name,
          fields,
          sender: actor,
        }),
      );
      return payload(repo, run, input);
    },
  ),
  'Mutation.updateCheckRun': field<unknown, { input: UpdateCheckRunInput }>(
    async (_, { input }, ctx) => {
      requirePermissionOf(ctx, 'checks/update');
      const repo = writableRepository(ctx, input.repositoryId, 'UpdateCheckRun');
      const { app, actor } = callingApp(ctx);
      const run = checkRunOf(repo, input.checkRunId);
      if (run.appId !== app.id) throw new GraphqlFailure('FORBIDDEN', words.notOwner(run.appId));
      const fields = checkedFields(input);
      await asFieldError(() => updateCheckRun(ctx, { repo, run, fields, sender: actor }));
      return payload(repo, run, input);
    },
  ),
  'CreateCheckRunPayload.checkRun': property<CheckRunPayload>('checkRun'),
  'CreateCheckRunPayload.clientMutationId': property<CheckRunPayload>('clientMutationId'),
  'UpdateCheckRunPayload.checkRun': property<CheckRunPayload>('checkRun'),
  'UpdateCheckRunPayload.clientMutationId': property<CheckRunPayload>('clientMutationId'),
  // REST answers `""` for a run without one (render/check-run.ts); the same value here.
  'CheckRun.externalId': field<CheckRunSource>(({ run }) => run.externalId ?? ''),
};
