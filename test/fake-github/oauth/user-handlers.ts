import type { HandlerContext, HandlerTable } from '../handlers/types.js';
import type { UserToServer } from './types.js';
import { answerNow } from '../handlers/answer-now.js';
import { paginate } from '../http/paginate.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { renderInstallation } from '../render/apps.js';
import { renderRepository } from '../render/basics.js';
import { renderAuthenticatedUser } from './render-authenticated-user.js';
import {
  accessibleInstallations,
  accessibleRepositories,
  repositoryPermissions,
} from './user-access.js';

/** Only a user access token lists installations (verify: the words for a personal token). */
function requireUserToServer(ctx: HandlerContext, what: string): UserToServer {
  if (ctx.caller.kind === 'user' && ctx.caller.viaApp) return ctx.caller.viaApp;
  throw new GitHubError(
    403,
    `You must authenticate with an access token authorized to a GitHub App in order to list ${what}`,
  );
}

/** `GET /user` and the two listings a signed-in user's app reads to know what they may see. */
export const userHandlers: HandlerTable = {
  /** Signing out: the app's client revokes one of its user tokens (a token of another app is 404). */
  'apps/delete-token': answerNow((ctx) => {
    if (ctx.caller.kind !== 'app' || ctx.caller.app.oauth.clientId !== ctx.params.client_id)
      throw notFound();
    const token = ctx.body.access_token;
    if (typeof token !== 'string' || !ctx.world.oauth.revokeToken(ctx.caller.app.id, token))
      throw notFound();
    return { status: 204 };
  }),

  'users/get-authenticated': answerNow((ctx) => {
    // Installation tokens are refused by the pipeline (no permission grants this operation).
    if (ctx.caller.kind !== 'user')
      throw new GitHubError(403, 'Resource not accessible by integration');
    return { status: 200, body: renderAuthenticatedUser(ctx.world, ctx.caller.account) };
  }),

  'apps/list-installations-for-authenticated-user': answerNow((ctx) => {
    const { app, token } = requireUserToServer(ctx, 'installations');
    const installations = accessibleInstallations(ctx.world, app, token);
    const page = paginate(installations, ctx.query, ctx.url);
    return {
      status: 200,
      body: {
        total_count: installations.length,
        installations: page.items.map((i) => renderInstallation(ctx.world, i)),
      },
      ...(page.link ? { headers: { link: page.link } } : {}),
    };
  }),

  'apps/list-installation-repos-for-authenticated-user': answerNow((ctx) => {
    const { app, token } = requireUserToServer(ctx, 'repositories');
    const installation = ctx.world.installations.get(Number(ctx.params.installation_id));
    const reachable = installation && accessibleInstallations(ctx.world, app, token);
    if (!installation || !reachable?.includes(installation)) throw notFound();
    const repositories = accessibleRepositories(ctx.world, installation, token);
    const page = paginate(repositories, ctx.query, ctx.url);
    return {
      status: 200,
      body: {
        total_count: repositories.length,
        repository_selection: installation.repositorySelection,
        repositories: page.items.map(({ repo, role }) => ({
          ...renderRepository(ctx.world, repo),
          permissions: repositoryPermissions(role),
        })),
      },
      ...(page.link ? { headers: { link: page.link } } : {}),
    };
  }),
};
