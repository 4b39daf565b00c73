import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import {
  convertToDraft,
  markReadyForReview,
  openPullRequest,
  pushToPullRequest,
  readPullRequest,
  retargetPullRequest,
} from '../../control/pull-ops.js';

describe('pull requests follow their branches, whatever moved them', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const topic = { message: 'topic', files: { 'topic.txt': 't\n' } };

  it('a push to the head updates the PR, refs/pull/N/head and sends synchronize with before and after', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    const before = pr.pull.headSha;
    const after = await pushToPullRequest(kit.services, {
      repo,
      number: pr.number,
      commits: [{ message: 'more', files: { 'more.txt': 'm\n' } }],
    });
    expect(readPullRequest(kit.services, { repo, number: pr.number }).head.sha).toBe(after);
    expect(await repo.git.resolveRef(`refs/pull/${pr.number}/head`)).toBe(after);
    const sync = await kit.waitFor(repo, 'pull_request', 'synchronize');
    expect(sync.payload).toMatchObject({
      before,
      after,
      sender: { login: 'alice' },
      pull_request: { head: { sha: after } },
    });
    const order = (await kit.settled(repo)).map((r) => `${r.event}.${r.action ?? ''}`);
    expect(order.indexOf('push.')).toBeLessThan(order.indexOf('pull_request.synchronize'));
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('an API ref update of the head synchronizes too, with the app as sender', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    const { sha } = await repo.git.commitFiles({
      parent: pr.pull.headSha,
      files: { 'bot.txt': 'b\n' },
      message: 'bot',
      author: { name: 'bot', email: 'bot@example.com' },
      date: kit.gh.world.clock.tick(),
    });
    await kit.app().rest.git.updateRef({ owner: 'acme', repo: repo.name, ref: 'heads/topic', sha });
    const sync = await kit.waitFor(repo, 'pull_request', 'synchronize');
    expect(sync.payload).toMatchObject({ after: sha, sender: { login: 'sluice[bot]' } });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('a base push that contains the head marks the PR merged by the pusher', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    await kit.user('bob').rest.git.updateRef({
      owner: 'acme',
      repo: repo.name,
      ref: 'heads/main',
      sha: pr.pull.headSha,
    });
    expect(readPullRequest(kit.services, { repo, number: pr.number })).toMatchObject({
      state: 'closed',
      merged: true,
      mergedBy: 'bob',
      mergeCommitSha: pr.pull.headSha,
    });
    const closed = await kit.waitFor(repo, 'pull_request', 'closed');
    expect(closed.payload.pull_request).toMatchObject({
      merged: true,
      merged_by: { login: 'bob' },
      merge_commit_sha: pr.pull.headSha,
    });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('deleting the head branch closes the PR without merging it', async () => {
    const repo = await kit.repo();
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
    });
    await kit.app().rest.git.deleteRef({ owner: 'acme', repo: repo.name, ref: 'heads/topic' });
    expect(readPullRequest(kit.services, { repo, number: pr.number })).toMatchObject({
      state: 'closed',
      merged: false,
    });
    await kit.waitFor(repo, 'pull_request', 'closed');
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('a fork PR keeps its head fetched into the base repository as refs/pull/N/head', async () => {
    const repo = await kit.repo();
    const fork = await kit.gh.createRepo({ fullName: `carol/${repo.name}`, parent: repo.fullName });
    const pr = await openPullRequest(kit.services, {
      repo,
      fork,
      author: 'carol',
      branch: 'patch',
      commits: [topic],
      maintainerCanModify: false,
    });
    expect(await repo.git.resolveRef(`refs/pull/${pr.number}/head`)).toBe(pr.pull.headSha);
    expect(await repo.git.resolveRef('refs/heads/patch')).toBeUndefined();
    const after = await pushToPullRequest(kit.services, {
      repo,
      number: pr.number,
      commits: [{ message: 'fix', files: { 'fix.txt': 'f\n' } }],
    });
    expect(await repo.git.resolveRef(`refs/pull/${pr.number}/head`)).toBe(after);
    const { data } = await kit
      .app()
      .rest.pulls.get({ owner: 'acme', repo: repo.name, pull_number: pr.number });
    expect(data).toMatchObject({
      head: { label: `carol:patch`, sha: after, repo: { full_name: fork.fullName } },
      maintainer_can_modify: false,
    });
    const merged = await kit.app().rest.pulls.merge({
      owner: 'acme',
      repo: repo.name,
      pull_number: pr.number,
      merge_method: 'squash',
    });
    expect((await repo.git.readFile(merged.data.sha, 'fix.txt'))?.content.toString()).toBe('f\n');
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('the harness drafts, readies and retargets with the webhooks GitHub sends', async () => {
    const repo = await kit.repo();
    await repo.git.createRef('refs/heads/release', (await repo.git.resolveRef('refs/heads/main'))!);
    const pr = await openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [topic],
      draft: true,
    });
    await markReadyForReview(kit.services, { repo, number: pr.number });
    await convertToDraft(kit.services, { repo, number: pr.number });
    await retargetPullRequest(kit.services, { repo, number: pr.number, base: 'release' });
    expect(readPullRequest(kit.services, { repo, number: pr.number })).toMatchObject({
      draft: true,
      base: { ref: 'release' },
    });
    const actions = (await kit.settled(repo))
      .filter((r) => r.event === 'pull_request')
      .map((r) => r.action);
    expect(actions).toEqual(['opened', 'ready_for_review', 'converted_to_draft', 'edited']);
    expect(kit.gh.world.violations).toEqual([]);
  });
});
