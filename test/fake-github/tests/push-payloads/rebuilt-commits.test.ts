import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';

let kit: PullKit;
beforeAll(async () => {
  kit = await PullKit.start();
});
afterAll(() => kit.close());

describe('commits made through the git data API', () => {
  it('get a new SHA when the same tree, parent and message are committed again without dates', async () => {
    const repo = await kit.repo();
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    const tree = (await repo.git.treeOf(main))!;
    const build = () =>
      kit.app().rest.git.createCommit({
        owner: 'acme',
        repo: repo.name,
        tree,
        parents: [main],
        message: 'Staging: the same PR on the same base',
      });
    const clockBefore = kit.gh.world.clock.now().getTime();
    const first = (await build()).data;
    const second = (await build()).data;
    expect(second.sha).not.toBe(first.sha);
    expect(second.tree.sha).toBe(first.tree.sha);
    // Dated by the stand-in's virtual clock, committer as author, as GitHub does.
    expect(new Date(first.author.date).getTime()).toBeGreaterThan(clockBefore);
    expect(new Date(second.author.date).getTime()).toBeGreaterThan(
      new Date(first.author.date).getTime(),
    );
    expect(second.committer).toEqual(second.author);
  });

  it('keep the SHA of a commit whose dates are given, however often it is made', async () => {
    const repo = await kit.repo();
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    const author = { name: 'Alice', email: 'alice@example.com', date: '2026-01-01T00:00:00Z' };
    const build = async () =>
      (
        await kit.app().rest.git.createCommit({
          owner: 'acme',
          repo: repo.name,
          tree: (await repo.git.treeOf(main))!,
          parents: [main],
          message: 'Pinned',
          author,
        })
      ).data.sha;
    expect(await build()).toBe(await build());
  });
});
