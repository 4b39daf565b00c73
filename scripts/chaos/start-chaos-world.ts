import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { FakeGitHub } from '../../test/fake-github/fake-github.js';
import type { RepoHandle } from '../../test/fake-github/control/repo-handle.js';
import type { Permissions } from '../../test/fake-github/world/types.js';
import { AppProcess, freePort } from '../../test/e2e/support/app-process.js';
import { createPostgresSchema } from '../../test/e2e/support/postgres-schema.js';
import { createWebhookFanOut } from './webhook-fan-out.js';
import { watchRequests, type RequestListener } from './request-watch.js';
import type { SeededRandom } from './seeded-random.js';

const root = resolve(import.meta.dirname, '../..');

/** PostgreSQL leases: how long one lasts unrenewed and how often its holder renews it. */
export const leaseTiming = { ttlMs: 60_000, renewMs: 15_000 };

export interface ChaosWorldOptions {
  replicas: number;
  store: 'sqlite' | 'postgres';
  files: Record<string, string>;
  requiredChecks: string[];
  /** Deliveries forwarded after random pauses (reordered); otherwise in GitHub's order. */
  reorder?: SeededRandom;
}

export interface ChaosWorld {
  gh: FakeGitHub;
  repo: RepoHandle;
  replicas: AppProcess[];
  alive(index: number): boolean;
  onRequest(listener: RequestListener): void;
  /** When the last SIGKILL was sent (epoch ms, as the request log's `arrivedAtMs`). */
  readonly lastKillAtMs: number | undefined;
  /** SIGKILL, as when a machine dies; synchronous up to the signal. */
  kill(index: number): Promise<void>;
  start(index: number): Promise<void>;
  /** Waits until GitHub, CI and every live replica are idle; fails only on a stall. */
  settle(): Promise<void>;
  sweep(discover: boolean): Promise<void>;
  advanceAppClocks(ms: number): Promise<void>;
  stop(): Promise<void>;
}

async function manifest(): Promise<{ permissions: Permissions; events: string[] }> {
  const doc = load(await readFile(resolve(root, 'app.yml'), 'utf8')) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  return { permissions: doc.default_permissions, events: doc.default_events };
}

/**
 * The e2e scenario's world (test/e2e/support/scenario.ts) with what a campaign needs on top:
 * several replicas on one store, every webhook fanned out to each of them, and a hook on every
 * logged request. Replicas share one database: a SQLite file for one, a PostgreSQL schema for more.
 */
export async function startChaosWorld(options: ChaosWorldOptions): Promise<ChaosWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-chaos-'));
  const gh = await FakeGitHub.start({ dataDir: join(dataDir, 'github') });
  const watch = watchRequests(gh);
  const { permissions, events } = await manifest();
  const registered = gh.registerApp({ slug: 'sluice', permissions, events });
  const contexts = options.requiredChecks;
  await gh.createRepo({
    fullName: 'acme/widgets',
    ownerType: 'Organization',
    files: options.files,
    collaborators: { maintainer: 'write', alice: 'write', bob: 'write' },
    protection: {
      main: {
        requiredStatusChecks: {
          strict: false,
          contexts,
          checks: contexts.map((context) => ({ context, app_id: null })),
        },
      },
    },
  });
  const schema = options.store === 'postgres' ? await createPostgresSchema() : undefined;
  const replicas: AppProcess[] = [];
  const down = new Set<number>();
  for (let i = 0; i < options.replicas; i++) {
    replicas.push(
      new AppProcess(await freePort(), {
        ...gh.envFor(registered),
        DATABASE_URL: schema?.url ?? join(dataDir, 'sluice.db'),
        SLUICE_GITHUB_THROTTLE: 'off',
        SLUICE_SWEEP_INTERVAL_MS: String(60 * 60_000),
        SLUICE_LEASE_TTL_MS: String(leaseTiming.ttlMs),
        SLUICE_LEASE_RENEW_MS: String(leaseTiming.renewMs),
        LOG_LEVEL: 'debug',
        SLUICE_TEST_HOOKS: '1',
      }),
    );
  }
  const live = () => replicas.filter((_, i) => !down.has(i));
  const fanOut = createWebhookFanOut({
    targets: () => live().map((app) => app.webhookUrl),
    ...(options.reorder ? { reorder: { random: options.reorder, maxDelayMs: 150 } } : {}),
  });
  gh.install(registered.app, { account: 'acme', receiver: fanOut.receive });
  const stop = async () => {
    for (const app of replicas) await app.stop();
    await gh.close();
    await schema?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    for (const app of replicas) await app.start();
  } catch (error) {
    await stop();
    throw error;
  }
  let lastKillAtMs: number | undefined;
  return {
    gh,
    repo: gh.repo('acme/widgets'),
    get lastKillAtMs() {
      return lastKillAtMs;
    },
    replicas,
    alive: (index) => !down.has(index),
    onRequest: (listener) => watch.listen(listener),
    kill: (index) => {
      down.add(index);
      lastKillAtMs = performance.timeOrigin + performance.now();
      return replicas[index]!.kill();
    },
    start: async (index) => {
      await replicas[index]!.start();
      down.delete(index);
    },
    settle: () =>
      gh.settle({
        // A replica killed while settle waits counts as idle: nothing more will come from it.
        probes: replicas.map((app, i) => ({
          name: `replica ${i} (/sluice/health)`,
          idle: async () =>
            down.has(i) || (await app.health().catch(() => ({ idle: down.has(i) }))).idle,
        })),
        busy: [() => fanOut.pending > 0],
        progress: live().map((app) => app.logProgress),
        describe: () =>
          live()
            .map((app) => `--- app log ---\n${app.tail(30)}`)
            .join('\n'),
      }),
    // A replica killed during the call answers nothing; the others still sweep.
    sweep: async (discover) => {
      for (const app of live()) await app.sweep(discover).catch(() => undefined);
    },
    advanceAppClocks: async (ms) => {
      for (const app of live()) await app.advanceClock(ms).catch(() => undefined);
    },
    stop,
  };
}
