import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeError } from '../../store/describe-error.js';
import { StoreError } from '../../store/errors.js';
import { migrateStore, readMigrationStatus } from '../../store/migrate-store.js';
import { listMigrations } from '../../store/migrations/index.js';
import {
  openStoreDatabase,
  resolveStoreLocation,
  type StoreLocation,
} from '../../store/open-store-database.js';
import type { StoreDatabase } from '../../store/store-database.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';

const usage = `Usage: sluice migrate [--database URL|PATH] [--status]

Creates or upgrades the store's tables. The app does the same when it starts; run this
to upgrade ahead of a deploy, or to check a database.

Options:
  --database URL|PATH  postgres://... for PostgreSQL, or a SQLite file
                       (default: $DATABASE_URL, else .sluice/sluice.db)
  --status             list the migrations and whether each is applied; change nothing

Exit codes: 0 done (with --status: nothing pending), 1 failed (with --status: some
pending), 2 usage error.`;

function parseOptions(args: string[]): { database?: string; status: boolean } {
  try {
    const { values } = parseArgs({
      args,
      options: { database: { type: 'string' }, status: { type: 'boolean', default: false } },
    });
    return { database: values.database, status: values.status };
  } catch (error) {
    // Node's parser appends advice about positional arguments, which this command has none of.
    throw new UsageError(describeError(error).split('. ')[0] ?? 'invalid arguments');
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

async function printStatus(database: StoreDatabase, io: CliIo): Promise<number> {
  const statuses = await readMigrationStatus(database);
  const lines = statuses.map(({ name, appliedAt }) =>
    appliedAt === undefined
      ? `  pending                             ${name}`
      : `  applied ${appliedAt.toISOString().padEnd(28)}${name}`,
  );
  const pending = statuses.filter((status) => status.appliedAt === undefined).length;
  const verdict =
    pending === 0
      ? 'Up to date.'
      : `${plural(pending, 'migration')} pending: run \`sluice migrate\` to apply.`;
  io.stdout.write(`${database.description}\n${lines.join('\n')}\n${verdict}\n`);
  return pending === 0 ? 0 : 1;
}

async function applyMigrations(database: StoreDatabase, io: CliIo): Promise<number> {
  const applied = await migrateStore(database);
  io.stdout.write(
    applied.length === 0
      ? `${database.description} is up to date.\n`
      : `Applied ${plural(applied.length, 'migration')} to ${database.description}: ` +
          `${applied.join(', ')}\n`,
  );
  return 0;
}

/** `--status` on a SQLite file that does not exist reports, rather than creating the file. */
function reportMissingFile(location: StoreLocation, io: CliIo): number | undefined {
  if (!('sqlitePath' in location) || existsSync(location.sqlitePath)) return undefined;
  const names = Object.keys(listMigrations('sqlite'));
  io.stdout.write(
    `No SQLite file at ${location.sqlitePath} yet: ${plural(names.length, 'migration')} ` +
      `pending (${names.join(', ')}).\n`,
  );
  return 1;
}

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: "create or upgrade the store's tables (also done at start-up)",
  usage,
  async run(args, io) {
    const options = parseOptions(args);
    try {
      const location = resolveStoreLocation({ ...options, env: io.env, cwd: io.cwd });
      const missing = options.status ? reportMissingFile(location, io) : undefined;
      if (missing !== undefined) return missing;
      const database = await openStoreDatabase(location);
      try {
        return await (options.status ? printStatus : applyMigrations)(database, io);
      } finally {
        await database.close();
      }
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      io.stderr.write(`sluice migrate: ${error.message}\n`);
      return 1;
    }
  },
};
