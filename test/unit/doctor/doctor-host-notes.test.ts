import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { anHourAgo, DoctorWorld } from './support/doctor-world.js';

/** What doctor says that is not wrong but an operator should know about a repository. */
const notesOf = (stdout: string) =>
  (JSON.parse(stdout) as { repos: { notes: string[] }[] }).repos[0]?.notes ?? [];

let world: DoctorWorld;
beforeAll(async () => {
  world = await DoctorWorld.start();
});
afterAll(() => world.close());
beforeEach(() => world.openStore());
afterEach(async () => {
  await world.closeStore();
  world.gh.assertClean();
});

describe('sluice doctor: how PRs land here and what is still to be told', () => {
  it('says when this GitHub lacks updateRefs and PRs land in two steps, and only then', async () => {
    const repo = await world.repo();
    const atomic = notesOf((await world.doctor(['--json', '--repo', repo.fullName])).stdout);
    expect(atomic.join('\n')).not.toMatch(/updateRefs/);
    world.gh.setUpdateRefsAvailable(false);
    try {
      const run = await world.doctor(['--json', '--repo', repo.fullName]);
      expect(notesOf(run.stdout).join('\n')).toMatch(
        /no updateRefs mutation \(GHES before 3\.16\): PRs land in two steps/,
      );
    } finally {
      world.gh.setUpdateRefsAvailable(true);
    }
  });

  it('counts the outcomes decided but not yet told on GitHub', async () => {
    const repo = await world.repo();
    const pull = await world.openPull(repo, 'untold');
    await world.store.outbox.record(
      [
        {
          repo: repo.fullName,
          base: 'main',
          number: pull.number,
          headSha: pull.headSha,
          kind: 'comment',
          payload: { body: 'Landed' },
          cause: 'entry 1 merged',
          entryId: null,
          dedupeKey: `untold-${repo.fullName}`,
        },
      ],
      anHourAgo(),
    );
    const run = await world.doctor(['--json', '--repo', repo.fullName]);
    expect(notesOf(run.stdout)).toContain(
      '1 outcome decided but not yet told on GitHub (comments, labels, check runs); the app delivers them on its next pass.',
    );
  });
});
