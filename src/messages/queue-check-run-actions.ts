import type { CheckRunAction } from './queue-message-types.js';

/**
 * The identifiers GitHub sends back in `check_run.requested_action`; the handler maps them
 * to the same commands as `/sluice dequeue` and `/sluice retry`, permission check included.
 */
export const queueActionIds = { dequeue: 'sluice-dequeue', retry: 'sluice-retry' } as const;

// GitHub rejects the check run when a label passes 20 characters, a description 40 or an
// identifier 20; the tests hold these to it.
const dequeueAction: CheckRunAction = {
  label: 'Dequeue',
  description: 'Take this pull request out of the queue',
  identifier: queueActionIds.dequeue,
};

const retryAction: CheckRunAction = {
  label: 'Retry',
  description: 'Queue this pull request again',
  identifier: queueActionIds.retry,
};

/** The buttons a check run offers: Dequeue while queued or testing, Retry after a failure. */
export function queueCheckRunActions(moment: 'active' | 'failed' | 'finished'): CheckRunAction[] {
  switch (moment) {
    case 'active':
      return [dequeueAction];
    case 'failed':
      return [retryAction];
    case 'finished':
      return [];
  }
}
