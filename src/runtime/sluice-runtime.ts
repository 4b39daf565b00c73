import type { Probot } from 'probot';
import { createRepoGitHub } from '../github/index.js';
import { withOperation } from '../github/request-operation.js';
import { RepoCache, defaultCacheTtl } from '../reconcile/repo-cache.js';
import { reconcileQueue } from '../reconcile/reconcile-queue.js';
import { ReconcileScheduler } from '../reconcile/scheduler.js';
import { fencedGitHub } from '../reconcile/fenced-github.js';
import type { LeaseFence } from '../reconcile/queue-lease.js';
import {
  defaultSettings,
  type Log,
  type QueueKey,
  type ReconcileDeps,
  type Settings,
} from '../reconcile/types.js';
import type { Store } from '../store/types.js';
import { Installations } from './installations.js';
import { SweepRunner } from './sweep-runner.js';
import { HostCapabilities } from '../reconcile/host-capabilities.js';
import type { ReconcileEvents } from '../reconcile/reconcile-events.js';
import { observeRequests } from '../github/observe-requests.js';
import type { SluiceMetrics } from '../metrics/sluice-metrics.js';
import { effectRecorder } from '../metrics/record-effect.js';
import { githubResponseRecorder } from '../metrics/record-github-response.js';

export interface RuntimeOptions {
  store: Store;
  log: Log;
  settings?: Partial<Settings>;
  now?: () => Date;
  /** Queue lease timing (defaults: 60 s, renewed every 15 s). */
  leases?: { ttlMs?: number; renewMs?: number; replica?: string };
  /** What `/metrics` serves; absent, nothing is recorded. */
  metrics?: SluiceMetrics;
}

/**
 * The one orchestrator of a running app: per-repository caches, the scheduler that runs one
 * reconcile per queue at a time, and the way from "reconcile repo R, branch B" to a
 * reconcile with that repository's GitHub, store and clock.
 */
export class SluiceRuntime {
  readonly installations: Installations;
  readonly scheduler: ReconcileScheduler;
  /** One sweep at a time, whoever asks (the timer, the test hook). */
  readonly sweeps: SweepRunner;
  readonly settings: Settings;
  readonly #caches = new Map<string, RepoCache>();
  /** By account: an installation is per account, and so is the host behind it. */
  readonly #hosts = new Map<string, HostCapabilities>();
  /** Timers for decisions that wait on the clock, by queue. */
  readonly #wakers = new Map<string, NodeJS.Timeout>();
  readonly now: () => Date;
  readonly metrics: SluiceMetrics | undefined;
  readonly #events: ReconcileEvents | undefined;
  /** `<slug>[bot]`: the app's own events come back with this sender. */
  botLogin: string | undefined;

  constructor(
    readonly app: Probot,
    readonly options: RuntimeOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.settings = { ...defaultSettings, ...options.settings };
    const metrics = (this.metrics = options.metrics);
    this.#events = metrics && effectRecorder(metrics, options.store, options.log);
    this.installations = new Installations(
      app,
      metrics &&
        ((octokit, account) => observeRequests(octokit, githubResponseRecorder(metrics, account))),
    );
    this.scheduler = new ReconcileScheduler((queue, lease) => this.#reconcile(queue, lease), {
      leases: options.store.leases,
      now: this.now,
      log: options.log,
      ...options.leases,
      onLease:
        metrics &&
        ((queue, held) =>
          metrics.leaseHeld.set({ repo: queue.repo, base: queue.base }, held ? 1 : 0)),
    });
    this.sweeps = new SweepRunner(this);
  }

  get store(): Store {
    return this.options.store;
  }

  get log(): Log {
    return this.options.log;
  }

  /** Learns the app's bot login (once, at start-up). */
  async identify(): Promise<void> {
    const octokit = await this.installations.appOctokit();
    const { data } = await withOperation('apps/get-authenticated', () =>
      octokit.rest.apps.getAuthenticated(),
    );
    this.botLogin = data?.slug ? `${data.slug}[bot]` : undefined;
  }

  cache(repo: string): RepoCache {
    const key = repo.toLowerCase();
    let cache = this.#caches.get(key);
    if (!cache) {
      cache = new RepoCache(defaultCacheTtl, () => this.now().getTime());
      this.#caches.set(key, cache);
    }
    return cache;
  }

  host(owner: string): HostCapabilities {
    const key = owner.toLowerCase();
    let host = this.#hosts.get(key);
    if (!host) this.#hosts.set(key, (host = new HostCapabilities()));
    return host;
  }

  /** Reconcile this queue soon (coalesced with any run already going). */
  reconcile(queue: QueueKey, reason: string): Promise<void> {
    return this.scheduler.schedule(queue, reason);
  }

  async deps(repo: string): Promise<ReconcileDeps> {
    const [owner = '', name = ''] = repo.split('/');
    const octokit = await this.installations.octokitFor(repo);
    return {
      github: createRepoGitHub({ octokit, owner, repo: name, log: this.log }),
      store: this.store,
      cache: this.cache(repo),
      host: this.host(owner),
      now: this.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      log: this.log,
      settings: this.settings,
      events: this.#events,
    };
  }

  #reconcile(queue: QueueKey, lease: LeaseFence): Promise<void> {
    const run = () => this.#reconcileFenced(queue, lease);
    return this.metrics ? this.metrics.timeReconcile(queue, run) : run();
  }

  /** Under the queue's lease: every GitHub write is fenced by it. */
  async #reconcileFenced(queue: QueueKey, lease: LeaseFence): Promise<void> {
    const deps = await this.deps(queue.repo);
    const report = await reconcileQueue(
      { ...deps, github: fencedGitHub(deps.github, lease) },
      queue,
    );
    if (report.effects.length > 0)
      this.log.info({ ...queue, passes: report.passes, effects: report.effects }, 'reconciled');
    this.#wakeAt(queue, report.wakeAt);
  }

  /** One timer per queue for a decision that waits on the clock; a newer run replaces it. */
  #wakeAt(queue: QueueKey, at: Date | null): void {
    const key = `${queue.repo}:${queue.base}`;
    clearTimeout(this.#wakers.get(key));
    this.#wakers.delete(key);
    if (!at) return;
    const timer = setTimeout(
      () => {
        this.#wakers.delete(key);
        void this.reconcile(queue, 'batch-wait');
      },
      Math.max(0, at.getTime() - this.now().getTime()),
    );
    timer.unref();
    this.#wakers.set(key, timer);
  }
}
