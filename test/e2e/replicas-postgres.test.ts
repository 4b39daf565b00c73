import { afterEach, describe, expect, it } from '@jest/globals';
import type { AppProcess } from './support/app-process.js';
import { stagingCi } from './support/ci-scripts.js';
import { branchSha, openPull, sluiceRun } from './support/pulls.js';
import { startReplicaWorld, type ReplicaWorld } from './support/replicas.js';

const tenMinutes = 10 * 60_000;

const world = (options: { leaseTtlMs: number; leaseRenewMs?: number }) =>
  startReplicaWorld({
    replicaIds: ['replica-a', 'replica-b'],
    ci: stagingCi(),
    requiredChecks: ['build', 'test'],
    // The landed comment is opt-in: on here, so that a PR told once, whichever replica tells
    // it, is seen in its conversation.
    config: 'landing:\n  comment: true\n',
    ...options,
  });

const landedComments = (w: ReplicaWorld, number: number) =>
  w.repo.comments(number).filter((c) => c.body.startsWith('Landed as'));

/** The commits the base gained since `from`, oldest first. */
async function landedSince(w: ReplicaWorld, from: string): Promise<string[]> {
  const head = (await branchSha(w, 'main'))!;
  return w.repo.git.listCommitShas({ head, base: from, order: 'oldest-first' });
}

/** Log lines of a replica from `from` on that say a sweep asked for a reconcile. */
function sweepsScheduled(log: string[], from: number): string[] {
  return log
    .slice(from)
    .filter((line) => line.includes('reconcile scheduled') && line.includes('"reason":"sweep"'));
}

describe('two replicas on one PostgreSQL schema', () => {
  let w: ReplicaWorld | undefined;
  afterEach(async () => w?.stop());

  it('a replica turned away by a busy lease leaves a mark, and the holder runs again for the PR: no sweep needed', async () => {
    w = await world({ leaseTtlMs: tenMinutes });
    const [a, b] = w.replicas as [AppProcess, AppProcess];
    // Webhooks reach replica A only. PR 1 is staged and its CI is running.
    const first = await openPull(w, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await w.repo.label(first.number, 'merge-queue', 'maintainer');
    const second = await openPull(w, { files: { 'src/b.ts': 'export const b = 2;\n' } });
    await w.settle();
    const staging = (await branchSha(w, 'sluice/staging/main/1'))!;

    // B's periodic sweep reconciles the queue and is frozen inside the lease, reading the
    // staging commit's checks: after it read the queue's requests from the store.
    const sweep = await w.freezeDuring(
      b,
      (r) =>
        r.operationId === 'graphql/repository' &&
        JSON.stringify(r.body).includes('SluiceChecksOnCommits') &&
        JSON.stringify(r.body).includes(staging),
      () => b.sweep(),
    );
    expect((await w.lease())?.holder).toMatch(/^replica-b\//);

    const logFrom = [a.log.length, b.log.length] as const;
    await w.repo.label(second.number, 'merge-queue', 'maintainer');
    await w.settle();
    // A was turned away: it left B a run-again mark, and nobody has taken PR 2 in yet.
    expect(await w.lease()).toMatchObject({ runAgain: true, expired: false });
    expect((await w.lease())?.holder).toMatch(/^replica-b\//);
    expect(sluiceRun(w, second.head)).toBeUndefined();

    // B finishes a reconcile that never saw PR 2's request, then runs again for the mark.
    // Before the lease work a turned-away replica dropped the request and the holder simply
    // released: PR 2 would sit unrecorded by the queue until the next sweep, an hour away here.
    w.resume(b);
    await sweep.finished;
    await w.settle();
    // Taken in: waiting, or already probed beside PR 1 (runners are free).
    expect(sluiceRun(w, second.head)).toBeDefined();
    expect(b.log.slice(logFrom[1]).join('\n')).toContain('running again');

    const main = (await branchSha(w, 'main'))!;
    await w.repo.finishCi();
    await w.settle();
    await w.repo.finishCi();
    await w.settle();
    expect(w.repo.pull(first.number).merged).toBe(true);
    expect(w.repo.pull(second.number).merged).toBe(true);
    expect(await landedSince(w, main)).toHaveLength(2);
    expect(sweepsScheduled(a.log, logFrom[0])).toEqual([]);
    expect(sweepsScheduled(b.log, logFrom[1])).toEqual([]);
    w.gh.assertClean();
  });

  it('a replica killed mid-landing and restarted under its replica id takes the queue back at once and tells once', async () => {
    w = await world({ leaseTtlMs: tenMinutes });
    const [a, b] = w.replicas as [AppProcess, AppProcess];
    const main = (await branchSha(w, 'main'))!;
    const pr = await openPull(w, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await w.repo.label(pr.number, 'merge-queue', 'maintainer');
    await w.settle();
    const staging = (await branchSha(w, 'sluice/staging/main/1'))!;

    // A dies the moment its landing write reaches GitHub: the refs move, A never hears back.
    const killed = new Promise<void>((resolve) =>
      w!.gh.races.add('graphql-mutation/updateRefs', async () => resolve(await a.kill())),
    );
    await w.repo.finishCi();
    await killed;
    await w.waitForRequest((r) => r.operationId === 'graphql-mutation/updateRefs');
    await w.gh.deliveries.idle.wait();
    w.gh.deliveries.expectFailuresSoFar();
    expect(w.repo.pull(pr.number).merged).toBe(true);
    expect(landedComments(w, pr.number)).toEqual([]);

    // The dead boot's lease still stands for everyone else: its TTL is ten minutes.
    const dead = (await w.lease())!;
    expect(dead).toMatchObject({ expired: false });
    expect(dead.holder).toMatch(/^replica-a\//);
    await b.sweep();
    expect((await w.lease())?.holder).toBe(dead.holder);

    // No clock advanced and no sweep asked for: the restarted replica's own start takes over.
    // Before the lease work holders were named by process id, so the new boot was turned away
    // like B until the TTL ran out, and nothing would tell the PR it had landed.
    await a.start();
    await w.settle();
    const taken = (await w.lease())!;
    expect(taken.holder).toMatch(/^replica-a\//);
    expect(taken.holder).not.toBe(dead.holder);
    expect(taken.generation).toBeGreaterThan(dead.generation);
    expect(await landedSince(w, main)).toEqual([staging]);
    expect(landedComments(w, pr.number)).toHaveLength(1);
    expect(w.repo.checkRuns(pr.head).filter((c) => c.name === 'Sluice')).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'success' }),
    ]);
    w.gh.assertClean({ allow: ['webhook-failed'] });
  });

  it('a holder frozen past its lease makes no GitHub write once it thaws: the new holder landed the PR', async () => {
    w = await world({ leaseTtlMs: 2000, leaseRenewMs: 500 });
    const [a, b] = w.replicas as [AppProcess, AppProcess];
    const main = (await branchSha(w, 'main'))!;
    const pr = await openPull(w, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    await w.repo.label(pr.number, 'merge-queue', 'maintainer');
    await w.settle();
    const staging = (await branchSha(w, 'sluice/staging/main/1'))!;

    // CI passes, but its webhooks are lost: B's periodic sweep finds the passed checks.
    w.routeWebhooksTo(undefined);
    await w.repo.finishCi();
    await w.settle();
    w.routeWebhooksTo(a);
    // B is frozen with the read that gates its landing answered and not yet received: thawed,
    // it would go straight to the landing write on what it read.
    const sweep = await w.freezeDuring(
      b,
      (r) => JSON.stringify(r.body ?? null).includes('SluiceLandingView'),
      () => b.sweep(),
    );
    const held = (await w.lease())!;
    expect(held.holder).toMatch(/^replica-b\//);

    // A real TTL passes on the database's clock; A's sweep takes the lease and lands.
    await w.waitForLeaseExpiry();
    await a.sweep();
    await w.settle();
    const taken = (await w.lease())!;
    expect(taken.holder).toMatch(/^replica-a\//);
    expect(taken.generation).toBeGreaterThan(held.generation);
    expect(w.repo.pull(pr.number).merged).toBe(true);
    expect(await landedSince(w, main)).toEqual([staging]);

    // Before the lease work nothing fenced a holder: thawed, B would send its landing write on
    // a read made while it still held the queue.
    const requestsFrom = w.gh.world.requests.length;
    const logFrom = b.log.length;
    w.resume(b);
    await sweep.finished;
    await w.settle();
    expect(w.appWritesSince(requestsFrom)).toEqual([]);
    expect(b.log.slice(logFrom).join('\n')).toContain('lost the queue lease');
    expect(await landedSince(w, main)).toEqual([staging]);
    expect(landedComments(w, pr.number)).toHaveLength(1);
    w.gh.assertClean();
  });
});
