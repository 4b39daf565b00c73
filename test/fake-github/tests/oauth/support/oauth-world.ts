import { Octokit } from '@octokit/rest';
import { FakeGitHub } from '../../../fake-github.js';
import type { RegisteredApp } from '../../../control/register-app.js';
import type { Installation } from '../../../world/types.js';
import { signInWithGitHub } from '../../../oauth/sign-in.js';

export const callback = 'http://127.0.0.1:3999/auth/callback';
export const secondCallback = 'http://127.0.0.1:3999/auth/other';

/**
 * One stand-in for the OAuth tests:
 * - `sluice` (contents: write) installed on org `acme` (all repositories, but contents: read
 *   only), on user `alice` (`alice/dotfiles` only, no `workflows`) and on org `initech`;
 * - `other`, a second app, installed on org `globex`;
 * - acme/widgets (private: alice write, rae read), acme/secret (private: bob admin),
 *   acme/public-docs (public, no roles), alice/dotfiles (private), globex/tools (private:
 *   alice write), initech/app (private: bob write). carol has no role anywhere.
 */
export interface OAuthWorld {
  gh: FakeGitHub;
  sluice: RegisteredApp;
  other: RegisteredApp;
  installs: {
    acme: Installation;
    alice: Installation;
    initech: Installation;
    globex: Installation;
  };
}

export async function startOAuthWorld(): Promise<OAuthWorld> {
  const gh = await FakeGitHub.start();
  const sluice = gh.registerApp({
    slug: 'sluice',
    permissions: { contents: 'write', issues: 'write', pull_requests: 'write' },
    events: ['pull_request'],
    callbackUrls: [callback, secondCallback],
  });
  const other = gh.registerApp({
    slug: 'other',
    permissions: { contents: 'read' },
    events: [],
    callbackUrls: ['http://127.0.0.1:3998/callback'],
  });
  for (const login of ['alice', 'bob', 'rae', 'carol']) gh.createUser(login);
  const org = { ownerType: 'Organization' as const, files: { 'README.md': 'hi\n' } };
  await gh.createRepo({
    ...org,
    fullName: 'acme/widgets',
    private: true,
    collaborators: { alice: 'write', rae: 'read' },
  });
  await gh.createRepo({
    ...org,
    fullName: 'acme/secret',
    private: true,
    collaborators: { bob: 'admin' },
  });
  await gh.createRepo({ ...org, fullName: 'acme/public-docs' });
  await gh.createRepo({
    ...org,
    fullName: 'globex/tools',
    private: true,
    collaborators: { alice: 'write' },
  });
  await gh.createRepo({
    ...org,
    fullName: 'initech/app',
    private: true,
    collaborators: { bob: 'write' },
  });
  await gh.createRepo({
    fullName: 'alice/dotfiles',
    ownerType: 'User',
    private: true,
    files: { 'README.md': 'mine\n' },
  });
  const installs = {
    acme: gh.install(sluice.app, {
      account: 'acme',
      permissions: { contents: 'read', issues: 'write', pull_requests: 'write', metadata: 'read' },
    }),
    alice: gh.install(sluice.app, { account: 'alice', repos: ['alice/dotfiles'] }),
    initech: gh.install(sluice.app, { account: 'initech' }),
    globex: gh.install(other.app, { account: 'globex' }),
  };
  return { gh, sluice, other, installs };
}

/** POSTs to the token endpoint with a JSON body and `Accept: application/json`, as Octokit does. */
export async function requestToken(
  gh: FakeGitHub,
  params: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${gh.url}/login/oauth/access_token`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Signs `login` in to `registered`'s client and exchanges the code: the user access token's answer. */
export async function userTokenFor(
  gh: FakeGitHub,
  registered: RegisteredApp,
  login: string,
  extra: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const { code } = await signInWithGitHub({
    baseUrl: gh.url,
    clientId: registered.app.oauth.clientId,
    login,
  });
  return requestToken(gh, {
    client_id: registered.app.oauth.clientId,
    client_secret: registered.app.oauth.clientSecret,
    code,
    ...extra,
  });
}

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The REST API as `login`, through `registered`'s user access token. */
export async function octokitAs(
  gh: FakeGitHub,
  registered: RegisteredApp,
  login: string,
  extra: Record<string, string> = {},
): Promise<Octokit> {
  const answer = await userTokenFor(gh, registered, login, extra);
  return new Octokit({ auth: String(answer.access_token), baseUrl: gh.apiUrl, log: quiet });
}

/** The REST API with any token (a personal one, an installation's). */
export function octokitWith(gh: FakeGitHub, token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: gh.apiUrl, log: quiet });
}
