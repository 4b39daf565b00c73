import pg from 'pg';
import { openStore } from '../../../../src/store/open-store.js';
import { createHarness, type HarnessFactories, type HarnessFactory } from './store-harness.js';

export const postgresTestUrl =
  process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A URL whose connections see only `schema`: other test files use the same database. */
export function urlForSchema(schema: string): string {
  const url = new URL(postgresTestUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function runAsAdmin<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  statement: string,
): Promise<pg.QueryResult<Row>> {
  const client = new pg.Client({ connectionString: postgresTestUrl });
  await client.connect();
  try {
    return await client.query<Row>(statement);
  } finally {
    await client.end();
  }
}

let schemaCount = 0;

export async function createSchema(): Promise<{ name: string; drop(): Promise<void> }> {
  schemaCount += 1;
  const name = `store_test_${process.pid}_${schemaCount}_${Date.now().toString(36)}`;
  await runAsAdmin(`create schema ${name}`);
  return { name, drop: async () => void (await runAsAdmin(`drop schema ${name} cascade`)) };
}

export const createEmptyPostgresHarness: HarnessFactory = async () => {
  const schema = await createSchema();
  return createHarness({ url: urlForSchema(schema.name) }, schema.drop);
};

/**
 * Statements that empty a migrated schema: delete every row, children first (tables are
 * created after the tables they reference, so newest first), and restart the identities.
 * TRUNCATE would do the same but costs ~250 ms, as it makes new files for every table.
 */
async function emptyingStatements(schema: string): Promise<string> {
  const { rows } = await runAsAdmin<{ name: string; identity: string | null }>(
    `select c.relname as name,
       (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attidentity <> '')
         as identity
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = '${schema}' and c.relkind = 'r' and c.relname not like 'sluice_migration%'
     order by c.oid desc`,
  );
  return rows
    .map(({ name, identity }) => {
      const table = `${schema}.${name}`;
      const restart = `select setval(pg_get_serial_sequence('${table}', '${identity}'), 1, false);`;
      return `delete from ${table};${identity === null ? '' : restart}`;
    })
    .join('\n');
}

/**
 * Creating and migrating a schema costs ~300 ms on PostgreSQL, so a test file migrates one
 * schema once and each test starts from it emptied.
 */
export function reusedPostgresSchema(): HarnessFactories & { drop(): Promise<void> } {
  let schema: Promise<{ name: string; empty: string; drop(): Promise<void> }> | undefined;
  const migrated: HarnessFactory = async () => {
    schema ??= createSchema().then(async (created) => {
      await (await openStore({ url: urlForSchema(created.name) })).close();
      return { ...created, empty: await emptyingStatements(created.name) };
    });
    const { name, empty } = await schema;
    return createHarness({ url: urlForSchema(name) }, async () => void (await runAsAdmin(empty)));
  };
  return {
    empty: createEmptyPostgresHarness,
    migrated,
    drop: async () => (await schema)?.drop(),
  };
}
