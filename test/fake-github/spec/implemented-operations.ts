import { handlers } from '../handlers/index.js';

/**
 * Test support: the operations the local GitHub implements — every operation with a handler,
 * derived so a new handler is covered without a list to update — so the spec layer's tests
 * prove each one routes and compiles.
 */
export const IMPLEMENTED_OPERATIONS: readonly string[] = Object.keys(handlers).sort();

/** The webhook events the stand-in sends (§6.4). */
export const SENT_WEBHOOK_EVENTS = [
  'pull_request',
  'push',
  'issue_comment',
  'check_run',
  'check_suite',
  'status',
  'workflow_run',
  'workflow_job',
  'pull_request_review',
  'issues',
  'release',
] as const;
