import { nodeId } from '../world/ids.js';

/**
 * A repository's global node id: REST's `node_id`, GraphQL's `Repository.id`, and what
 * mutations such as `updateRefs` take as `repositoryId`. One scheme, encoded and decoded here.
 */
export function repositoryNodeId(repoId: number): string {
  return nodeId('R', repoId);
}

/**
 * The repository (database) id a node id names, or undefined for any other string: another
 * object's id, or one that only looks alike (GitHub answers those NOT_FOUND).
 */
export function repositoryIdOf(id: string): number | undefined {
  const digits = /^R_kgDO([0-9A-Z]+)$/.exec(id)?.[1];
  if (digits === undefined) return undefined;
  const repoId = Number.parseInt(digits, 36);
  // Only the canonical spelling decodes: `R_kgDO0A` and `R_kgDOA` must not name one repository.
  return Number.isSafeInteger(repoId) && repositoryNodeId(repoId) === id ? repoId : undefined;
}
