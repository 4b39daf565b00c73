import { performance } from 'node:perf_hooks';
import type { World } from '../world/world.js';
import type { SideRoute } from '../fake-github.js';
import type { FakeGitHubPlugin } from '../plugins.js';
import { exchangeToken } from './access-token.js';
import { serveAuthorize } from './authorize.js';
import type { OAuthServed } from './types.js';
import { htmlAnswer } from './oauth-answer.js';
import { renderErrorPage } from './authorize-page.js';

export const oauthRoutePrefix = '/login/oauth/';

const operations: Record<string, { operationId: string; methods: string[] }> = {
  '/login/oauth/authorize': { operationId: 'oauth/authorize', methods: ['GET', 'POST'] },
  '/login/oauth/access_token': { operationId: 'oauth/access-token', methods: ['POST'] },
};

/**
 * GitHub's OAuth web flow, on the web root as on github.com (`<url>/login/oauth/…`, where
 * Octokit's OAuth helpers derive it from an `/api/v3` base URL). Requests are logged like API
 * requests, with operationIds `oauth/authorize` and `oauth/access-token`.
 */
export function createOAuthRoute(world: World): SideRoute {
  return { prefix: oauthRoutePrefix, serve: (request) => serveOAuth(world, request) };
}

export const oauthPlugin: FakeGitHubPlugin = (gh) => {
  gh.sideRoutes.push(createOAuthRoute(gh.world));
};

async function serveOAuth(world: World, request: Request): Promise<Response> {
  const started = performance.now();
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const operation = operations[url.pathname];
  let served: OAuthServed;
  if (!operation || !operation.methods.includes(method)) {
    world.recordViolation({
      kind: 'unknown-endpoint',
      subject: `${method} ${url.pathname}`,
      detail:
        'the stand-in answers GET/POST /login/oauth/authorize and POST /login/oauth/access_token',
      at: world.clock.now(),
    });
    served = {
      response: htmlAnswer(404, renderErrorPage('Page not found', url.pathname)),
      params: {},
    };
  } else if (operation.operationId === 'oauth/authorize') {
    served = await serveAuthorize(world, request);
  } else {
    served = await exchangeToken(world, request);
  }
  const { client_secret: secret, ...logged } = served.params;
  world.requests.push({
    seq: world.requests.length + 1,
    method,
    path: redactedPath(url),
    operationId: operation?.operationId ?? null,
    status: served.response.status,
    caller: logged.client_id ? `oauth-client:${logged.client_id}` : 'anonymous',
    body: secret === undefined ? logged : { ...logged, client_secret: '[redacted]' },
    faulted: false,
    ms: Math.round(performance.now() - started),
    at: world.clock.now(),
    arrivedAtMs: performance.timeOrigin + started,
  });
  return served.response;
}

/** The request log never holds a client secret, wherever the client put it. */
function redactedPath(url: URL): string {
  if (!url.searchParams.has('client_secret')) return `${url.pathname}${url.search}`;
  const shown = new URL(url);
  shown.searchParams.set('client_secret', '[redacted]');
  return `${shown.pathname}${shown.search}`;
}
