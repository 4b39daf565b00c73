import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import type { RepoState } from '../../world/types.js';

describe('pull requests through the REST API: open, list, edit, close, reopen', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const branchWithCommit = async (repo: RepoState, branch: string, file = `${branch}.txt`) => {
    await kit.branch(repo, branch);
    return kit.commit(repo, branch, { [file]: 'x\n' }, 'alice');
  };
  const validation = (message: string) => ({
    status: 422,
    response: {
      data: { message: 'Validation Failed', errors: [expect.objectContaining({ message })] },
    },
  });

  it('opens a PR as a user, sends opened, and refuses a duplicate or an empty one', async () => {
    const repo = await kit.repo();
    const head = await branchWithCommit(repo, 'feature');
    const pulls = kit.user('alice').rest.pulls;
    const { status, data } = await pulls.create({
      owner: 'acme',
      repo: repo.name,
      title: 'Feature',
      head: 'acme:feature',
      base: 'main',
      body: 'why',
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      number: 1,
      state: 'open',
      user: { login: 'alice' },
      head: { ref: 'feature', sha: head, label: 'acme:feature' },
      base: { ref: 'main' },
      mergeable: null,
      commits: 1,
    });
    const opened = await kit.waitFor(repo, 'pull_request', 'opened');
    expect(opened.payload).toMatchObject({
      number: 1,
      sender: { login: 'alice' },
      pull_request: { head: { sha: head } },
    });
    await expect(
      pulls.create({
        owner: 'acme',
        repo: repo.name,
        title: 'Again',
        head: 'feature',
        base: 'main',
      }),
    ).rejects.toMatchObject(validation('A pull request already exists for acme:feature.'));
    await repo.git.createRef('refs/heads/empty', (await repo.git.resolveRef('refs/heads/main'))!);
    await expect(
      pulls.create({ owner: 'acme', repo: repo.name, title: 'Empty', head: 'empty', base: 'main' }),
    ).rejects.toMatchObject(validation('No commits between main and empty'));
    await expect(
      pulls.create({
        owner: 'acme',
        repo: repo.name,
        title: 'Lost',
        head: 'missing',
        base: 'main',
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('lists with state, head and base filters, newest first, paged with Link', async () => {
    const repo = await kit.repo();
    const alice = kit.user('alice').rest.pulls;
    for (const name of ['one', 'two', 'three']) {
      await branchWithCommit(repo, name);
      await alice.create({ owner: 'acme', repo: repo.name, title: name, head: name, base: 'main' });
    }
    await kit
      .app()
      .rest.pulls.update({ owner: 'acme', repo: repo.name, pull_number: 1, state: 'closed' });
    const list = (query: Record<string, unknown>) =>
      kit.app().rest.pulls.list({ owner: 'acme', repo: repo.name, ...query });
    expect((await list({})).data.map((p) => p.title)).toEqual(['three', 'two']);
    expect((await list({ state: 'all', direction: 'asc' })).data.map((p) => p.number)).toEqual([
      1, 2, 3,
    ]);
    expect((await list({ state: 'closed' })).data.map((p) => p.title)).toEqual(['one']);
    expect((await list({ head: 'acme:two' })).data.map((p) => p.title)).toEqual(['two']);
    expect((await list({ base: 'develop' })).data).toEqual([]);
    const paged = await list({ state: 'all', per_page: 2 });
    expect(paged.headers.link).toContain('rel="next"');
    const all = await kit.app().paginate(kit.app().rest.pulls.list, {
      owner: 'acme',
      repo: repo.name,
      state: 'all',
      per_page: 2,
    });
    expect(all).toHaveLength(3);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('edits title and base with one edited event carrying the old values, then closes and reopens', async () => {
    const repo = await kit.repo();
    await branchWithCommit(repo, 'develop', 'dev.txt');
    await branchWithCommit(repo, 'topic');
    const pulls = kit.app().rest.pulls;
    const { data: pr } = await pulls.create({
      owner: 'acme',
      repo: repo.name,
      title: 'Old',
      head: 'topic',
      base: 'main',
    });
    const mainSha = pr.base.sha;
    const { data } = await pulls.update({
      owner: 'acme',
      repo: repo.name,
      pull_number: pr.number,
      title: 'New',
      base: 'develop',
    });
    expect([data.title, data.base.ref]).toEqual(['New', 'develop']);
    const edited = await kit.waitFor(repo, 'pull_request', 'edited');
    expect(edited.payload.changes).toEqual({
      title: { from: 'Old' },
      base: { ref: { from: 'main' }, sha: { from: mainSha } },
    });
    expect(
      (
        await pulls.update({
          owner: 'acme',
          repo: repo.name,
          pull_number: pr.number,
          state: 'closed',
        })
      ).data.state,
    ).toBe('closed');
    await expect(
      pulls.checkIfMerged({ owner: 'acme', repo: repo.name, pull_number: pr.number }),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      (
        await pulls.update({
          owner: 'acme',
          repo: repo.name,
          pull_number: pr.number,
          state: 'open',
        })
      ).data.state,
    ).toBe('open');
    const actions = (await kit.settled(repo))
      .filter((r) => r.event === 'pull_request')
      .map((r) => r.action);
    expect(actions).toEqual(['opened', 'edited', 'closed', 'reopened']);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('lists the PR commits oldest first and its files from the merge base', async () => {
    const repo = await kit.repo();
    await branchWithCommit(repo, 'topic', 'one.txt');
    await kit.commit(repo, 'topic', { 'src/a.ts': 'export const a = 9;\n' }, 'alice');
    await kit.commit(repo, 'main', { 'main-only.txt': 'm\n' });
    const pulls = kit.app().rest.pulls;
    const { data: pr } = await pulls.create({
      owner: 'acme',
      repo: repo.name,
      title: 'T',
      head: 'topic',
      base: 'main',
    });
    const commits = await pulls.listCommits({
      owner: 'acme',
      repo: repo.name,
      pull_number: pr.number,
    });
    expect(commits.data.map((c) => c.commit.message)).toEqual([
      'change one.txt',
      'change src/a.ts',
    ]);
    const files = await pulls.listFiles({ owner: 'acme', repo: repo.name, pull_number: pr.number });
    expect(files.data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['one.txt', 'added', 1, 0],
      ['src/a.ts', 'modified', 1, 1],
    ]);
    await expect(
      pulls.get({ owner: 'acme', repo: repo.name, pull_number: 99 }),
    ).rejects.toMatchObject({ status: 404 });
    expect(kit.gh.world.violations).toEqual([]);
  });
});
