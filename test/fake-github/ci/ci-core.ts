import type { App, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import type { CiJob, CiRun, RepoCi } from './ci-state.js';
import type { CiContext, CiMode } from './types.js';

/** What the engine's parts share: the stand-in's services and the per-repository CI state. */
export interface CiCore {
  services: Services;
  actionsApp: App;
  repoCi(repo: RepoState): RepoCi;
  modeOf(repoCi: RepoCi): CiMode;
}

/** What outcome, log and status functions see. */
export function contextFor(
  run: Pick<CiRun, 'repo' | 'trigger'>,
  input: { job: string; attempt: number },
): CiContext {
  const { repo, trigger } = run;
  return {
    repo: repo.fullName,
    sha: trigger.sha,
    attempt: input.attempt,
    ref: trigger.ref,
    event: trigger.event,
    job: input.job,
    readFile: async (path) =>
      (await repo.git.readFile(trigger.sha, path))?.content.toString('utf8'),
  };
}

export function jobContext(job: CiJob): CiContext {
  return contextFor(job.run, { job: job.script.name, attempt: job.attempt });
}

/** The page GitHub links a job's check run to (its details_url and html_url). */
export function jobHtmlUrl(core: CiCore, job: Pick<CiJob, 'id' | 'run'>): string {
  return `${core.services.world.baseUrl}/${job.run.repo.fullName}/actions/runs/${job.run.id}/job/${job.id}`;
}
