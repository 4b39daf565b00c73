import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { settled, startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { openTestPull } from '../support/open-test-pull.js';
import { addLabel, createPlainIssue, labelsOf, removeLabel } from '../../control/repo-ops.js';

describe('labels on issues and pull requests behave like GitHub', () => {
  let world: RepoWorld;
  let pr: number;
  let issue: number;
  const repoParams = { owner: 'acme', repo: 'widgets' };

  beforeAll(async () => {
    world = await startRepoWorld();
    pr = (await openTestPull(world.gh.world, world.repo)).number;
    issue = (
      await createPlainIssue(world.gh.services, {
        repo: world.repo,
        title: 'Flaky test',
        by: 'alice',
      })
    ).number;
  });
  beforeEach(async () => {
    await settled(world.gh);
    world.received.length = 0;
  });
  afterAll(() => world.gh.close());

  const labelEvents = () =>
    world.received.map((d) => [
      `${d.event}.${d.action}`,
      d.payload.label?.name,
      d.payload.sender.login,
    ]);

  it('creates missing labels and sends one labeled webhook per new label, from the bot', async () => {
    const { data } = await world.app.rest.issues.addLabels({
      ...repoParams,
      issue_number: pr,
      labels: ['merge-queue', 'Priority'],
    });
    expect(data.map((l) => l.name)).toEqual(['merge-queue', 'Priority']);
    expect(world.repo.labels.has('priority')).toBe(true);
    await settled(world.gh);
    expect(labelEvents()).toEqual([
      ['pull_request.labeled', 'merge-queue', 'sluice[bot]'],
      ['pull_request.labeled', 'Priority', 'sluice[bot]'],
    ]);
    expect(world.received[0]!.payload.sender.type).toBe('Bot');
    expect(world.received[0]!.payload.pull_request?.labels.map((l) => l.name)).toEqual([
      'merge-queue',
    ]);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('sends nothing for a label the pull request already has, and answers the full list', async () => {
    const { data } = await world.app.rest.issues.addLabels({
      ...repoParams,
      issue_number: pr,
      labels: ['MERGE-QUEUE', 'ready'],
    });
    expect(data.map((l) => l.name)).toEqual(['merge-queue', 'Priority', 'ready']);
    await settled(world.gh);
    expect(labelEvents()).toEqual([['pull_request.labeled', 'ready', 'sluice[bot]']]);
  });

  it('sends issues.labeled for a plain issue', async () => {
    await world.app.rest.issues.addLabels({ ...repoParams, issue_number: issue, labels: ['bug'] });
    await settled(world.gh);
    expect(labelEvents()).toEqual([['issues.labeled', 'bug', 'sluice[bot]']]);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('removes a label with an unlabeled webhook, and answers 404 for one not on the issue', async () => {
    const { data } = await world.app.rest.issues.removeLabel({
      ...repoParams,
      issue_number: pr,
      name: 'ready',
    });
    expect(data.map((l) => l.name)).toEqual(['merge-queue', 'Priority']);
    await expect(
      world.app.rest.issues.removeLabel({ ...repoParams, issue_number: pr, name: 'ready' }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Label does not exist' } },
    });
    await settled(world.gh);
    expect(labelEvents()).toEqual([['pull_request.unlabeled', 'ready', 'sluice[bot]']]);
  });

  it('replaces the labels with set-labels: unlabeled for dropped ones, labeled for new ones', async () => {
    const { data } = await world.app.rest.issues.setLabels({
      ...repoParams,
      issue_number: pr,
      labels: ['merge-queue', 'bug'],
    });
    expect(data.map((l) => l.name)).toEqual(['merge-queue', 'bug']);
    await settled(world.gh);
    expect(labelEvents()).toEqual([
      ['pull_request.unlabeled', 'Priority', 'sluice[bot]'],
      ['pull_request.labeled', 'bug', 'sluice[bot]'],
    ]);
    const { data: listed } = await world.app.rest.issues.listLabelsOnIssue({
      ...repoParams,
      issue_number: pr,
    });
    expect(listed.map((l) => l.name)).toEqual(['merge-queue', 'bug']);
  });

  it('creates repository labels, refusing a duplicate name with 422 already_exists', async () => {
    const { status, data } = await world.app.rest.issues.createLabel({
      ...repoParams,
      name: 'sluice: failed',
      color: '#B60205',
      description: 'Ejected',
    });
    expect([status, data.color, data.description]).toEqual([201, 'b60205', 'Ejected']);
    await expect(
      world.app.rest.issues.createLabel({ ...repoParams, name: 'SLUICE: FAILED' }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        },
      },
    });
    expect(
      (await world.app.rest.issues.getLabel({ ...repoParams, name: 'sluice: failed' })).data.name,
    ).toBe('sluice: failed');
    await expect(
      world.app.rest.issues.getLabel({ ...repoParams, name: 'nope' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(world.gh.world.violations).toEqual([]);
  });

  it('labels as a person through the harness, with that person as sender', async () => {
    await addLabel(world.gh.services, {
      repo: world.repo,
      number: pr,
      label: 'urgent',
      by: 'alice',
    });
    await removeLabel(world.gh.services, {
      repo: world.repo,
      number: pr,
      label: 'bug',
      by: 'alice',
    });
    expect(labelsOf(world.gh.services, { repo: world.repo, number: pr })).toEqual([
      'merge-queue',
      'urgent',
    ]);
    await settled(world.gh);
    expect(labelEvents()).toEqual([
      ['pull_request.labeled', 'urgent', 'alice'],
      ['pull_request.unlabeled', 'bug', 'alice'],
    ]);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('serves a pull request through issues/get as an issue with pull_request links', async () => {
    const { data: asIssue } = await world.app.rest.issues.get({ ...repoParams, issue_number: pr });
    expect(asIssue.pull_request?.url).toBe(`${world.gh.apiUrl}/repos/acme/widgets/pulls/${pr}`);
    expect(asIssue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual([
      'merge-queue',
      'urgent',
    ]);
    const { data: plain } = await world.app.rest.issues.get({ ...repoParams, issue_number: issue });
    expect(plain.pull_request).toBeUndefined();
    await expect(
      world.app.rest.issues.get({ ...repoParams, issue_number: 999 }),
    ).rejects.toMatchObject({ status: 404 });
    expect(world.gh.world.violations).toEqual([]);
  });
});
