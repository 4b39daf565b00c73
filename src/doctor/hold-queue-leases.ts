import type { LeaseStore } from '../store/types.js';

/** Long enough for one repository's look and fix; short enough that a crashed doctor is soon forgotten. */
const ttlMs = 5 * 60_000;

export type HeldLeases =
  { ok: true; release(): Promise<void> } | { ok: false; base: string; holder: string; until: Date };

/**
 * Takes the reconciler's own lease on every queue of the repository (same names as
 * ReconcileScheduler), so no replica acts on a queue while doctor looks at it and repairs
 * it. All or nothing: a queue being reconciled right now means "look again shortly".
 */
export async function holdQueueLeases(
  leases: LeaseStore,
  input: { repo: string; bases: string[]; holder: string; now: Date },
): Promise<HeldLeases> {
  const held: string[] = [];
  const release = async () => {
    for (const name of held)
      await leases.release({ name, holder: input.holder }).catch(() => undefined);
  };
  for (const base of input.bases) {
    const name = `reconcile:${input.repo}:${base}`;
    const taken = await leases.acquire({ name, holder: input.holder, now: input.now, ttlMs });
    if (!taken.ok) {
      await release();
      return {
        ok: false,
        base,
        holder: taken.current?.holder ?? 'another process',
        until: taken.current?.expiresAt ?? input.now,
      };
    }
    held.push(name);
  }
  return { ok: true, release };
}
