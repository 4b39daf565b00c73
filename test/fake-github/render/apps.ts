import type { World } from '../world/world.js';
import type { App, Installation } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, renderUser } from './basics.js';

export function renderApp(world: World, app: App): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: app.oauth.clientId,
    owner: renderUser(world, app.owner),
    name: app.name,
    description: null,
    external_url: `${world.baseUrl}/apps/${app.slug}`,
    html_url: `${world.baseUrl}/apps/${app.slug}`,
    created_at: iso(app.createdAt),
    updated_at: iso(app.createdAt),
    permissions: app.permissions,
    events: app.events,
  };
}

export function renderInstallation(
  world: World,
  installation: Installation,
): Record<string, unknown> {
  const app = world.apps.get(installation.appId);
  return {
    id: installation.id,
    account: renderUser(world, installation.account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${world.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${world.apiUrl}/installation/repositories`,
    html_url: `${world.baseUrl}/settings/installations/${installation.id}`,
    app_id: installation.appId,
    app_slug: app?.slug ?? 'unknown',
    target_id: installation.account.id,
    target_type: installation.account.type === 'Organization' ? 'Organization' : 'User',
    permissions: installation.permissions,
    events: app?.events ?? [],
    created_at: iso(installation.createdAt),
    updated_at: iso(installation.createdAt),
    single_file_name: null,
    suspended_by: null,
    suspended_at: installation.suspended ? iso(installation.createdAt) : null,
  };
}
