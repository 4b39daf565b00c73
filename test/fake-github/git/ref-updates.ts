import {
  GitCommandError,
  InvalidRefNameError,
  NotFastForwardError,
  ObjectNotFoundError,
  RefExistsError,
  RefNotFoundError,
  RefRaceError,
} from './errors.js';
import { isAncestor, resolveRef } from './revisions.js';
import type { GitRunner } from './run-git.js';
import type { PendingRefWrite, RefWriteHook } from './types.js';

export type RefWriteOptions = {
  /** The value the caller read; a mismatch is a lost race, as when git's own check fails. */
  expectedOld?: string;
  beforeRefWrite?: RefWriteHook;
};

export type UpdateRefOptions = RefWriteOptions & { force?: boolean };

/** The caller holds the repository lock; `hook` runs the repo-wide and per-call race hooks. */
export type RefWriteContext = { git: GitRunner; hook: (write: PendingRefWrite) => Promise<void> };

export async function createRef(ctx: RefWriteContext, ref: string, sha: string): Promise<void> {
  assertRefName(ref);
  await ctx.hook({ ref, old: undefined, next: sha });
  // An empty old value means "must not exist"; git checks it under its own ref lock.
  await writeRef(ctx.git, ref, ['update-ref', ref, sha, ''], '');
}

export async function updateRef(
  ctx: RefWriteContext,
  ref: string,
  sha: string,
  options: UpdateRefOptions = {},
): Promise<void> {
  assertRefName(ref);
  const old = await readExpected(ctx.git, ref, options.expectedOld);
  if (!options.force && !(await isAncestor(ctx.git, old, sha))) {
    throw new NotFastForwardError(ref, old, sha);
  }
  await ctx.hook({ ref, old, next: sha });
  await writeRef(ctx.git, ref, ['update-ref', ref, sha, old], old);
}

export async function deleteRef(
  ctx: RefWriteContext,
  ref: string,
  options: RefWriteOptions = {},
): Promise<void> {
  assertRefName(ref);
  // Without an old value `update-ref -d` of a missing ref exits 0, so always read first.
  const old = await readExpected(ctx.git, ref, options.expectedOld);
  await ctx.hook({ ref, old, next: undefined });
  await writeRef(ctx.git, ref, ['update-ref', '-d', ref, old], old);
}

/** Only full names under refs/: a stray "HEAD" or "main" would write a different ref. */
export function assertRefName(ref: string): void {
  if (!ref.startsWith('refs/')) throw new InvalidRefNameError(ref);
}

async function readExpected(git: GitRunner, ref: string, expected?: string): Promise<string> {
  const current = await resolveRef(git, ref);
  if (current === undefined) throw new RefNotFoundError(ref);
  if (expected !== undefined && expected !== current) {
    throw new RefRaceError(ref, expected, current);
  }
  return current;
}

async function writeRef(
  git: GitRunner,
  ref: string,
  args: string[],
  expectedOld: string,
): Promise<void> {
  await git(args).catch((cause: unknown) => {
    throw classifyRefFailure(ref, expectedOld, cause);
  });
}

/** git's refusal of one ref's write as a typed error; anything unrecognised is passed through. */
export function classifyRefFailure(ref: string, expectedOld: string, cause: unknown): unknown {
  if (!(cause instanceof GitCommandError)) return cause;
  const { stderr } = cause;
  const moved = /is at ([0-9a-f]+) but expected ([0-9a-f]+)/.exec(stderr);
  if (moved) return new RefRaceError(ref, moved[2]!, moved[1], { cause });
  if (stderr.includes('reference already exists')) return new RefExistsError(ref, { cause });
  // `a/b` cannot be created while `a` exists (or the other way round): GitHub answers 422.
  if (/exists; cannot create/.test(stderr)) return new RefExistsError(ref, { cause });
  if (stderr.includes('unable to resolve reference')) {
    return new RefRaceError(ref, expectedOld, undefined, { cause });
  }
  if (stderr.includes('bad name')) return new InvalidRefNameError(ref, { cause });
  const missing = /nonexistent object ([0-9a-f]+)/.exec(stderr)?.[1];
  if (missing) return new ObjectNotFoundError(missing, { cause });
  return cause;
}
