import type { HandlerTable } from './types.js';
import { appHandlers } from './apps.js';
import { repoHandlers } from './repos.js';
import { issueHandlers } from './issues.js';
import { issueEventHandlers } from './issue-events.js';
import { reviewHandlers } from './reviews.js';
import { pullHandlers } from './pulls.js';
import { pullMergeHandlers } from './pull-merge.js';
import { gitRefHandlers } from './git-refs.js';
import { gitObjectHandlers } from './git-objects.js';
import { mergeHandlers } from './merges.js';
import { compareHandlers } from './compare.js';
import { commitHandlers } from './commits.js';
import { checkHandlers } from './checks.js';
import { checkSuiteHandlers } from './check-suites.js';
import { statusHandlers } from './statuses.js';
import { actionsRunHandlers } from './actions-runs.js';
import { actionsJobHandlers } from './actions-jobs.js';
import { actionsLogHandlers } from './actions-logs.js';
import { releaseHandlers } from './releases.js';
import { userHandlers } from '../oauth/user-handlers.js';

/** Every REST operation the stand-in implements, keyed by operationId. */
export const handlers: HandlerTable = {
  ...appHandlers,
  ...repoHandlers,
  ...issueHandlers,
  ...issueEventHandlers,
  ...reviewHandlers,
  ...pullHandlers,
  ...pullMergeHandlers,
  ...gitRefHandlers,
  ...gitObjectHandlers,
  ...mergeHandlers,
  ...compareHandlers,
  ...commitHandlers,
  ...checkHandlers,
  ...checkSuiteHandlers,
  ...statusHandlers,
  ...actionsRunHandlers,
  ...actionsJobHandlers,
  ...actionsLogHandlers,
  ...releaseHandlers,
  ...userHandlers,
};
