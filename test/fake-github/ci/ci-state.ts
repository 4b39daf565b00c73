/**
 * The engine's own state: workflow runs, jobs, logs and pending commit statuses, per
 * repository. Check runs and suites live in the world (RepoState), where merges read them.
 */
import type { Account, RepoState } from '../world/types.js';
import type {
  CiEvent,
  CiScript,
  JobConclusion,
  JobScript,
  Scripted,
  StatusScript,
  WorkflowScript,
} from './types.js';

/** What started a run: a push to a branch, or a pull request's head. */
export interface CiTrigger {
  event: CiEvent;
  sha: string;
  /** The branch the commit is on (the PR head branch for pull requests). */
  branch: string;
  ref: string;
  actor: Account;
  pullNumber: number | null;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed';

export interface CiRun {
  id: number;
  repo: RepoState;
  workflow: WorkflowScript;
  workflowId: number;
  runNumber: number;
  trigger: CiTrigger;
  suiteId: number;
  attempt: number;
  status: RunStatus;
  conclusion: JobConclusion | null;
  createdAt: Date;
  updatedAt: Date;
  /** When the latest attempt started. */
  runStartedAt: Date;
  triggeringActor: Account;
  /** Job ids per attempt, in workflow order; jobs carried over by a re-run appear in several. */
  attempts: Map<number, number[]>;
}

export interface CiStep {
  name: string;
  number: number;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | null;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface CiJob {
  /** Also the id of the job's check run, as on GitHub. */
  id: number;
  run: CiRun;
  /** The run attempt that created this job. */
  attempt: number;
  script: JobScript;
  status: RunStatus;
  conclusion: JobConclusion | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Auto mode: virtual epoch ms at which the job finishes. */
  dueAt: number | null;
  steps: CiStep[];
  log: string | null;
}

export interface StatusWait {
  script: StatusScript;
  trigger: CiTrigger;
  /** Virtual epoch ms at which the final state is posted in auto mode. */
  dueAt: number;
}

export interface RepoCi {
  repo: RepoState;
  script: CiScript;
  workflowIds: Map<string, number>;
  runNumbers: Map<string, number>;
  runs: Map<number, CiRun>;
  jobs: Map<number, CiJob>;
  statusWaits: StatusWait[];
  /** Outcomes set on the fly by the test, by job name; they win over the script. */
  overrides: Map<string, Scripted<JobConclusion>>;
  /** How many jobs may run at once (the repository's runner pool); null: no limit. */
  runnerLimit: number | null;
  /** Virtual ms runners spent on jobs that have finished (completed, failed or cancelled). */
  finishedRunnerMs: number;
}

/** The jobs of a run's latest attempt, in workflow order. */
export function currentJobs(repoCi: RepoCi, run: CiRun): CiJob[] {
  return (run.attempts.get(run.attempt) ?? []).map((id) => repoCi.jobs.get(id)!);
}

export function jobsOfAttempt(repoCi: RepoCi, run: CiRun, attempt: number): CiJob[] | undefined {
  return run.attempts.get(attempt)?.map((id) => repoCi.jobs.get(id)!);
}
