import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { settled, startRepoWorld, userOctokit, type RepoWorld } from './support/repo-world.js';
import { openTestPull } from '../support/open-test-pull.js';
import { approve, requestChanges } from '../../control/repo-ops.js';

describe('pull request reviews behave like GitHub', () => {
  let world: RepoWorld;
  let pr: number;
  const repoParams = { owner: 'acme', repo: 'widgets' };

  beforeAll(async () => {
    world = await startRepoWorld({ collaborators: { alice: 'write', bob: 'write', rae: 'read' } });
    pr = (await openTestPull(world.gh.world, world.repo, { author: 'alice' })).number;
  });
  beforeEach(async () => {
    await settled(world.gh);
    world.received.length = 0;
  });
  afterAll(() => world.gh.close());

  const reviewEvents = () =>
    world.received.map((d) => [
      `${d.event}.${d.action}`,
      d.payload.review?.state,
      d.payload.sender.login,
    ]);

  it('lets another person approve, with a pull_request_review.submitted webhook', async () => {
    const { data } = await userOctokit(world.gh, 'bob').rest.pulls.createReview({
      ...repoParams,
      pull_number: pr,
      event: 'APPROVE',
    });
    const head = world.repo.issues.get(pr)!.pull!.headSha;
    expect(data).toMatchObject({
      state: 'APPROVED',
      body: '',
      commit_id: head,
      user: { login: 'bob' },
      author_association: 'COLLABORATOR',
    });
    await settled(world.gh);
    expect(reviewEvents()).toEqual([['pull_request_review.submitted', 'approved', 'bob']]);
    expect(world.received[0]!.payload.review?.body).toBeNull();
    expect(world.gh.world.violations).toEqual([]);
  });

  it.each([
    ['APPROVE', 'Can not approve your own pull request'],
    ['REQUEST_CHANGES', 'Can not request changes on your own pull request'],
  ] as const)('refuses %s from the author with 422', async (event, reason) => {
    const refused = userOctokit(world.gh, 'alice').rest.pulls.createReview({
      ...repoParams,
      pull_number: pr,
      event,
      body: 'lgtm',
    });
    await expect(refused).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Unprocessable Entity', errors: [reason] } },
    });
    expect(world.gh.world.violations).toEqual([]);
  });

  it('lets the author comment, and a reader review', async () => {
    await userOctokit(world.gh, 'alice').rest.pulls.createReview({
      ...repoParams,
      pull_number: pr,
      event: 'COMMENT',
      body: 'Note to self',
    });
    await userOctokit(world.gh, 'rae').rest.pulls.createReview({
      ...repoParams,
      pull_number: pr,
      event: 'REQUEST_CHANGES',
      body: 'Please add a test',
    });
    await settled(world.gh);
    expect(reviewEvents()).toEqual([
      ['pull_request_review.submitted', 'commented', 'alice'],
      ['pull_request_review.submitted', 'changes_requested', 'rae'],
    ]);
  });

  // verify: GitHub's exact wording for a missing body; only the status is asserted.
  it('requires a body to request changes', async () => {
    const refused = world.app.rest.pulls.createReview({
      ...repoParams,
      pull_number: pr,
      event: 'REQUEST_CHANGES',
    });
    await expect(refused).rejects.toMatchObject({ status: 422 });
  });

  it('reviews as a person through the harness and lists every review', async () => {
    await approve(world.gh.services, { repo: world.repo, number: pr, by: 'carol' });
    await requestChanges(world.gh.services, {
      repo: world.repo,
      number: pr,
      by: 'bob',
      body: 'One more thing',
    });
    await expect(
      approve(world.gh.services, { repo: world.repo, number: pr, by: 'alice' }),
    ).rejects.toMatchObject({ status: 422 });
    const { data } = await world.app.rest.pulls.listReviews({ ...repoParams, pull_number: pr });
    expect(data.map((r) => [r.user?.login, r.state])).toEqual([
      ['bob', 'APPROVED'],
      ['alice', 'COMMENTED'],
      ['rae', 'CHANGES_REQUESTED'],
      ['carol', 'APPROVED'],
      ['bob', 'CHANGES_REQUESTED'],
    ]);
    await settled(world.gh);
    expect(reviewEvents()).toEqual([
      ['pull_request_review.submitted', 'approved', 'carol'],
      ['pull_request_review.submitted', 'changes_requested', 'bob'],
    ]);
    expect(world.gh.world.violations).toEqual([]);
  });
});
