import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { pushToPullRequest } from '../../fake-github/control/pull-ops.js';
import { pushCommits } from '../../fake-github/domain/pulls/push-commits.js';

describe('the staging view: a PR, its test merge and its authors in one GraphQL read', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const graphqlReads = () => kit.requests('graphql/repository').length;

  it('reads what pulls/get reads, null mergeability first, then the test merge of base and head', async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo, { title: 'feat: x', body: 'Why' });
    const port = kit.port(repo);
    const before = graphqlReads();
    const first = await port.stagingView(number);
    expect(graphqlReads()).toBe(before + 1);
    expect(first).toMatchObject({ mergeable: null, testMergeSha: null, testMerge: null });

    const second = await port.stagingView(number);
    const rest = await port.getPull(number);
    const base = await repo.git.resolveRef('refs/heads/main');
    const alice = kit.gh.world.account('alice');
    const testMerge = await repo.git.resolveRef(`refs/pull/${number}/merge`);
    const { tree } = (await repo.git.readCommit(testMerge!))!;
    expect(second).toEqual({
      ...rest,
      testMerge: { sha: testMerge, tree, parents: [base, headSha], message: expect.any(String) },
      commitAuthors: [{ name: alice.name, email: alice.email }],
    });
    expect(second?.pull).toMatchObject({ title: 'feat: x', body: 'Why', headWritable: true });
    kit.gh.assertClean();
  });

  it('reads several PRs as it reads one, in one request, leaving out one that does not exist', async () => {
    const repo = await kit.repo();
    const a = await openPull(kit, repo, { branch: 'a', title: 'feat: a' });
    const b = await openPull(kit, repo, { branch: 'b', title: 'fix: b' });
    const port = kit.port(repo);
    // Read once each first: GitHub computes mergeability on the first read.
    await port.stagingView(a.number);
    await port.stagingView(b.number);
    const before = graphqlReads();
    const views = await port.stagingViews([b.number, 4242, a.number]);
    expect(graphqlReads()).toBe(before + 1);
    expect([...views.keys()]).toEqual([b.number, a.number]);
    expect(views.get(a.number)).toEqual(await port.stagingView(a.number));
    expect(views.get(b.number)).toEqual(await port.stagingView(b.number));
    expect(views.get(a.number)?.testMerge?.parents[1]).toBe(a.headSha);
    kit.gh.assertClean();
  });

  it('credits git authors and Co-authored-by trailers once each, in commit order, without app bots', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo, {
      commits: [{ message: 'one', files: { 'one.txt': '1\n' } }],
    });
    kit.gh.world.account('renovate[bot]', 'Bot');
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((l) => kit.gh.world.account(l));
    const push = (by: string, message: string, file: string) =>
      pushToPullRequest(kit.services, {
        repo,
        number,
        by,
        commits: [{ message, files: { [file]: `${file}\n` } }],
      });
    await push('bob', `two\n\nCo-authored-by: ${carol!.name} <${carol!.email}>`, 'two.txt');
    await push('renovate[bot]', 'deps', 'deps.txt');
    await push('alice', `three\n\nCo-authored-by: ${bob!.name} <${bob!.email.toUpperCase()}>`, 'c');
    const view = await kit.port(repo).stagingView(number);
    expect(view?.commitAuthors).toEqual([
      { name: alice!.name, email: alice!.email },
      { name: bob!.name, email: bob!.email },
      { name: carol!.name, email: carol!.email },
    ]);
    kit.gh.assertClean();
  });

  it('reads the authors of PRs of more than 100 commits page by page', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo, {
      commits: Array.from({ length: 101 }, (_, i) => ({
        message: `step ${i}`,
        files: { [`steps/${i}.txt`]: `${i}\n` },
      })),
    });
    await pushToPullRequest(kit.services, {
      repo,
      number,
      by: 'bob',
      commits: [{ message: 'last', files: { 'last.txt': 'l\n' } }],
    });
    const before = graphqlReads();
    const view = await kit.port(repo).stagingView(number);
    expect(graphqlReads()).toBe(before + 2);
    expect(view?.commitAuthors.map((p) => p.email)).toEqual([
      kit.gh.world.account('alice').email,
      kit.gh.world.account('bob').email,
    ]);
    kit.gh.assertClean();
  });

  it('says a conflicting PR is not mergeable and has no test merge', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo, {
      commits: [{ message: 'pr', files: { 'src/a.ts': 'export const a = 2;\n' } }],
    });
    await pushCommits(kit.services, {
      repo,
      branch: 'main',
      by: kit.gh.world.account('bob'),
      commits: [{ message: 'base', files: { 'src/a.ts': 'export const a = 3;\n' } }],
    });
    const port = kit.port(repo);
    await port.stagingView(number);
    expect(await port.stagingView(number)).toMatchObject({
      mergeable: false,
      testMergeSha: null,
      testMerge: null,
    });
    kit.gh.assertClean();
  });

  it('names an app bot as REST does, and answers undefined for a PR that does not exist', async () => {
    const repo = await kit.repo();
    kit.gh.world.account('renovate[bot]', 'Bot');
    const { number } = await openPull(kit, repo, { author: 'renovate[bot]' });
    const port = kit.port(repo);
    expect((await port.stagingView(number))?.pull.author).toBe('renovate[bot]');
    expect((await port.getPull(number))?.pull.author).toBe('renovate[bot]');
    expect(await port.stagingView(999)).toBeUndefined();
    kit.gh.assertClean();
  });

  it('asks again after a 502, as for any read', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    kit.gh.faults.add({ op: 'graphql/repository', status: 502, times: 1 });
    const before = graphqlReads();
    expect((await kit.port(repo).stagingView(number))?.pull.number).toBe(number);
    expect(graphqlReads()).toBe(before + 2);
    kit.gh.assertClean();
  });

  it('fails as a read naming the query when GitHub refuses it', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    kit.gh.faults.add({
      op: 'graphql/repository',
      status: 403,
      message: 'Resource not accessible by integration',
      times: 1,
    });
    await expect(kit.port(repo).stagingView(number)).rejects.toMatchObject({
      name: 'GitHubReadError',
      operation: 'graphql SluiceStagingView',
      status: 403,
    });
    kit.gh.assertClean();
  });
});
