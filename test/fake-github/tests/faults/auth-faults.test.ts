import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import {
  fullPermissions,
  startFaultWorld,
  widgets,
  type FaultWorld,
} from './support/fault-world.js';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('auth faults', () => {
  let w: FaultWorld;
  let pull: number;
  beforeAll(async () => {
    w = await startFaultWorld();
    pull = await w.openPull();
  });
  afterEach(() => {
    w.gh.setInstallationPermissions(w.installation.id, fullPermissions);
  });
  afterAll(() => w.gh.close());

  /** The app's current installation token, used as-is: auth-app would retry a fresh token's 401. */
  const tokenClient = async (refresh = false) => {
    const { token } = (await w.app.auth({ type: 'installation', refresh })) as { token: string };
    return new Octokit({ auth: token, baseUrl: w.gh.apiUrl, log: quiet });
  };

  it('answers 401 Bad credentials to a revoked token; a new token works', async () => {
    const app = await tokenClient();
    await expect(app.rest.repos.get(widgets)).resolves.toMatchObject({ status: 200 });

    expect(w.gh.revokeTokens(w.installation.id)).toBe(1);
    await expect(app.rest.repos.get(widgets)).rejects.toMatchObject({
      status: 401,
      response: { data: { message: 'Bad credentials' } },
    });
    const renewed = await tokenClient(true);
    await expect(renewed.rest.repos.get(widgets)).resolves.toMatchObject({ status: 200 });
  });

  it('answers 403 naming the permissions that would do, once the installation lost them', async () => {
    const app = await tokenClient();
    w.gh.setInstallationPermissions(w.installation.id, {
      contents: 'read',
      pull_requests: 'read',
      issues: 'read',
    });

    await expect(
      app.rest.issues.createComment({ ...widgets, issue_number: pull, body: 'Queued.' }),
    ).rejects.toMatchObject({
      status: 403,
      response: {
        data: { message: 'Resource not accessible by integration' },
        headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
      },
    });
    await expect(
      app.rest.pulls.merge({ ...widgets, pull_number: pull, merge_method: 'squash' }),
    ).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-accepted-github-permissions': 'contents=write' } },
    });
    // Reading is still allowed, with the very same token.
    await expect(app.rest.pulls.get({ ...widgets, pull_number: pull })).resolves.toMatchObject({
      status: 200,
    });
    expect(w.repo.comments(pull)).toEqual([]);
    expect(w.repo.pull(pull).merged).toBe(false);
  });
});
