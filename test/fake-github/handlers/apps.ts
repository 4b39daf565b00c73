import { randomBytes } from 'node:crypto';
import type { HandlerTable } from './types.js';
import { requireApp, requireRepo } from './types.js';
import { answerNow } from './answer-now.js';
import { paginate } from '../http/paginate.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { renderApp, renderInstallation } from '../render/apps.js';
import { iso, renderRepository } from '../render/basics.js';
import type { Access, Permissions } from '../world/types.js';

/** Installation tokens live an hour, as on GitHub. */
const tokenLifetimeMs = 60 * 60 * 1000;

function narrow(granted: Permissions, requested: unknown): Permissions {
  if (typeof requested !== 'object' || requested === null) return granted;
  const out: Permissions = {};
  for (const [name, access] of Object.entries(requested as Record<string, Access>)) {
    const have = granted[name];
    if (!have || (have === 'read' && access === 'write')) {
      throw new GitHubError(422, `The permissions requested are not granted to this installation.`);
    }
    out[name] = access;
  }
  return out;
}

export const appHandlers: HandlerTable = {
  'apps/get-authenticated': answerNow((ctx) => ({
    status: 200,
    body: renderApp(ctx.world, requireApp(ctx)),
  })),

  'apps/get-installation': answerNow((ctx) => {
    const { world, params } = ctx;
    const installation = world.installations.get(Number(params.installation_id));
    if (!installation || installation.appId !== requireApp(ctx).id) throw notFound();
    return { status: 200, body: renderInstallation(world, installation) };
  }),

  'apps/list-installations': answerNow((ctx) => ({
    status: 200,
    body: [...ctx.world.installations.values()]
      .filter((i) => i.appId === requireApp(ctx).id)
      .map((i) => renderInstallation(ctx.world, i)),
  })),

  'apps/get-repo-installation': answerNow((ctx) => {
    const installation = ctx.world.installationFor(requireApp(ctx).id, requireRepo(ctx));
    if (!installation) throw notFound();
    return { status: 200, body: renderInstallation(ctx.world, installation) };
  }),

  'apps/list-repos-accessible-to-installation': answerNow((ctx) => {
    if (ctx.caller.kind !== 'installation')
      throw new GitHubError(403, 'You must authenticate with an installation access token.');
    const { installation } = ctx.caller;
    const visible = [...ctx.world.repos.values()].filter(
      (repo) => ctx.world.installationFor(installation.appId, repo) === installation,
    );
    const page = paginate(visible, ctx.query, ctx.url);
    return {
      status: 200,
      body: {
        total_count: visible.length,
        repository_selection: installation.repositorySelection,
        repositories: page.items.map((repo) => renderRepository(ctx.world, repo)),
      },
      ...(page.link ? { headers: { link: page.link } } : {}),
    };
  }),

  'apps/create-installation-access-token': answerNow((ctx) => {
    const { world, params, body } = ctx;
    const installation = world.installations.get(Number(params.installation_id));
    if (!installation || installation.appId !== requireApp(ctx).id) throw notFound();
    if (installation.suspended) throw new GitHubError(403, 'This installation has been suspended');
    const permissions = narrow(installation.permissions, body.permissions);
    const token = `ghs_${randomBytes(18).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + tokenLifetimeMs);
    world.tokens.set(token, {
      token,
      installationId: installation.id,
      expiresAt,
      revoked: false,
      permissions,
    });
    const repositories =
      installation.repositorySelection === 'selected'
        ? [...installation.repositories].flatMap((name) => {
            const repo = world.repo(name);
            return repo ? [renderRepository(world, repo)] : [];
          })
        : undefined;
    return {
      status: 201,
      body: {
        token,
        expires_at: iso(expiresAt),
        permissions,
        repository_selection: installation.repositorySelection,
        ...(repositories ? { repositories } : {}),
      },
    };
  }),
};
