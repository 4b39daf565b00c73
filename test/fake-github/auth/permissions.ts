import type { Access, Permissions } from '../world/types.js';

/**
 * The installation permission each operation needs, from GitHub's server-to-server
 * permission table (github/docs `server-to-server-permissions.json`). An entry with several
 * alternatives is satisfied by any one (e.g. labels on a PR: issues or pull_requests).
 * Operations authenticated as the app itself (JWT) are listed in `appJwtOperations`.
 */
type Need = [permission: string, access: Access];

export const appJwtOperations = new Set([
  'apps/get-authenticated',
  'apps/create-installation-access-token',
  'apps/get-repo-installation',
  'apps/get-installation',
  'apps/list-installations',
]);

/** Operations authenticated as the app's OAuth client (HTTP Basic, client id and secret). */
export const clientOperations: ReadonlySet<string> = new Set(['apps/delete-token']);

const table: Record<string, Need[]> = {
  'apps/list-repos-accessible-to-installation': [['metadata', 'read']],
  'repos/get': [['metadata', 'read']],
  'repos/get-content': [['contents', 'read']],
  'repos/get-branch': [['contents', 'read']],
  'repos/get-branch-protection': [['administration', 'read']],
  'repos/get-status-checks-protection': [['administration', 'read']],
  'repos/get-branch-rules': [['metadata', 'read']],
  'repos/get-collaborator-permission-level': [['metadata', 'read']],
  'repos/get-commit': [['contents', 'read']],
  'repos/compare-commits-with-basehead': [['contents', 'read']],
  'repos/merge': [['contents', 'write']],
  'repos/get-release-by-tag': [['contents', 'read']],
  'repos/list-releases': [['contents', 'read']],
  'repos/create-release': [['contents', 'write']],
  'repos/update-release': [['contents', 'write']],
  'repos/create-commit-status': [['statuses', 'write']],
  'repos/get-combined-status-for-ref': [['statuses', 'read']],
  'repos/list-commit-statuses-for-ref': [['statuses', 'read']],
  'pulls/get': [['pull_requests', 'read']],
  'pulls/list': [['pull_requests', 'read']],
  'pulls/create': [['pull_requests', 'write']],
  'pulls/update': [['pull_requests', 'write']],
  'pulls/list-commits': [['pull_requests', 'read']],
  'pulls/list-files': [['pull_requests', 'read']],
  'pulls/list-reviews': [['pull_requests', 'read']],
  'pulls/create-review': [['pull_requests', 'write']],
  'pulls/check-if-merged': [['pull_requests', 'read']],
  'pulls/merge': [['contents', 'write']],
  'git/get-ref': [['contents', 'read']],
  'git/list-matching-refs': [['contents', 'read']],
  'git/create-ref': [['contents', 'write']],
  'git/update-ref': [['contents', 'write']],
  'git/delete-ref': [['contents', 'write']],
  // GraphQL mutations are keyed as the GraphQL endpoint logs them. Every ref write also needs
  // `workflows: write` when it changes a workflow file (auth/workflow-changes.ts).
  'graphql-mutation/updateRefs': [['contents', 'write']],
  'git/get-commit': [['contents', 'read']],
  'git/create-commit': [['contents', 'write']],
  'git/get-tree': [['contents', 'read']],
  'git/create-tree': [['contents', 'write']],
  'git/get-blob': [['contents', 'read']],
  'git/create-blob': [['contents', 'write']],
  'issues/get': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/create': [['issues', 'write']],
  'issues/add-labels': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/set-labels': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/remove-label': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/list-labels-on-issue': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/create-label': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/get-label': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/create-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/update-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/delete-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/list-comments': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/list-events': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'checks/create': [['checks', 'write']],
  'checks/update': [['checks', 'write']],
  'checks/get': [['checks', 'read']],
  'checks/list-for-ref': [['checks', 'read']],
  'checks/list-for-suite': [['checks', 'read']],
  'checks/list-annotations': [['checks', 'read']],
  'checks/rerequest-run': [['checks', 'write']],
  'checks/rerequest-suite': [['checks', 'write']],
  'checks/list-suites-for-ref': [['checks', 'read']],
  'actions/list-workflow-runs-for-repo': [['actions', 'read']],
  'actions/get-workflow-run': [['actions', 'read']],
  'actions/list-jobs-for-workflow-run': [['actions', 'read']],
  'actions/list-jobs-for-workflow-run-attempt': [['actions', 'read']],
  'actions/get-job-for-workflow-run': [['actions', 'read']],
  'actions/download-job-logs-for-workflow-run': [['actions', 'read']],
  'actions/re-run-workflow-failed-jobs': [['actions', 'write']],
  'actions/re-run-workflow': [['actions', 'write']],
  'actions/re-run-job-for-workflow-run': [['actions', 'write']],
  'actions/cancel-workflow-run': [['actions', 'write']],
};

export function permissionsNeeded(operationId: string): Need[] | undefined {
  return table[operationId];
}

function grants(have: Access | undefined, need: Access): boolean {
  return have === 'write' || (have === 'read' && need === 'read');
}

/** Whether `granted` satisfies the operation; operations missing from the table are refused. */
export function isPermitted(operationId: string, granted: Permissions): boolean {
  const needs = table[operationId];
  if (!needs) return false;
  return needs.some(([permission, access]) => grants(granted[permission], access));
}

/** The `x-accepted-github-permissions` header value GitHub sends, e.g. `issues=write; pull_requests=write`. */
export function acceptedPermissionsHeader(operationId: string): string {
  return (table[operationId] ?? []).map(([p, a]) => `${p}=${a}`).join('; ');
}
