/** The store could not do what was asked; the message says what and, when known, the fix. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Another live process has the SQLite file open. */
export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';

  constructor(
    readonly path: string,
    /** Undefined when the other process was itself still starting up. */
    readonly holder: { pid: number; host: string; since: string } | undefined,
  ) {
    const who =
      holder === undefined
        ? 'another process that is starting up'
        : `process ${holder.pid} on ${holder.host} (since ${holder.since})`;
    super(
      `The SQLite store ${path} is in use by ${who}. Stop that process, or point ` +
        `DATABASE_URL at PostgreSQL to run several replicas.`,
    );
  }
}

/** A migration failed, or the database was migrated by a newer Sluice. */
export class StoreMigrationError extends StoreError {
  override name = 'StoreMigrationError';
}
