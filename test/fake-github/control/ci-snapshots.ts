/**
 * What CI did, as plain snapshots for assertions: runs, jobs (every attempt) and job logs.
 */
import type { RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { ciOfWorld } from '../ci/ci-of.js';
import type { RepoRef } from '../ci/ci-engine.js';
import type { CiJob, CiRun } from '../ci/ci-state.js';

const repoOf = (services: Services, repo: RepoRef): RepoState =>
  typeof repo === 'string' ? services.world.requireRepo(repo) : repo;

export interface RunSnapshot {
  id: number;
  workflow: string;
  runNumber: number;
  attempt: number;
  sha: string;
  branch: string;
  event: string;
  status: CiRun['status'];
  conclusion: CiRun['conclusion'];
}

export function listRuns(
  services: Services,
  input: { repo: RepoRef; sha?: string },
): RunSnapshot[] {
  return ciOfWorld(services.world)
    .runs(input.repo)
    .filter((run) => input.sha === undefined || run.trigger.sha === input.sha)
    .map((run) => ({
      id: run.id,
      workflow: run.workflow.name,
      runNumber: run.runNumber,
      attempt: run.attempt,
      sha: run.trigger.sha,
      branch: run.trigger.branch,
      event: run.trigger.event,
      status: run.status,
      conclusion: run.conclusion,
    }));
}

export interface JobSnapshot {
  id: number;
  runId: number;
  name: string;
  attempt: number;
  sha: string;
  status: CiJob['status'];
  conclusion: CiJob['conclusion'];
  steps: { name: string; conclusion: string | null }[];
}

/** Every job ever created (all attempts), oldest first. */
export function listJobs(
  services: Services,
  input: { repo: RepoRef; runId?: number; sha?: string; name?: string },
): JobSnapshot[] {
  return ciOfWorld(services.world)
    .jobs(input.repo)
    .filter(
      (job) =>
        (input.runId === undefined || job.run.id === input.runId) &&
        (input.sha === undefined || job.run.trigger.sha === input.sha),
    )
    .filter((job) => input.name === undefined || job.script.name === input.name)
    .map((job) => ({
      id: job.id,
      runId: job.run.id,
      name: job.script.name,
      attempt: job.attempt,
      sha: job.run.trigger.sha,
      status: job.status,
      conclusion: job.conclusion,
      steps: job.steps.map((step) => ({ name: step.name, conclusion: step.conclusion })),
    }));
}

/** The job's downloadable log; undefined while it runs. */
export function readJobLog(
  services: Services,
  input: { repo: RepoRef; jobId: number },
): string | undefined {
  return (
    ciOfWorld(services.world).findJob(repoOf(services, input.repo), input.jobId)?.log ?? undefined
  );
}
