import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { openTestPull } from '../support/open-test-pull.js';

describe('installation permissions guard issue writes as on GitHub', () => {
  let world: RepoWorld;
  let pr: number;
  const repoParams = { owner: 'acme', repo: 'widgets' };

  beforeAll(async () => {
    world = await startRepoWorld({
      permissions: { issues: 'read', pull_requests: 'read', contents: 'read', metadata: 'read' },
      // No stock labels, so a refused write that made a label would show.
      defaultLabels: false,
    });
    pr = (await openTestPull(world.gh.world, world.repo)).number;
  });
  afterAll(() => world.gh.close());

  it.each([
    [
      'commenting',
      () =>
        world.app.rest.issues.createComment({ ...repoParams, issue_number: pr, body: 'Queued.' }),
    ],
    [
      'labelling',
      () =>
        world.app.rest.issues.addLabels({
          ...repoParams,
          issue_number: pr,
          labels: ['merge-queue'],
        }),
    ],
  ])('refuses %s without issues: write, naming the permissions that would do', async (_, call) => {
    await expect(call()).rejects.toMatchObject({
      status: 403,
      response: {
        data: { message: 'Resource not accessible by integration' },
        headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
      },
    });
    expect(world.repo.comments.size + world.repo.labels.size).toBe(0);
  });

  it('still lets the installation read what its read permissions cover', async () => {
    const { data } = await world.app.rest.issues.listLabelsOnIssue({
      ...repoParams,
      issue_number: pr,
    });
    expect(data).toEqual([]);
    expect(world.gh.world.violations).toEqual([]);
  });
});
