import { nodeId } from '../world/ids.js';
import { databaseIdOf } from './node-id-of.js';

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
  return databaseIdOf('R', id);
}
