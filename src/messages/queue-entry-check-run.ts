import type { EntryView } from '../queue/describe-queue.js';
import { queueCheckRunActions } from './queue-check-run-actions.js';
import { describeConfigBroken } from './queue-config-broken-text.js';
import type { CheckRunRender, QueueMessageContext } from './queue-message-types.js';
import { describeTesting } from './queue-testing-text.js';
import { describeWaiting } from './queue-waiting-text.js';

/**
 * The `Sluice` check run on a queued pull request's head: where it stands and what it waits
 * on. It is rewritten whenever that changes (not for a mere move up the line: see
 * `syncCheckRuns`), so it tells the current state.
 */
export function renderEntryCheckRun(view: EntryView, ctx: QueueMessageContext): CheckRunRender {
  const actions = queueCheckRunActions('active');
  const status = view.status;
  switch (status.kind) {
    case 'waiting':
      return { status: 'queued', ...describeWaiting(status, ctx), actions, annotations: [] };
    case 'testing':
      return { status: 'in_progress', ...describeTesting(status, ctx), actions, annotations: [] };
    case 'config-broken':
      // Failing, not pending: the PR cannot move until someone fixes the config.
      return {
        status: 'completed',
        conclusion: 'failure',
        ...describeConfigBroken(ctx),
        actions,
        annotations: [],
      };
  }
}
