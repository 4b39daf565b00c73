import type { Json, MutationIntent } from '../store/types.js';
import type { ReconcileDeps } from './types.js';

export type JournalStatus = 'done' | 'failed' | 'unknown';

/**
 * Records a GitHub mutation before it is sent and its outcome after, so a crash between the
 * two leaves an open row the next reconcile can resolve by looking at GitHub (never by
 * blindly repeating the call). `status` maps the typed result to the journal's verdict.
 */
export async function journaled<T>(
  deps: ReconcileDeps,
  intent: Omit<MutationIntent, 'repo' | 'idempotencyKey'> & { key: string },
  act: () => Promise<T>,
  status: (result: T) => JournalStatus,
): Promise<T> {
  const repo = `${deps.github.owner}/${deps.github.repo}`;
  const { key, ...rest } = intent;
  const { row } = await deps.store.journal.recordIntent({
    ...rest,
    repo,
    idempotencyKey: `${key}@${deps.now().getTime()}`,
    now: deps.now(),
  });
  let result: T;
  try {
    result = await act();
  } catch (error) {
    await deps.store.journal.recordOutcome({
      id: row.id,
      now: deps.now(),
      status: 'unknown',
      result: { error: String(error) },
    });
    throw error;
  }
  await deps.store.journal.recordOutcome({
    id: row.id,
    now: deps.now(),
    status: status(result),
    result: toJson(result),
  });
  return result;
}

/** A plain-JSON copy of a value, for the store's JSON columns. */
export function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}
