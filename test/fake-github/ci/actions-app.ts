import type { World } from '../world/world.js';
import type { App } from '../world/types.js';
import { registerApp } from '../control/register-app.js';

/** The id and slug GitHub Actions' check runs carry on github.com; apps filter on them. */
export const ACTIONS_APP_ID = 15368;
export const ACTIONS_APP_SLUG = 'github-actions';

/** GitHub Actions as an App of the world, so its check runs and suites have an owner. It is never installed. */
export function registerActionsApp(world: World): App {
  const existing = world.apps.get(ACTIONS_APP_ID);
  if (existing) return existing;
  return registerApp(world, {
    id: ACTIONS_APP_ID,
    slug: ACTIONS_APP_SLUG,
    name: 'GitHub Actions',
    owner: 'github',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      metadata: 'read',
      pull_requests: 'write',
      statuses: 'write',
    },
    events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_run', 'workflow_job'],
  }).app;
}
