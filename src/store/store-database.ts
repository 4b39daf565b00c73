import type { Kysely } from 'kysely';
import type { Codec } from './codec.js';
import type { StoreSchema } from './schema.js';

/** An open database, before or without the Store on top (`sluice migrate` uses it bare). */
export interface StoreDatabase {
  db: Kysely<StoreSchema>;
  codec: Codec;
  /** PostgreSQL schema holding the tables (the first on search_path); none on SQLite. */
  schema: string | undefined;
  /** For messages: `SQLite file /x/sluice.db`, `PostgreSQL db.example/sluice`. */
  description: string;
  close(): Promise<void>;
}
