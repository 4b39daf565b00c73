import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Dialect } from '../codec.js';

/**
 * Column types that differ by dialect. Times and JSON get native types on PostgreSQL, so an
 * operator in psql reads them naturally; SQLite keeps ISO text and JSON text.
 */
export interface ColumnTypes {
  time: 'timestamptz' | 'text';
  json: 'jsonb' | 'text';
  /** Adds an integer primary key the database numbers. */
  addId<T extends string, C extends string>(
    table: CreateTableBuilder<T, C>,
  ): CreateTableBuilder<T, C | 'id'>;
}

function identity(dialect: Dialect): (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  switch (dialect) {
    case 'sqlite':
      // AUTOINCREMENT so an id is never reused after a delete: the journal refers to ids.
      return (col) => col.primaryKey().autoIncrement();
    case 'postgres':
      return (col) => col.primaryKey().generatedByDefaultAsIdentity();
  }
}

export function columnTypesFor(dialect: Dialect): ColumnTypes {
  const postgres = dialect === 'postgres';
  return {
    time: postgres ? 'timestamptz' : 'text',
    json: postgres ? 'jsonb' : 'text',
    addId: (table) => table.addColumn('id', 'integer', identity(dialect)),
  };
}
