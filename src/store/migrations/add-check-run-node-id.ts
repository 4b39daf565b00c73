import type { Kysely } from 'kysely';

/**
 * The GraphQL node id of each PR head's `Sluice` check run: GraphQL's `updateCheckRun` names a
 * run by it, and one mutation document carries many updates where REST takes a request each.
 * Runs written before this migration have none and are updated through REST (whose answer
 * names the node id, so each needs that once).
 */
export async function addCheckRunNodeId(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pr_check_run').addColumn('node_id', 'text').execute();
}
