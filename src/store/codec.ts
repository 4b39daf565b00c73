import { StoreError } from './errors.js';
import type { Json } from './records.js';

export type Dialect = 'sqlite' | 'postgres';

/** Turns column values, which differ by dialect, into domain values and back. */
export interface Codec {
  dialect: Dialect;
  readTime(value: unknown): Date;
  readJson(value: unknown): Json;
  isUniqueViolation(error: unknown): boolean;
}

export function writeTime(time: Date): string {
  return time.toISOString();
}

export function writeJson(value: Json | undefined): string {
  return JSON.stringify(value ?? null);
}

export function readOptionalTime(codec: Codec, value: unknown): Date | null {
  return value === null || value === undefined ? null : codec.readTime(value);
}

/**
 * States are text in the database; a value this code does not know (written by a newer
 * Sluice, or by hand) must not be read as some default, so it stops the read.
 */
export function readEnum<T extends string>(
  value: string,
  allowed: readonly T[],
  column: string,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new StoreError(
    `Unexpected value '${value}' in column ${column} (expected one of ${allowed.join(', ')}).`,
  );
}

function readTime(value: unknown): Date {
  // Also takes a Date from another realm, which `instanceof Date` would not recognise.
  const time = new Date(value as string | Date);
  if (Number.isNaN(time.getTime())) throw new StoreError(`Unreadable time '${String(value)}'.`);
  return time;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

export function createCodec(dialect: Dialect): Codec {
  switch (dialect) {
    case 'sqlite':
      return {
        dialect,
        readTime,
        readJson: (value) => JSON.parse(String(value)) as Json,
        isUniqueViolation: (error) =>
          errorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' ||
          errorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
      };
    case 'postgres':
      return {
        dialect,
        readTime,
        // jsonb comes back parsed; a JSON string is a JS string, not text to parse again.
        readJson: (value) => value as Json,
        isUniqueViolation: (error) => errorCode(error) === '23505',
      };
  }
}
