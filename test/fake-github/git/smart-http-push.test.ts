import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ZERO_SHA } from './ref-snapshots.js';
import { startTestGitServer } from './test-git-server.js';
import type { TestGitServer } from './test-git-server.js';

let s: TestGitServer;
beforeEach(async () => {
  s = await startTestGitServer();
});
afterEach(() => s.close());

describe('pushing over smart HTTP', () => {
  it('clones, then reports a pushed new branch, an updated branch and a deleted one', async () => {
    const oldMain = (await s.repo.resolveRef('refs/heads/main'))!;
    const work = await s.cloneAs('writer');
    expect((await s.client(['-C', work, 'rev-parse', 'HEAD'])).stdout.toString().trim()).toBe(
      oldMain,
    );

    const feature = await s.commitIn(work, 'feature.txt', 'feature\n');
    await s.client(['-C', work, 'push', '-q', 'origin', 'HEAD:refs/heads/feature']);
    await s.client(['-C', work, 'reset', '-q', '--hard', 'origin/main']);
    const newMain = await s.commitIn(work, 'main.txt', 'main\n');
    await s.client(['-C', work, 'push', '-q', 'origin', 'main']);
    await s.client(['-C', work, 'push', '-q', 'origin', '--delete', 'feature']);

    expect(await s.repo.listRefs('refs/heads/')).toEqual([
      { ref: 'refs/heads/main', sha: newMain, type: 'commit' },
    ]);
    expect((await s.repo.readFile('main', 'main.txt'))?.content.toString()).toBe('main\n');
    const events = await s.waitForPushes(3);
    expect(
      events.map((e) => ({ repo: e.repo.fullName, pusher: e.pusher, changes: e.changes })),
    ).toEqual([
      {
        repo: 'acme/widgets',
        pusher: 'dev',
        changes: [{ ref: 'refs/heads/feature', before: ZERO_SHA, after: feature }],
      },
      {
        repo: 'acme/widgets',
        pusher: 'dev',
        changes: [{ ref: 'refs/heads/main', before: oldMain, after: newMain }],
      },
      {
        repo: 'acme/widgets',
        pusher: 'dev',
        changes: [{ ref: 'refs/heads/feature', before: feature, after: ZERO_SHA }],
      },
    ]);
    // git tries without credentials first, then with the ones in the URL after the 401.
    expect(s.asked.map((a) => `${a.service} ${a.token ?? '(none)'}`)).toEqual(
      expect.arrayContaining(['git-receive-pack (none)', 'git-receive-pack writer']),
    );
  });

  it('refuses a push the authorisation hook denies, leaving the refs alone', async () => {
    const oldMain = await s.repo.resolveRef('refs/heads/main');
    const work = await s.cloneAs('reader');
    await s.commitIn(work, 'sneaky.txt', 'no\n');
    const push = await s.client(['-C', work, 'push', 'origin', 'main'], [0, 128]);
    expect(push.exitCode).toBe(128);
    expect(push.stderr).toContain('Authentication failed');
    expect(await s.repo.resolveRef('refs/heads/main')).toBe(oldMain);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.pushes).toEqual([]);
  });
});
