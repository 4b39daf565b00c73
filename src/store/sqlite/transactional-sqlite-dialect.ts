import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * SQLite runs CREATE and ALTER inside transactions, but Kysely's adapter says it does not,
 * so its Migrator would commit each statement on its own: a crash mid-migration would
 * leave half the tables, and every statement pays its own fsync. Saying yes makes each
 * migration, with its row in the migrations table, commit once or not at all.
 * (A future table-rebuilding migration cannot toggle `foreign_keys` inside it.)
 */
export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
