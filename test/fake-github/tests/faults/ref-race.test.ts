import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFaultWorld, widgets, type FaultWorld } from './support/fault-world.js';

describe('a ref race: someone pushes between the read and the write of git/update-ref', () => {
  let w: FaultWorld;
  beforeAll(async () => {
    w = await startFaultWorld();
  });
  afterAll(() => w.gh.close());

  it("refuses the update and keeps the other push, as GitHub's compare-and-swap does", async () => {
    const head = w.repo.pull(await w.openPull()).head.sha;
    let theirs = '';
    // Bob's push is his own: its webhook goes out even though the raced request fails.
    const bobPushes = async () => {
      theirs = await w.repo.push({
        branch: 'main',
        files: { 'NEWS.md': 'meanwhile\n' },
        message: 'docs: news',
        by: 'bob',
      });
    };
    w.gh.races.add('git/update-ref', bobPushes);

    const update = () => w.app.rest.git.updateRef({ ...widgets, ref: 'heads/main', sha: head });
    await expect(update()).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Reference cannot be updated' } },
    });
    expect(await w.repo.git.resolveRef('refs/heads/main')).toBe(theirs);

    // The race is spent; the same update is now simply not a fast forward of the new main.
    await expect(update()).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Update is not a fast forward' } },
    });
    await w.gh.settle({ quietMs: 20 });
    const pushes = w.arrivals
      .filter((a) => a.event === 'push')
      .map((a) => JSON.parse(a.body) as unknown);
    expect(pushes).toEqual([
      expect.objectContaining({
        ref: 'refs/heads/main',
        after: theirs,
        pusher: expect.objectContaining({ name: 'bob' }),
      }),
    ]);
  });
});
