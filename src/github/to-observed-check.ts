import type { CheckConclusion, ObservedCheck } from '../queue/types.js';

/** The name of Sluice's own check run: never a gate on the commits Sluice tests. */
export const sluiceCheckName = 'Sluice';

const knownConclusions: Record<CheckConclusion, true> = {
  success: true,
  failure: true,
  neutral: true,
  cancelled: true,
  skipped: true,
  timed_out: true,
  action_required: true,
  stale: true,
  startup_failure: true,
};

function isConclusion(value: string): value is CheckConclusion {
  return Object.hasOwn(knownConclusions, value);
}

export interface CheckRunFacts {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  html_url: string | null;
}

/**
 * Anything but `completed` (queued, in_progress, waiting, requested, pending) is still
 * pending. A completed run with a conclusion this code does not know fails closed.
 */
export function checkRunToObserved(run: CheckRunFacts): ObservedCheck {
  const completed = run.status === 'completed';
  const conclusion = run.conclusion ?? '';
  return {
    name: run.name,
    source: 'check-run',
    state: completed ? 'completed' : 'pending',
    conclusion: completed ? (isConclusion(conclusion) ? conclusion : 'failure') : null,
    url: run.details_url ?? run.html_url,
    checkRunId: run.id,
    // Waiting for a runner: what `startStagings` reads as CI being at capacity.
    ...(run.status === 'queued' ? { queued: true } : {}),
  };
}

export interface StatusFacts {
  context: string;
  state: string;
  target_url: string | null;
}

/** Statuses have four states: error is a failure too; anything unknown fails closed. */
export function statusToObserved(status: StatusFacts): ObservedCheck {
  const pending = status.state === 'pending';
  return {
    name: status.context,
    source: 'status',
    state: pending ? 'pending' : 'completed',
    conclusion: pending ? null : status.state === 'success' ? 'success' : 'failure',
    url: status.target_url,
  };
}
