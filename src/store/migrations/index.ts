import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../codec.js';
import { columnTypesFor } from './column-types.js';
import { createCoordinationTables } from './create-coordination-tables.js';
import { createQueueTables } from './create-queue-tables.js';
import { createTestingTables } from './create-testing-tables.js';
import { createOrchestrationTables } from './create-orchestration-tables.js';
import { createOutboxTable } from './create-outbox-table.js';
import { addLeaseHandoverColumns } from './add-lease-handover-columns.js';
import { addStagingChainColumns } from './add-staging-chain-columns.js';
import { addPriorityColumns } from './add-priority-columns.js';
import { createQueuePauseTables } from './create-queue-pause-tables.js';
import { addCheckRunNodeId } from './add-check-run-node-id.js';

/**
 * Every migration, in order, as code: no directory is globbed at run time, so the same set
 * runs from dist/, from sources under Jest and from a bundled build. Names sort in order;
 * never rename or edit one that has shipped, add the next instead.
 */
export function listMigrations(dialect: Dialect): Record<string, Migration> {
  const types = columnTypesFor(dialect);
  return {
    '0001_initial': {
      up: async (db: Kysely<unknown>) => {
        await createQueueTables(db, types);
        await createTestingTables(db, types);
        await createCoordinationTables(db, types);
      },
    },
    '0002_orchestration': {
      up: (db: Kysely<unknown>) => createOrchestrationTables(db, types),
    },
    '0003_outbox': { up: (db: Kysely<unknown>) => createOutboxTable(db, types) },
    '0004_lease_handover': { up: (db: Kysely<unknown>) => addLeaseHandoverColumns(db) },
    '0005_staging_chains': { up: (db: Kysely<unknown>) => addStagingChainColumns(db, types) },
    '0006_priorities': { up: (db: Kysely<unknown>) => addPriorityColumns(db) },
    '0007_queue_pause': { up: (db: Kysely<unknown>) => createQueuePauseTables(db, types) },
    '0008_check_run_node_id': { up: (db: Kysely<unknown>) => addCheckRunNodeId(db) },
  };
}
