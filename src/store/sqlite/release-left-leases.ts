import type Database from 'better-sqlite3';
import { releasedAt } from '../lease-store.js';

/**
 * Called right after the process lock is taken, which proves no other process has the file:
 * every lease in it was left by a previous holder that died (a clean stop releases its own).
 * Releasing them lets a restarted app move its queues at once instead of after their expiry.
 * Generations and run-again marks stay: the next holder takes the next generation, and any
 * reconcile the start-up sweep runs covers what a mark asked for. Before the first migration
 * there is no table yet, and nothing to release.
 */
export function releaseLeftLeases(connection: Database.Database): void {
  const table = connection
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'lease'")
    .get();
  if (table !== undefined) connection.prepare('update lease set expires_at = ?').run(releasedAt);
}
