/**
 * What a test scripts: workflows with jobs and steps (GitHub Actions), and commit-status CI.
 * Outcomes and logs may be functions of the commit being tested, so flaky tests and
 * semantic merge conflicts can be scripted.
 */
import type { CheckAnnotation, CheckConclusion, CommitStatus } from '../world/types.js';

/** What a finished job can conclude with; GitHub alone sets `stale` and `startup_failure`. */
export type JobConclusion = Exclude<CheckConclusion, 'stale' | 'startup_failure'>;

export type CiEvent = 'push' | 'pull_request';

/** `manual`: jobs wait for the test; `auto`: jobs finish when the virtual clock passes their duration. */
export type CiMode = 'manual' | 'auto';

/** What an outcome, log or status function sees about the run it decides. */
export interface CiContext {
  /** `owner/name` */
  repo: string;
  /** The commit under test. */
  sha: string;
  /** 1 on the first run, +1 per re-run. */
  attempt: number;
  /** `refs/heads/<branch>` for pushes, `refs/pull/<n>/merge` for pull requests. */
  ref: string;
  event: CiEvent;
  job: string;
  /** A file of the tested tree (utf-8), or undefined when it does not exist there. */
  readFile(path: string): Promise<string | undefined>;
}

export type Scripted<T> = T | ((ctx: CiContext) => T | Promise<T>);

export interface StepScript {
  /** Defaults to `Run <run>`, as GitHub names unnamed steps. */
  name?: string;
  run: string;
  outcome?: Scripted<'success' | 'failure'>;
  /** Tool output; `::error file=F,line=N::msg` lines become annotations, as on GitHub. */
  log?: Scripted<string>;
  /** The exit code reported when the step fails (default 1). */
  exitCode?: number;
}

export interface JobScript {
  name: string;
  /** Jobs that must succeed first; when one does not, this job is skipped. */
  needs?: string[];
  steps?: StepScript[];
  /** The command of the job's only step when `steps` is absent (default `npm run <name>`). */
  run?: string;
  /** Default: failure when a step fails, else success. */
  outcome?: Scripted<JobConclusion>;
  /** Output of the step that decides the outcome (the failing one, or the last one). */
  log?: Scripted<string>;
  exitCode?: number;
  annotations?: Scripted<CheckAnnotation[]>;
  /**
   * Virtual time the job runs in auto mode (default one minute), decided when a runner picks
   * it up; a function makes it depend on the commit, e.g. a slower build for some changes.
   */
  durationMs?: Scripted<number>;
  /** With a `cancelled`/`timed_out` outcome: the job hit its `timeout-minutes`, and the log says so. */
  timeoutMinutes?: number;
}

/** Branch filters use GitHub's glob syntax: `*` stays within a segment, `**` crosses `/`, `!` excludes. */
export interface TriggerScript {
  push?: string[];
  /** Run on pull_request opened/synchronize/reopened, on the PR head. */
  pull_request?: boolean;
}

export interface WorkflowScript {
  name: string;
  /** `.github/workflows/ci.yml` */
  file: string;
  on: TriggerScript;
  jobs: JobScript[];
}

/** An external CI reporting through commit statuses: `pending` at once, the final state later. */
export interface StatusScript {
  context: string;
  state: Scripted<Exclude<CommitStatus['state'], 'pending'>>;
  /** Delay before the final state (default 30 s of virtual time in auto mode). */
  afterMs?: number;
  description?: string;
  targetUrl?: string;
  /** Default: every branch push and every pull request head. */
  on?: TriggerScript;
}

export interface CiScript {
  workflows?: WorkflowScript[];
  statuses?: StatusScript[];
  /** Default `manual`. */
  mode?: CiMode;
}

/** The pieces of a job a ready-made failure fills in (spread them into a JobScript). */
export type JobBehaviour = Pick<
  JobScript,
  'run' | 'outcome' | 'log' | 'exitCode' | 'timeoutMinutes'
>;
