import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import pg from 'pg';
import { FakeGitHub } from '../../fake-github/fake-github.js';
import type { RequestLogEntry } from '../../fake-github/world/logs.js';
import type { OutgoingDelivery, Permissions } from '../../fake-github/world/types.js';
import { waitForProgress } from '../../fake-github/control/wait-for-progress.js';
import type { CiScript } from '../../fake-github/ci/types.js';
import { AppProcess, freePort } from './app-process.js';
import { createPostgresSchema } from './postgres-schema.js';
import type { Scenario, ScenarioSettleOptions } from './scenario.js';

const root = resolve(import.meta.dirname, '../../..');
const fullName = 'acme/widgets';

export interface ReplicaWorldOptions {
  /** One `SLUICE_REPLICA_ID` per replica: the first is `app`, the one webhooks go to at first. */
  replicaIds: string[];
  leaseTtlMs: number;
  leaseRenewMs?: number;
  ci: CiScript;
  requiredChecks: string[];
  /** `.github/sluice.yml` on the default branch. */
  config?: string;
}

/** The queue's lease row as the database holds it (`src/store/lease-store.ts`). */
export interface LeaseRow {
  holder: string;
  generation: number;
  runAgain: boolean;
  /** Judged by the database's own clock, as the replicas judge it. */
  expired: boolean;
}

/**
 * Several Sluice processes on one PostgreSQL schema against one local GitHub: a Scenario whose
 * `app` is the first replica, plus what the replica stories need to stage a lease's life —
 * steering webhooks, freezing a replica (SIGSTOP) at an exact request, reading the lease row.
 */
export interface ReplicaWorld extends Scenario {
  replicas: AppProcess[];
  /** GitHub's webhooks go to this replica from now on; to nobody (lost, answered 200) if none. */
  routeWebhooksTo(app: AppProcess | undefined): void;
  /**
   * Runs `work` (a sweep, say) on `app` and SIGSTOPs the replica the moment the stand-in has
   * answered its first request matching `match`, before the answer leaves: the process is
   * frozen holding whatever it held, the answer waiting in its socket. Resolves once it is
   * frozen, with `work`'s own end (which comes only after `resume`); fails if `work` ends first.
   */
  freezeDuring(
    app: AppProcess,
    match: (entry: RequestLogEntry) => boolean,
    work: () => Promise<void>,
  ): Promise<{ finished: Promise<void> }>;
  resume(app: AppProcess): void;
  /** Waits until the stand-in has logged (and so finished handling) a request matching `match`. */
  waitForRequest(match: (entry: RequestLogEntry) => boolean): Promise<void>;
  /** The installation's writes to GitHub logged from `fromIndex` of the request log on. */
  appWritesSince(fromIndex: number): RequestLogEntry[];
  lease(): Promise<LeaseRow | undefined>;
  /** Waits until the queue's lease has expired by the database's clock (a real TTL passing). */
  waitForLeaseExpiry(): Promise<void>;
}

async function manifest(): Promise<{ permissions: Permissions; events: string[] }> {
  const doc = load(await readFile(resolve(root, 'app.yml'), 'utf8')) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  return { permissions: doc.default_permissions, events: doc.default_events };
}

/** What the stand-in logs as a write of the app's: token creation aside, anything not a read. */
function isAppWrite(entry: RequestLogEntry): boolean {
  if (!entry.caller.startsWith('installation:')) return false;
  if (entry.method === 'GET' || entry.method === 'HEAD') return false;
  const op = entry.operationId ?? '';
  return op.startsWith('graphql-mutation/') || !op.startsWith('graphql');
}

export async function startReplicaWorld(options: ReplicaWorldOptions): Promise<ReplicaWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-replicas-'));
  const gh = await FakeGitHub.start({ dataDir: join(dataDir, 'github') });
  const { permissions, events } = await manifest();
  const registered = gh.registerApp({ slug: 'sluice', permissions, events });
  await gh.createRepo({
    fullName,
    ownerType: 'Organization',
    files: {
      'README.md': '# widgets\n',
      ...(options.config ? { '.github/sluice.yml': options.config } : {}),
    },
    collaborators: { maintainer: 'write', alice: 'write', bob: 'write' },
    protection: {
      main: {
        requiredStatusChecks: {
          strict: false,
          contexts: options.requiredChecks,
          checks: options.requiredChecks.map((context) => ({ context, app_id: null })),
        },
      },
    },
  });
  const repo = gh.repo(fullName);
  repo.scriptCi(options.ci);
  const schema = await createPostgresSchema();
  const replicas: AppProcess[] = [];
  for (const id of options.replicaIds)
    replicas.push(
      new AppProcess(await freePort(), {
        ...gh.envFor(registered),
        DATABASE_URL: schema.url,
        SLUICE_REPLICA_ID: id,
        SLUICE_LEASE_TTL_MS: String(options.leaseTtlMs),
        ...(options.leaseRenewMs ? { SLUICE_LEASE_RENEW_MS: String(options.leaseRenewMs) } : {}),
        SLUICE_GITHUB_THROTTLE: 'off',
        SLUICE_SWEEP_INTERVAL_MS: String(60 * 60_000),
        LOG_LEVEL: 'debug',
        SLUICE_TEST_HOOKS: '1',
      }),
    );
  const app = replicas[0]!;
  let route: AppProcess | undefined = app;
  gh.install(registered.app, { account: 'acme', receiver: forwardTo(() => route) });

  const frozen = new Set<AppProcess>();
  const watchers: ((entry: RequestLogEntry) => void)[] = [];
  const log = gh.world.requests;
  const push = log.push.bind(log);
  log.push = (...entries: RequestLogEntry[]): number => {
    const length = push(...entries);
    for (const entry of entries) for (const watch of [...watchers]) watch(entry);
    return length;
  };

  const requestCount = { name: 'API requests', read: () => String(log.length) };

  const db = new pg.Client({ connectionString: schema.url });
  await db.connect();
  const stop = async () => {
    // A frozen process cannot act on SIGTERM: thaw it first so it shuts down like the others.
    for (const replica of frozen) resume(replica);
    for (const replica of replicas) await replica.stop();
    await db.end();
    await gh.close();
    await schema.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const resume = (replica: AppProcess) => {
    frozen.delete(replica);
    if (alive(replica)) process.kill(replica.pid!, 'SIGCONT');
  };
  try {
    for (const replica of replicas) await replica.start();
  } catch (error) {
    await stop();
    throw error;
  }

  const lease = async (): Promise<LeaseRow | undefined> => {
    const { rows } = await db.query<{
      holder: string;
      generation: number;
      run_again: number;
      expired: boolean;
    }>(
      'select holder, generation, run_again, expires_at <= now() as expired from lease where name = $1',
      [`reconcile:${fullName}:main`],
    );
    const row = rows[0];
    return (
      row && {
        holder: row.holder,
        generation: Number(row.generation),
        runAgain: row.run_again === 1,
        expired: row.expired,
      }
    );
  };

  // A frozen replica's health request would hang, and a dead one's fail: neither will act.
  const running = () => replicas.filter((r) => alive(r) && !frozen.has(r));
  const settle = (settleOptions: ScenarioSettleOptions = {}) =>
    gh.settle({
      probes: replicas.map((replica, i) => ({
        name: `replica ${options.replicaIds[i]} (/sluice/health)`,
        idle: async () =>
          !running().includes(replica) ||
          (await replica.health().catch(() => ({ idle: false }))).idle,
      })),
      progress: replicas.map((replica) => replica.logProgress),
      describe: () =>
        replicas
          .map((replica, i) => `--- ${options.replicaIds[i]} log ---\n${replica.tail(40)}`)
          .join('\n'),
      ...(settleOptions.onSlow ? { onSlow: settleOptions.onSlow } : {}),
    });

  return {
    gh,
    repo,
    app,
    databaseUrl: schema.url,
    registered,
    replicas,
    settle,
    restartApp: async () => {
      await app.stop();
      await app.start();
    },
    stop,
    routeWebhooksTo: (target) => void (route = target),
    freezeDuring: async (replica, match, work) => {
      let isFrozen = false;
      const watch = (entry: RequestLogEntry) => {
        if (isFrozen || !match(entry) || !alive(replica)) return;
        // Synchronous, inside the stand-in's logging of the request: the answer is not sent yet.
        process.kill(replica.pid!, 'SIGSTOP');
        frozen.add(replica);
        isFrozen = true;
      };
      watchers.push(watch);
      let ended = false;
      const finished = work().finally(() => (ended = true));
      // Whatever `work` throws is the caller's to see, through `finished`; not unhandled here.
      finished.catch(() => undefined);
      try {
        await waitForProgress({
          what: 'the replica to make the request it is frozen at',
          sources: [replica.logProgress, requestCount],
          outstanding: () => {
            if (isFrozen) return [];
            if (ended) throw new Error(`the work ended without that request:\n${replica.tail()}`);
            return ['the request'];
          },
          describe: () => replica.tail(),
        });
      } finally {
        watchers.splice(watchers.indexOf(watch), 1);
      }
      return { finished };
    },
    resume,
    waitForRequest: (match) =>
      waitForProgress({
        what: 'the stand-in to finish a request',
        sources: [requestCount, ...replicas.map((replica) => replica.logProgress)],
        outstanding: () => (log.some(match) ? [] : ['the request to be logged']),
      }),
    appWritesSince: (fromIndex) => log.slice(fromIndex).filter(isAppWrite),
    lease,
    waitForLeaseExpiry: () =>
      // No progress source: only the TTL moves this, and it is far shorter than a stall.
      waitForProgress({
        what: 'the queue lease to expire by the database clock',
        sources: [],
        outstanding: async () => ((await lease())?.expired ? [] : ['the lease to expire']),
      }),
  };
}

/** `pid` stays set for a child killed by a signal (its exit code is null): ask the OS. */
function alive(replica: AppProcess): boolean {
  if (replica.pid === undefined) return false;
  try {
    process.kill(replica.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * GitHub posts each delivery to the app's one webhook URL; a load balancer picks a replica.
 * Here the test picks, and "nobody" is a delivery that is lost on the way (answered, unheard).
 */
function forwardTo(target: () => AppProcess | undefined) {
  return async (delivery: OutgoingDelivery): Promise<{ status: number; body?: string }> => {
    const replica = target();
    if (!replica) return { status: 200, body: 'lost on the way' };
    try {
      const response = await fetch(replica.webhookUrl, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        // GitHub's own limit on a delivery: it gives up after 10 s (a dead or frozen replica).
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: 502, body: String(error) };
    }
  };
}
