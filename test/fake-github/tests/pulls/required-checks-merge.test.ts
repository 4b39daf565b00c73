import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import { addCheckRun, addStatus } from './ci-signals.js';
import { openPullRequest } from '../../control/pull-ops.js';
import type { RepoState } from '../../world/types.js';

describe('PUT pulls/N/merge enforces required checks and reviews on the PR head', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const protectedRepo = (
    contexts: string[],
    extra: { strict?: boolean; approvals?: number } = {},
  ) =>
    kit.repo({
      protection: {
        main: {
          requiredStatusChecks: {
            strict: extra.strict ?? false,
            contexts,
            checks: contexts.map((context) => ({ context, app_id: null })),
          },
          requiredApprovingReviewCount: extra.approvals ?? null,
        },
      },
    });

  const openOn = (repo: RepoState) =>
    openPullRequest(kit.services, {
      repo,
      author: 'alice',
      branch: 'topic',
      commits: [{ message: 'topic', files: { 't.txt': 't\n' } }],
    });

  const merge = (repo: RepoState, number: number) =>
    kit.app().rest.pulls.merge({
      owner: 'acme',
      repo: repo.name,
      pull_number: number,
      merge_method: 'squash',
    });

  const refusal = (message: string) => ({ status: 405, response: { data: { message } } });

  it('refuses while a required check has not reported on the head', async () => {
    const repo = await protectedRepo(['build']);
    const pr = await openOn(repo);
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('Required status check "build" is expected.'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('refuses while it runs, and when its latest run failed even if an older one passed', async () => {
    const repo = await protectedRepo(['build']);
    const pr = await openOn(repo);
    addCheckRun(kit, repo, {
      sha: pr.pull.headSha,
      name: 'build',
      status: 'in_progress',
      conclusion: null,
    });
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('Required status check "build" is in progress.'),
    );
    addCheckRun(kit, repo, { sha: pr.pull.headSha, name: 'build', conclusion: 'failure' });
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('Required status check "build" is failing.'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('ignores checks that passed on another commit (a staging commit is not the head)', async () => {
    const repo = await protectedRepo(['build']);
    const pr = await openOn(repo);
    addCheckRun(kit, repo, { sha: (await repo.git.resolveRef('refs/heads/main'))!, name: 'build' });
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('Required status check "build" is expected.'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('merges once every required check passes on the head, from check runs and commit statuses alike', async () => {
    const repo = await protectedRepo(['build', 'ci/legacy']);
    const pr = await openOn(repo);
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('2 of 2 required status checks are expected.'),
    );
    addCheckRun(kit, repo, { sha: pr.pull.headSha, name: 'build' });
    addStatus(kit, repo, { sha: pr.pull.headSha, context: 'ci/legacy', state: 'success' });
    const { data } = await merge(repo, pr.number);
    expect(data.merged).toBe(true);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('reports ruleset requirements as repository rule violations', async () => {
    const repo = await kit.repo({
      rulesets: [
        {
          name: 'gate',
          branches: ['~DEFAULT_BRANCH'],
          requiredStatusChecks: [{ context: 'test' }],
          requiredApprovingReviewCount: null,
        },
      ],
    });
    const pr = await openOn(repo);
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('Repository rule violations found\n\nRequired status check "test" is expected.\n'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('requires approving reviews from writers when protection asks for them', async () => {
    const repo = await protectedRepo([], { approvals: 1 });
    const pr = await openOn(repo);
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('At least 1 approving review is required by reviewers with write access.'),
    );
    const bob = kit.gh.world.account('bob');
    pr.pull.reviews.push({
      id: kit.gh.world.ids.next('review'),
      user: bob,
      state: 'APPROVED',
      commitId: pr.pull.headSha,
      submittedAt: kit.gh.world.clock.tick(),
      body: '',
    });
    expect((await merge(repo, pr.number)).data.merged).toBe(true);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('refuses a head that does not contain the base tip under strict protection', async () => {
    const repo = await protectedRepo(['build'], { strict: true });
    const pr = await openOn(repo);
    addCheckRun(kit, repo, { sha: pr.pull.headSha, name: 'build' });
    await kit.commit(repo, 'main', { 'n.txt': 'n\n' });
    await expect(merge(repo, pr.number)).rejects.toMatchObject(
      refusal('Head branch is out of date. Review and try the merge again.'),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });
});
