import type { RepoState } from '../world/types.js';
import { ZERO_SHA, type PendingRefWrite } from '../git/index.js';
import { GraphqlFailure } from './graphql-context.js';
import { updateRefsWording as words } from './github-wording.js';

/** One `RefUpdate` of `updateRefs`, as the schema defines it. */
export interface RefUpdateInput {
  name: string;
  afterOid: string;
  beforeOid?: string | null;
  force?: boolean | null;
}

/**
 * A checked update. `old` is the value read (and, when given, the `beforeOid`): the write is a
 * compare-and-swap on it, so a push between this read and the write refuses the whole call.
 */
export interface PlannedRefUpdate extends PendingRefWrite {
  fastForward: boolean;
}

export const refused = (message: string): GraphqlFailure =>
  new GraphqlFailure('UNPROCESSABLE', message);

const oid = /^[0-9a-f]{40}$/;

/** What git's check-ref-format refuses, plus GitHub's "refs/<kind>/<name>" at the least. */
function isValidRefName(name: string): boolean {
  if (!/^refs\/[^/]+\/./.test(name)) return false;
  return !/\.\.|[\s~^:?*[\\\p{Cc}]|@\{|\/\/|\/$|\.lock$|\.lock\/|\/\.|\.$/u.test(name);
}

/** Every update checked against the refs as they are now; the first refusal refuses the call. */
export async function planRefUpdates(
  repo: RepoState,
  updates: readonly RefUpdateInput[],
): Promise<PlannedRefUpdate[]> {
  const seen = new Set<string>();
  const planned: PlannedRefUpdate[] = [];
  for (const update of updates) {
    if (seen.has(update.name)) throw refused(words.duplicate(update.name));
    seen.add(update.name);
    planned.push(await planRefUpdate(repo, update));
  }
  return planned;
}

async function planRefUpdate(repo: RepoState, update: RefUpdateInput): Promise<PlannedRefUpdate> {
  const { name, afterOid } = update;
  if (!isValidRefName(name)) throw refused(words.invalidName(name));
  const next = afterOid === ZERO_SHA ? undefined : afterOid;
  if (next !== undefined && (!oid.test(next) || (await repo.git.resolveCommit(next)) !== next))
    throw refused(words.missingObject(afterOid));
  const current = await repo.git.resolveRef(name);
  const before = update.beforeOid ?? undefined;
  if (before === ZERO_SHA && current !== undefined) throw refused(words.refExists(name));
  if (before !== undefined && before !== ZERO_SHA) {
    if (current === undefined) throw refused(words.missingRef(name));
    if (current !== before) throw refused(words.stale(name, before, current));
  }
  if (next === undefined && current === undefined) throw refused(words.missingRef(name));
  // Creating and deleting are never "not a fast forward"; moving is, unless it is forced.
  const fastForward =
    current === undefined || next === undefined || (await repo.git.isAncestor(current, next));
  if (!fastForward && update.force !== true) throw refused(words.notFastForward(name));
  return { ref: name, old: current, next, fastForward };
}
