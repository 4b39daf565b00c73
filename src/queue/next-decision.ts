import type { QueueSnapshot } from './types.js';

/**
 * When this queue must be decided again though nothing else happens: a batch of new PRs that
 * is not full waits `queue.batch.waitSeconds` after its newest member was queued, and then
 * goes as it is. Null when no decision waits on the clock (the periodic sweep covers the
 * rest, such as a check that never starts).
 */
export function nextDecisionAt(snapshot: QueueSnapshot): Date | null {
  if (!snapshot.config.ok) return null;
  const wait = snapshot.config.config.queue.batch.waitSeconds * 1000;
  if (wait === 0) return null;
  const staged = new Set(snapshot.stagings.flatMap((s) => s.prs.map((p) => p.pr)));
  const now = snapshot.now.getTime();
  const deadlines = snapshot.entries
    .filter((e) => !staged.has(e.pr) && !snapshot.suspects[e.pr])
    .map((e) => e.queuedAt.getTime() + wait)
    .filter((at) => at > now);
  return deadlines.length > 0 ? new Date(Math.min(...deadlines)) : null;
}
