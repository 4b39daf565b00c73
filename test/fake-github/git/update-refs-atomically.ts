import { GitCommandError } from './errors.js';
import { ZERO_SHA } from './ref-snapshots.js';
import { assertRefName, classifyRefFailure, type RefWriteContext } from './ref-updates.js';
import type { PendingRefWrite } from './types.js';

/**
 * Several ref writes as one git transaction (`update-ref --stdin`: start, prepare, commit).
 * git locks every ref and checks every old value before it writes any, so one refusal leaves
 * every ref as it was: the promise of GitHub's `updateRefs`. In each write `old` undefined
 * means "must not exist" and `next` undefined deletes. The caller holds the repository lock.
 */
export async function updateRefsAtomically(
  ctx: RefWriteContext,
  writes: readonly PendingRefWrite[],
): Promise<void> {
  for (const write of writes) assertRefName(write.ref);
  for (const write of writes) await ctx.hook(write);
  const commands = writes.map(({ ref, old, next }) =>
    next === undefined
      ? `delete ${ref} ${old ?? ZERO_SHA}`
      : `update ${ref} ${next} ${old ?? ZERO_SHA}`,
  );
  const input = ['start', ...commands, 'prepare', 'commit', ''].join('\n');
  await ctx.git(['update-ref', '--stdin'], { input }).catch((cause: unknown) => {
    throw classifyTransactionFailure(writes, cause);
  });
}

/** git names the ref it could not lock (`cannot lock ref 'refs/heads/x': ...`); blame that one. */
function classifyTransactionFailure(writes: readonly PendingRefWrite[], cause: unknown): unknown {
  if (!(cause instanceof GitCommandError)) return cause;
  const named = /cannot (?:lock|update) ref '([^']+)'/.exec(cause.stderr)?.[1];
  const write = writes.find((w) => w.ref === named);
  if (!write) return cause;
  return classifyRefFailure(write.ref, write.old ?? ZERO_SHA, cause);
}
