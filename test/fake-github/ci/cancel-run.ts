import type { CiRun, RepoCi } from './ci-state.js';
import { currentJobs } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { GitHubError } from '../http/github-error.js';
import { advanceRun, closeJob } from './advance-run.js';
import { completeJob } from './complete-job.js';

/**
 * Cancels a run: jobs still queued end cancelled without running (they never held a runner),
 * running jobs stop in the step they were in ("The operation was canceled.") and free their
 * runners for other runs' waiting jobs, and the run concludes cancelled.
 */
export async function cancelRun(core: CiCore, repoCi: RepoCi, run: CiRun): Promise<void> {
  if (run.status === 'completed')
    throw new GitHubError(409, 'Cannot cancel a workflow run that is completed.');
  const at = core.services.world.clock.now();
  const jobs = currentJobs(repoCi, run);
  for (const job of jobs.filter((j) => j.status === 'queued'))
    await closeJob(core, job, 'cancelled', at);
  for (const job of jobs.filter((j) => j.status === 'in_progress'))
    await completeJob(core, repoCi, job, at, 'cancelled');
  await advanceRun(core, repoCi, run, at);
}
