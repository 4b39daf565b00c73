import { nodeId } from '../world/ids.js';

/**
 * The database id a global node id names when it is of the kind `prefix` (`R`, `PR`, `I`, `CR`,
 * `LA`: see `world/ids.ts` and `render/`), or undefined for any other string: another kind's
 * id, or one that only looks alike. GitHub answers such ids NOT_FOUND.
 */
export function databaseIdOf(prefix: string, id: string): number | undefined {
  if (!id.startsWith(`${prefix}_kgDO`)) return undefined;
  const digits = /^([0-9A-Z]+)$/.exec(id.slice(prefix.length + '_kgDO'.length))?.[1];
  if (digits === undefined) return undefined;
  const databaseId = Number.parseInt(digits, 36);
  // Only the canonical spelling decodes: `R_kgDO0A` and `R_kgDOA` must not name one object.
  return Number.isSafeInteger(databaseId) && nodeId(prefix, databaseId) === id
    ? databaseId
    : undefined;
}
