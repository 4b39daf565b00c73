import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deleteToken } from '@octokit/oauth-methods';
import { Octokit } from '@octokit/rest';
import {
  octokitWith,
  startOAuthWorld,
  userTokenFor,
  type OAuthWorld,
} from './support/oauth-world.js';

/** `DELETE /applications/{client_id}/token`: an app's client revokes one of its user tokens. */
describe('revoking a user access token', () => {
  let world: OAuthWorld;

  beforeAll(async () => {
    world = await startOAuthWorld();
  });
  afterAll(() => world.gh.close());

  const request = () => new Octokit({ baseUrl: world.gh.apiUrl }).request;
  const clientOf = (registered: OAuthWorld['sluice']) => ({
    clientType: 'github-app' as const,
    clientId: registered.app.oauth.clientId,
    clientSecret: registered.app.oauth.clientSecret,
  });

  it('stops the token working, and only that one', async () => {
    const first = String((await userTokenFor(world.gh, world.sluice, 'alice')).access_token);
    const second = String((await userTokenFor(world.gh, world.sluice, 'alice')).access_token);
    const answer = await deleteToken({
      ...clientOf(world.sluice),
      token: first,
      request: request(),
    });
    expect(answer.status).toBe(204);
    await expect(octokitWith(world.gh, first).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 401,
    });
    const { data } = await octokitWith(world.gh, second).rest.users.getAuthenticated();
    expect(data.login).toBe('alice');
    // A token already revoked is not found.
    await expect(
      deleteToken({ ...clientOf(world.sluice), token: first, request: request() }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('needs the client secret, and the client of the app the token is for', async () => {
    const token = String((await userTokenFor(world.gh, world.sluice, 'alice')).access_token);
    await expect(
      deleteToken({
        ...clientOf(world.sluice),
        clientSecret: 'not-the-secret',
        token,
        request: request(),
      }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      deleteToken({ ...clientOf(world.other), token, request: request() }),
    ).rejects.toMatchObject({ status: 404 });
    const { data } = await octokitWith(world.gh, token).rest.users.getAuthenticated();
    expect(data.login).toBe('alice');
    world.gh.assertClean();
  });
});
