import type { RepoGitHub } from '../github/port.js';
import type { Store } from '../store/types.js';
import type { RepoCache } from './repo-cache.js';
import type { HostCapabilities } from './host-capabilities.js';
import type { ReconcileEvents } from './reconcile-events.js';

/** pino's shape, narrowed to what Sluice calls. */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** One queue: a repository's base branch. */
export interface QueueKey {
  /** `owner/name` */
  repo: string;
  base: string;
}

export interface Settings {
  /** Name of our check run on queued PRs. */
  checkName: string;
  /** How long to wait for GitHub to compute a PR's mergeability before giving up for now. */
  mergeabilityPollMs: number[];
  /** Links in check runs and comments (the app's public URL), when known. */
  appUrl: string | undefined;
}

/** Everything the orchestrator touches, passed in: one queue's GitHub, the store, the clock. */
export interface ReconcileDeps {
  github: RepoGitHub;
  store: Store;
  cache: RepoCache;
  /** What the installation's GitHub host supports (shared by its repositories). */
  host: HostCapabilities;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: Log;
  settings: Settings;
  /** Told of every effect applied (the metrics); absent, nobody watches. */
  events?: ReconcileEvents;
}

export const defaultSettings: Settings = {
  checkName: 'Sluice',
  mergeabilityPollMs: [500, 1000, 2000, 4000],
  appUrl: undefined,
};
