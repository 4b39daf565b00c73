import { mergePullRequest } from '../../../fake-github/control/pull-ops.js';
import type { RepoHandle } from '../../../fake-github/control/repo-handle.js';
import { anHourAgo, type DoctorWorld } from './doctor-world.js';

/**
 * A repository where the store and GitHub disagree in every way doctor knows, each PR
 * telling one story; see the comments below.
 */
export async function arrangeDrift(world: DoctorWorld) {
  const repo = await world.repo();
  const { store } = world;
  const name = repo.fullName;
  const then = anHourAgo();
  const open = (branch: string) => world.openPull(repo, branch);
  const closed = await open('closed');
  const merged = await open('merged');
  const unlabeled = await open('unlabeled');
  const pushed = await open('pushed');
  const lost = await open('lost');
  const testing = await open('testing');
  const queue = async (pull: { number: number; headSha: string }) => {
    const result = await store.queue.enqueue({
      repo: name,
      base: 'main',
      ...pull,
      queuedBy: 'alice',
      now: then,
    });
    return result.entry;
  };
  // Queued, then closed / merged / unlabeled while the app was away.
  const entries = {
    closed: await queue(closed),
    merged: await queue(merged),
    unlabeled: await queue(unlabeled),
    pushed: await queue(pushed),
    testing: await queue(testing),
  };
  for (const pull of [closed, merged, pushed, lost, testing])
    await repo.label(pull.number, 'merge-queue', pull === lost ? 'bob' : 'alice');
  await repo.closePullRequest(closed.number);
  await mergePullRequest(world.gh.services, { repo: name, number: merged.number });
  // Pushed to after queueing: the app decides (dequeue by default), not doctor.
  await repo.pushToPullRequest(pushed.number, {
    commits: [{ message: 'fix: more', files: { 'more.txt': 'more\n' } }],
  });
  // Under test on a staging branch that is gone.
  await store.queue.update({
    entryId: entries.testing.id,
    now: then,
    changes: { state: 'testing' },
    event: { kind: 'staged' },
  });
  const staging = await store.staging.create({
    repo: name,
    base: 'main',
    baseSha: await mainSha(repo),
    prs: [{ entryId: entries.testing.id, number: testing.number, headSha: testing.headSha }],
    ref: 'sluice/staging/main/1',
    position: 1,
    now: then,
  });
  await store.staging.update({
    id: staging.id,
    now: then,
    changes: { state: 'testing', commitSha: testing.headSha, treeSha: testing.headSha },
  });
  await store.attempts.start({ entryId: entries.testing.id, stagingId: staging.id, now: then });
  // A landed build's branch left behind, the branch main's queue had before batches, and a
  // branch no staging record ever used.
  const main = await mainSha(repo);
  const released = await store.staging.create({
    repo: name,
    base: 'release',
    baseSha: main,
    prs: [{ entryId: entries.merged.id, number: merged.number, headSha: merged.headSha }],
    ref: 'sluice/staging/release/1',
    position: 1,
    now: then,
  });
  await store.staging.update({
    id: released.id,
    now: then,
    changes: { state: 'landed', commitSha: main, treeSha: main },
  });
  await repo.git.createRef('refs/heads/sluice/staging/release/1', main);
  await repo.git.createRef('refs/heads/sluice/staging/main', main);
  await repo.git.createRef('refs/heads/sluice/staging/mystery', main);
  // Journal rows a crash left open: one GitHub shows done, one failed, one nothing can tell,
  // and one from a minute ago that may still be under way.
  const intent = { repo: name, expectedOld: '0'.repeat(40), now: then };
  await store.journal.recordIntent({
    ...intent,
    kind: 'update-ref',
    target: 'refs/heads/main',
    newValue: main,
    idempotencyKey: `${name}:base`,
  });
  await store.journal.recordIntent({
    ...intent,
    kind: 'merge-pr',
    target: `pr#${closed.number}`,
    newValue: null,
    idempotencyKey: `${name}:merge`,
  });
  await store.journal.recordIntent({
    ...intent,
    kind: 'create-comment',
    target: `pr#${merged.number}`,
    newValue: null,
    idempotencyKey: `${name}:comment`,
  });
  await store.journal.recordIntent({
    ...intent,
    kind: 'update-ref',
    target: 'refs/heads/main',
    newValue: main,
    idempotencyKey: `${name}:young`,
    now: new Date(),
  });
  // Seen on two commits: a flake counts once per commit.
  for (const sha of [main, 'f'.repeat(40)])
    await store.flakes.record({
      repo: name,
      job: 'test',
      signature: 'npm/ECONNRESET',
      sha,
      now: then,
    });
  await store.flakes.record({
    repo: name,
    job: 'lint',
    signature: 'runner-lost',
    sha: main,
    now: then,
  });
  return {
    repo,
    name,
    entries,
    staging,
    numbers: {
      closed: closed.number,
      merged: merged.number,
      unlabeled: unlabeled.number,
      pushed: pushed.number,
      lost: lost.number,
      testing: testing.number,
    },
  };
}

async function mainSha(repo: RepoHandle): Promise<string> {
  return (await repo.git.resolveRef('refs/heads/main'))!;
}
