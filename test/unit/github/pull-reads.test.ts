import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { addLabel } from '../../fake-github/control/repo-ops.js';
import { openPullRequest } from '../../fake-github/control/pull-ops.js';

describe('reading pull requests', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('reads a PR once without polling: mergeable is null until GitHub has computed it', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo, {
      branch: 'feature/x',
      title: 'feat: x',
      body: 'Why',
    });
    await addLabel(kit.services, { repo, number, by: 'bob', label: 'merge-queue' });
    const port = kit.port(repo);
    const before = kit.requests('pulls/get').length;
    const first = await port.getPull(number);
    expect(kit.requests('pulls/get')).toHaveLength(before + 1);
    const base = await repo.git.resolveRef('refs/heads/main');
    expect(first).toEqual({
      pull: {
        number,
        state: 'open',
        merged: false,
        draft: false,
        title: 'feat: x',
        body: 'Why',
        author: 'alice',
        headSha,
        headRef: 'feature/x',
        headRepo: repo.fullName,
        headWritable: true,
        baseRef: 'main',
        labels: ['merge-queue'],
        approvals: 0,
        changesRequested: false,
      },
      baseSha: base,
      mergeable: null,
      testMergeSha: null,
      mergeCommitSha: null,
    });
    const second = await port.getPull(number);
    expect(second).toMatchObject({
      mergeable: true,
      testMergeSha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    kit.gh.assertClean();
  });

  it('answers undefined for a PR that does not exist', async () => {
    const repo = await kit.repo();
    expect(await kit.port(repo).getPull(99)).toBeUndefined();
    kit.gh.assertClean();
  });

  it('lets Sluice write a fork head only when its author allows maintainer edits', async () => {
    const repo = await kit.repo();
    const fork = (allow: boolean, login: string) =>
      kit.gh
        .createRepo({ fullName: `${login}/${repo.name}`, parent: repo.fullName })
        .then((forked) =>
          openPullRequest(kit.services, {
            repo,
            fork: forked,
            author: login,
            branch: 'patch',
            commits: [{ message: 'fix: typo', files: { 'README.md': 'hi\n' } }],
            maintainerCanModify: allow,
          }),
        );
    const open = await fork(true, 'dave');
    const closed = await fork(false, 'erin');
    const port = kit.port(repo);
    expect((await port.getPull(open.number))?.pull).toMatchObject({
      headRepo: `dave/${repo.name}`,
      headWritable: true,
    });
    expect((await port.getPull(closed.number))?.pull).toMatchObject({
      headRepo: `erin/${repo.name}`,
      headWritable: false,
    });
    kit.gh.assertClean();
  });

  it('lists open PRs on one base carrying the label, in one paginated call for same-repo heads', async () => {
    const repo = await kit.repo();
    await repo.git.createRef('refs/heads/release', (await repo.git.resolveRef('refs/heads/main'))!);
    const queued = await openPull(kit, repo, { branch: 'queued' });
    const unlabeled = await openPull(kit, repo, { branch: 'unlabeled' });
    const otherBase = await openPull(kit, repo, { branch: 'other-base', base: 'release' });
    await addLabel(kit.services, { repo, number: queued.number, by: 'bob', label: 'Merge-Queue' });
    await addLabel(kit.services, {
      repo,
      number: otherBase.number,
      by: 'bob',
      label: 'merge-queue',
    });
    await addLabel(kit.services, { repo, number: unlabeled.number, by: 'bob', label: 'bug' });
    const before = kit.gh.world.requests.length;
    const listed = await kit.port(repo).listLabeledPulls('main', 'merge-queue');
    expect(listed.map((p) => [p.number, p.headSha, p.headWritable, p.labels])).toEqual([
      [queued.number, queued.headSha, true, ['Merge-Queue']],
    ]);
    expect(kit.operationsSince(before)).toEqual(['pulls/list']);
    kit.gh.assertClean();
  });

  it('reads a labeled fork PR once more, because the list does not say whether maintainers may edit', async () => {
    const repo = await kit.repo();
    const forked = await kit.gh.createRepo({
      fullName: `frank/${repo.name}`,
      parent: repo.fullName,
    });
    const pr = await openPullRequest(kit.services, {
      repo,
      fork: forked,
      author: 'frank',
      branch: 'main',
      commits: [{ message: 'fix: x', files: { 'x.txt': 'x\n' } }],
      maintainerCanModify: true,
    });
    await addLabel(kit.services, { repo, number: pr.number, by: 'bob', label: 'merge-queue' });
    const before = kit.gh.world.requests.length;
    const listed = await kit.port(repo).listLabeledPulls('main', 'merge-queue');
    expect(listed).toMatchObject([
      { number: pr.number, headRepo: forked.fullName, headWritable: true },
    ]);
    expect(kit.operationsSince(before)).toEqual(['pulls/list', 'pulls/get']);
    kit.gh.assertClean();
  });
});
