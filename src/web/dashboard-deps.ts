import type { Permission } from '../queue/types.js';
import type { QueueKey } from '../reconcile/types.js';
import type { QueueView } from '../dashboard/queue-view.js';
import type { DashboardEnv } from './dashboard-env.js';
import type { GitHubUserApi } from './github-user-api.js';

export type { QueueKey };

/** One base branch's queue as the index lists it. */
export interface QueueSummary extends QueueKey {
  active: number;
  paused: boolean;
}

/** What the dashboard reads: the store, shaped (see read-dashboard.ts). */
export interface DashboardData {
  queueView(queue: QueueKey): Promise<QueueView>;
  /** Every queue with active entries or a pause, all repositories. */
  queues(): Promise<QueueSummary[]>;
}

/** What the dashboard asks of the app itself, through its installation: read fresh. */
export interface DashboardApp {
  permissionOf(repo: string, login: string): Promise<Permission>;
  /** `queue.minimumPermission` of the repository's config (`write` until it is known). */
  minimumPermission(repo: string): Promise<Permission>;
  isPublic(repo: string): Promise<boolean>;
  /** Records the request as a command of the queue (as a comment would) and reconciles. */
  requestCommand(input: {
    repo: string;
    base: string;
    number: number;
    kind: 'dequeue' | 'retry';
    by: string;
  }): Promise<void>;
  pause(input: QueueKey & { reason: string; by: string }): Promise<boolean>;
  resume(input: QueueKey & { by: string }): Promise<boolean>;
  /** The active entry, if this id is one in this queue. */
  activeEntry(queue: QueueKey, entryId: number): Promise<{ number: number } | undefined>;
}

export interface DashboardDeps {
  env: DashboardEnv;
  data: DashboardData;
  app: DashboardApp;
  /** Absent without the app's OAuth client: nobody can sign in. */
  userApi: GitHubUserApi | undefined;
  now: () => Date;
  log: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
    info(obj: object, msg: string): void;
  };
}
