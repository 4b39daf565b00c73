import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RepoGitHub } from '../../../src/github/port.js';
import { fencedGitHub } from '../../../src/reconcile/fenced-github.js';
import { LeaseLostError } from '../../../src/reconcile/lease-lost-error.js';
import type { LeaseFence } from '../../../src/reconcile/queue-lease.js';
import { ReconcileScheduler } from '../../../src/reconcile/scheduler.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';

const queue = { repo: 'acme/widgets', base: 'main' };
const ttlMs = 60_000;

/** A promise the test resolves when it wants the reconcile to go on. */
function gate() {
  let open: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

/** Renewal runs off a timer, not awaited by anyone: give the event loop turns until it shows. */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  for (let turn = 0; turn < 10_000 && !(await condition()); turn++)
    await new Promise((resolve) => setImmediate(resolve));
}

/** Only what these reconciles call: one read and one write, both recorded. */
function recordingGitHub(sent: string[]): RepoGitHub {
  return {
    owner: 'acme',
    repo: 'widgets',
    branchSha: (branch: string) => Promise.resolve(`sha-of-${branch}`),
    setBranch: (branch: string, sha: string) => {
      sent.push(`${branch}=${sha}`);
      return Promise.resolve({ kind: 'ok' as const });
    },
  } as unknown as RepoGitHub;
}

describe('the scheduler under queue leases', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  const warnings: string[] = [];
  const log = {
    debug: () => undefined,
    info: () => undefined,
    warn: (_: object, msg?: string) => void warnings.push(msg ?? ''),
    error: (_: object, msg?: string) => void warnings.push(msg ?? ''),
  };
  /** A replica: its own holder id; renewals only when the test ticks. */
  const replica = (run: (lease: LeaseFence) => Promise<void>) => {
    const ticks: (() => void)[] = [];
    const scheduler = new ReconcileScheduler((_queue, lease) => run(lease), {
      leases: store.leases,
      now: () => new Date(clock),
      log,
      ttlMs,
      renewMs: ttlMs / 4,
      every: (_ms, tick) => {
        ticks.push(tick);
        return () => ticks.splice(ticks.indexOf(tick), 1);
      },
    });
    return { scheduler, renew: () => ticks.forEach((tick) => tick()) };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scheduler-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
    clock = Date.UTC(2026, 0, 1, 12);
    warnings.length = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs again for a request another replica turned away, instead of dropping it', async () => {
    const working = gate();
    const started = gate();
    let runsA = 0;
    let runsB = 0;
    const a = replica(async () => {
      runsA++;
      started.open();
      if (runsA === 1) await working.closed;
    });
    const b = replica(() => Promise.resolve(void runsB++));

    const first = a.scheduler.schedule(queue, 'webhook');
    await started.closed;
    await b.scheduler.schedule(queue, 'webhook to the other replica');
    expect(runsB).toBe(0);
    working.open();
    await first;

    expect(runsA).toBe(2);
    await b.scheduler.schedule(queue, 'later');
    expect(runsB).toBe(1);
  });

  it('renews the lease while a reconcile works, so it outlasts its TTL', async () => {
    const working = gate();
    const started = gate();
    const a = replica(async () => {
      started.open();
      await working.closed;
    });
    let runsB = 0;
    const b = replica(() => Promise.resolve(void runsB++));

    const first = a.scheduler.schedule(queue, 'webhook');
    await started.closed;
    clock += ttlMs * 0.75;
    a.renew();
    const probe = { name: 'reconcile:acme/widgets:main', holder: 'probe', ttlMs };
    await until(async () => {
      const seen = await store.leases.acquire({ ...probe, now: new Date(clock) });
      return !seen.ok && seen.current!.expiresAt.getTime() > clock + ttlMs / 2;
    });
    clock += ttlMs * 0.5;
    await b.scheduler.schedule(queue, 'sweep on the other replica');
    expect(runsB).toBe(0);
    working.open();
    await first;
  });

  it('stops before its next GitHub write once another replica took the lapsed lease over', async () => {
    const sent: string[] = [];
    const github = recordingGitHub(sent);
    const paused = gate();
    const started = gate();
    let thrown: unknown;
    const a = replica(async (lease) => {
      const fenced = fencedGitHub(github, lease);
      await fenced.setBranch('sluice/staging/main', 'first', { force: true });
      started.open();
      await paused.closed;
      expect(await fenced.branchSha('main')).toBe('sha-of-main');
      try {
        await fenced.setBranch('sluice/staging/main', 'stale', { force: true });
      } catch (error) {
        thrown = error;
        throw error;
      }
    });
    const b = replica(async (lease) => {
      await fencedGitHub(github, lease).setBranch('sluice/staging/main', 'new holder', {
        force: true,
      });
    });

    const first = a.scheduler.schedule(queue, 'webhook');
    await started.closed;
    // A pause longer than the lease (a GC pause, a frozen VM): no renewal ran.
    clock += ttlMs + 1;
    await b.scheduler.schedule(queue, 'sweep on the other replica');
    paused.open();
    await first;

    expect(thrown).toBeInstanceOf(LeaseLostError);
    expect(sent).toEqual(['sluice/staging/main=first', 'sluice/staging/main=new holder']);
    expect(warnings).toContain('lost the queue lease; the new holder carries on');
  });

  it('stops writing at once after a renewal is refused', async () => {
    const sent: string[] = [];
    const paused = gate();
    const started = gate();
    const a = replica(async (lease) => {
      started.open();
      await paused.closed;
      await fencedGitHub(recordingGitHub(sent), lease).setBranch('x', 'y', { force: true });
    });

    const first = a.scheduler.schedule(queue, 'webhook');
    await started.closed;
    clock += ttlMs + 1;
    a.renew();
    await until(() => warnings.length > 0);
    paused.open();
    await first;

    expect(sent).toEqual([]);
    expect(warnings).toContain(
      'could not renew the queue lease; this reconcile stops before its next write',
    );
  });

  it('tells its watcher when it takes a queue lease and when it lets go, never for a turned-away run', async () => {
    const seen: string[] = [];
    const working = gate();
    const started = gate();
    const a = new ReconcileScheduler(
      async () => {
        seen.push('running');
        started.open();
        await working.closed;
      },
      {
        leases: store.leases,
        now: () => new Date(clock),
        log,
        onLease: (q, held) => void seen.push(`${q.repo}:${q.base} ${held ? 'held' : 'let go'}`),
      },
    );
    const b = replica(() => Promise.resolve());

    const first = a.schedule(queue, 'webhook');
    await started.closed;
    await b.scheduler.schedule(queue, 'turned away by the lease');
    working.open();
    await first;

    // The turned-away request runs again within the same turn of the lease.
    expect(seen).toEqual([
      'acme/widgets:main held',
      'running',
      'running',
      'acme/widgets:main let go',
    ]);
  });
});
