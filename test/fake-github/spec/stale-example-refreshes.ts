/**
 * Test support. @octokit/webhooks-examples 7.6.1 holds payloads recorded years ago, before
 * GitHub added fields it now always sends (and the spec, correctly, requires). These are
 * not spec bugs, so they stay out of the known-spec-bugs list, which would otherwise
 * excuse the fake for leaving the fields out. Each refresh adds a field only where an
 * example lacks it; the webhook test fails if one stops being needed.
 */

export type Json = Record<string, unknown>;

export interface ExampleRefresh {
  reason: string;
  events: readonly string[];
  /** JSON Pointers of the objects to refresh; `*` stands for every array item. */
  at: readonly string[];
  /** Fields to add where missing, computed from the object that lacks them. */
  add?: Readonly<Record<string, (target: Json, payload: Json) => unknown>>;
  /** Fields recorded in an older form, rewritten where they are in that form. */
  rewrite?: Readonly<Record<string, (value: unknown) => unknown>>;
}

const REPOSITORIES = ['/repository', '/pull_request/base/repo', '/pull_request/head/repo'];
const nothing = () => null;
const noReactions = (target: Json) => ({
  url: `${String(target.url)}/reactions`,
  total_count: 0,
  '+1': 0,
  '-1': 0,
  laugh: 0,
  confused: 0,
  heart: 0,
  hooray: 0,
  eyes: 0,
  rocket: 0,
});
/** Old app payloads wrote a space-separated time. */
const spacedToIso = (value: unknown) =>
  typeof value === 'string' ? value.replace(/^(\S+) (\S+)$/, '$1T$2Z') : value;

export const EXAMPLE_REFRESHES: readonly ExampleRefresh[] = [
  {
    reason: 'repositories gained has_discussions, topics, visibility and disabled',
    events: ['push', 'pull_request', 'pull_request_review', 'check_run', 'issues', 'release'],
    at: [...REPOSITORIES, '/changes/new_repository'],
    add: {
      has_discussions: () => false,
      topics: () => [],
      visibility: (repo) => (repo.private === true ? 'private' : 'public'),
      disabled: () => false,
    },
  },
  {
    reason: 'pull requests gained auto_merge, draft and active_lock_reason',
    events: ['pull_request', 'pull_request_review'],
    at: ['/pull_request'],
    add: { auto_merge: nothing, draft: () => false, active_lock_reason: nothing },
  },
  {
    reason: 'commit verification gained verified_at',
    events: ['status'],
    at: ['/commit/commit/verification'],
    add: { verified_at: nothing },
  },
  {
    reason: 'check runs gained node_id and details_url',
    events: ['check_run'],
    at: ['/check_run'],
    add: { node_id: (run) => `CR_${String(run.id)}`, details_url: (run) => run.html_url },
  },
  {
    reason: 'apps gained permissions and events, and dates became ISO 8601',
    events: ['check_run'],
    at: ['/check_run/app', '/check_run/check_suite/app'],
    add: { permissions: () => ({}), events: () => [] },
    rewrite: { created_at: spacedToIso, updated_at: spacedToIso },
  },
  {
    reason: 'issue comments gained reactions and performed_via_github_app',
    events: ['issue_comment'],
    at: ['/comment'],
    add: { reactions: noReactions, performed_via_github_app: nothing },
  },
  {
    reason: 'issues gained reactions and active_lock_reason',
    events: ['issue_comment', 'issues'],
    at: ['/issue'],
    add: { reactions: noReactions, active_lock_reason: nothing },
  },
  {
    reason: 'labels gained description',
    events: ['issue_comment', 'issues'],
    at: ['/issue/labels/*'],
    add: { description: nothing },
  },
  {
    reason: 'workflow jobs gained run_attempt, workflow_name, head_branch and created_at',
    events: ['workflow_job'],
    at: ['/workflow_job'],
    add: {
      run_attempt: () => 1,
      workflow_name: () => 'CI',
      head_branch: () => 'main',
      created_at: (job) => job.started_at,
    },
  },
  {
    reason: 'workflow runs gained actor, triggering_actor and path',
    events: ['workflow_run'],
    at: ['/workflow_run'],
    add: {
      actor: (_run, payload) => payload.sender,
      triggering_actor: (_run, payload) => payload.sender,
      path: () => '.github/workflows/ci.yml',
    },
  },
  {
    reason: 'releases gained immutable and updated_at',
    events: ['release'],
    at: ['/release'],
    add: { immutable: () => false, updated_at: (release) => release.created_at },
  },
  {
    reason: 'repositories without a homepage were recorded with "" where GitHub now sends null',
    events: ['issues'],
    at: ['/repository', '/changes/new_repository'],
    rewrite: { homepage: (value) => (value === '' ? null : value) },
  },
];
