import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProbotOctokit } from 'probot';
import { FakeGitHub } from '../fake-github.js';
import type { RegisteredApp } from '../control/register-app.js';
import type { Installation } from '../world/types.js';

describe('the local GitHub answers an app the way GitHub does', () => {
  let gh: FakeGitHub;
  let registered: RegisteredApp;
  let installation: Installation;

  beforeAll(async () => {
    gh = await FakeGitHub.start();
    registered = gh.registerApp({
      slug: 'sluice',
      permissions: { contents: 'write', pull_requests: 'write' },
      events: ['pull_request'],
    });
    await gh.createRepo({
      fullName: 'acme/widgets',
      ownerType: 'Organization',
      files: { 'README.md': 'hi\n' },
    });
    installation = gh.install(registered.app, { account: 'acme' });
  });
  afterAll(() => gh.close());

  const octokitFor = (viaFetch: boolean) =>
    new ProbotOctokit({
      auth: {
        appId: registered.app.id,
        privateKey: registered.privateKey,
        installationId: installation.id,
      },
      baseUrl: gh.apiUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
      ...(viaFetch ? { request: { fetch: gh.fetch } } : {}),
    });

  it.each([
    ['over HTTP', false],
    ['in-process as fetch', true],
  ])(
    'authenticates an installation with an app JWT and serves repos/get %s',
    async (_, viaFetch) => {
      const octokit = octokitFor(viaFetch);
      const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' });
      expect(data.full_name).toBe('acme/widgets');
      expect(data.default_branch).toBe('main');
      expect(gh.world.violations).toEqual([]);
      const calls = gh.world.requests.map((r) => `${r.operationId} ${r.status}`);
      expect(calls).toContain('apps/create-installation-access-token 201');
      expect(calls).toContain('repos/get 200');
    },
  );
});
