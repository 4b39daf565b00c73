import type { AtomicRefWrite, RefUpdate } from './port.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';
import { isUnknownOutcome, requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';
import type { GraphqlErrorEntry } from './read-graphql.js';

const updateRefsMutation = /* GraphQL */ `
  mutation SluiceUpdateRefs($repositoryId: ID!, $refUpdates: [RefUpdate!]!) {
    updateRefs(input: { repositoryId: $repositoryId, refUpdates: $refUpdates }) {
      clientMutationId
    }
  }
`;

/**
 * Moves several refs of one repository atomically (GraphQL `updateRefs`, github.com and GHES
 * 3.16+): every ref must still be at its `before` value, or nothing moves. Sent once — Probot's
 * retry plugin would repeat a 5xx, and a repeated landing is a decision made on stale facts.
 */
export async function updateRefs(
  ctx: RepoContext,
  repositoryId: string,
  updates: RefUpdate[],
): Promise<AtomicRefWrite> {
  const refUpdates = updates.map((u) => ({
    name: u.ref,
    beforeOid: u.before,
    afterOid: u.after,
    force: u.force,
  }));
  try {
    await withOperation('graphql SluiceUpdateRefs', () =>
      ctx.octokit.graphql(updateRefsMutation, { repositoryId, refUpdates, request: writeOnce }),
    );
    ctx.log?.debug({ refs: updates.map((u) => u.ref) }, 'updated refs atomically');
    return { kind: 'ok' };
  } catch (error) {
    const outcome = updateRefsOutcome(error);
    ctx.log?.debug({ refs: updates.map((u) => u.ref), outcome }, 'updateRefs failed');
    return outcome;
  }
}

/**
 * GraphQL answers a refusal with HTTP 200 and an error list; a host that lacks the mutation
 * fails validation before anything runs ("Field 'updateRefs' doesn't exist on type
 * 'Mutation'"). An HTTP failure without a GraphQL answer is an unknown outcome.
 */
export function updateRefsOutcome(error: unknown): Exclude<AtomicRefWrite, { kind: 'ok' }> {
  const errors = (error as { errors?: GraphqlErrorEntry[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const message = errors.map((e) => e.message ?? e.type ?? 'error').join('; ');
    if (
      errors.some((e) => /doesn't exist on type 'Mutation'|undefinedField/i.test(e.message ?? ''))
    )
      return { kind: 'unsupported', message };
    return { kind: 'rejected', message };
  }
  const failure = requestFailure(error);
  if (isUnknownOutcome(failure)) return { kind: 'unknown', message: failure.message };
  return { kind: 'rejected', message: `${failure.status} ${failure.message}` };
}
