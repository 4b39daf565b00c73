/**
 * Auto mode: when the virtual clock moves, everything that has become due finishes, in time
 * order and at its own due time, so a job that starts when its need finishes, or when a
 * runner frees up, is due one duration later, possibly within the same advance.
 */
import type { CiJob, RepoCi, StatusWait } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { completeJob } from './complete-job.js';
import { finishStatus } from './status-ci.js';

type Due = { at: number; repoCi: RepoCi } & (
  { kind: 'job'; job: CiJob } | { kind: 'status'; wait: StatusWait }
);

function nextDue(repos: Iterable<RepoCi>): Due | undefined {
  let next: Due | undefined;
  for (const repoCi of repos) {
    for (const job of repoCi.jobs.values()) {
      if (job.status === 'in_progress' && job.dueAt !== null && (!next || job.dueAt < next.at))
        next = { at: job.dueAt, repoCi, kind: 'job', job };
    }
    for (const wait of repoCi.statusWaits)
      if (!next || wait.dueAt < next.at) next = { at: wait.dueAt, repoCi, kind: 'status', wait };
  }
  return next;
}

export async function finishDueWork(core: CiCore, repos: () => RepoCi[], now: Date): Promise<void> {
  for (;;) {
    const due = nextDue(repos().filter((repoCi) => core.modeOf(repoCi) === 'auto'));
    if (!due || due.at > now.getTime()) return;
    switch (due.kind) {
      case 'job':
        await completeJob(core, due.repoCi, due.job, new Date(due.at));
        break;
      case 'status':
        await finishStatus(core, due.repoCi, due.wait);
        break;
    }
  }
}
