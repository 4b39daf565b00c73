import type { ConfigError } from '../config/types.js';
import type { Permission, QueuePause } from '../queue/types.js';

/** What the queue's messages need to know about the repository they are written for. */
export interface QueueMessageContext {
  baseBranch: string;
  /** The label that queues a pull request, for "add it again" instructions. */
  queueLabel: string;
  /** Least permission that may queue, dequeue and retry (`queue.minimumPermission`). */
  minimumPermission: Permission;
  /**
   * The branches staging commits are pushed to, as the pattern CI must match
   * (`sluice/staging/main/*`: one branch per staging in flight, numbered by place in line).
   */
  stagingBranch: string;
  /** The config file on the default branch (`.github/sluice.yml`). */
  configPath: string;
  /** The repository's web address (`https://github.com/acme/widgets`); without it, no commit links. */
  repoUrl?: string;
  /**
   * Pages of the checks on the staging commit, by check name, when one staging is live: with
   * several, a name alone does not say whose check it is.
   */
  checkUrls?: Readonly<Record<string, string>>;
  /** Pages of the checks on each live staging, by its tip SHA and then by check name. */
  stagingCheckUrls?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The default branch's config problems, listed when the config is broken. */
  configErrors?: readonly ConfigError[];
  /** Set while the queue is paused: every queued pull request is told so, and why. */
  paused?: QueuePause;
}

/** A button on the `Sluice` check run (REST `actions[]`). */
export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

/** A check-run annotation (REST `output.annotations[]`). */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure';
  title: string;
  message: string;
}

export type CheckRunConclusion = 'success' | 'failure' | 'neutral' | 'action_required';

/** Everything the `Sluice` check run shows; `annotations` come in requests of at most 50. */
export type CheckRunRender = {
  title: string;
  summary: string;
  text?: string;
  actions: CheckRunAction[];
  annotations: CheckRunAnnotation[][];
} & (
  | { status: 'queued' | 'in_progress'; conclusion?: undefined }
  | { status: 'completed'; conclusion: CheckRunConclusion }
);
