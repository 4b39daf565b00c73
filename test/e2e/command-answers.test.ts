import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { openPull } from './support/pulls.js';
import { createStore } from '../../src/store/create-store.js';
import { openStoreDatabase } from '../../src/store/open-store-database.js';

const fromSluice = (s: Scenario, number: number) =>
  s.repo.comments(number).filter((c) => c.body.includes('<!-- sluice:outcome'));

/**
 * SIGKILLs the app the moment the stand-in logs its first request to `operation` (before the
 * answer leaves): a crash between sending and knowing it was sent.
 */
function killOnFirst(s: Scenario, operation: string): Promise<void> {
  const requests = s.gh.world.requests as { operationId: string | null }[];
  const push = requests.push.bind(requests);
  let armed = true;
  return new Promise<void>((resolve) => {
    requests.push = (...items) => {
      const length = push(...items);
      if (armed && items.some((r) => r.operationId === operation)) {
        armed = false;
        void s.app.kill().then(resolve);
      }
      return length;
    };
  });
}

describe('answers to `/sluice help` and to commands Sluice does not know', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('answers `/sluice help` to anyone, once, though the app dies while posting the answer', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    const killed = killOnFirst(s, 'issues/create-comment');
    s.repo.comment(pr.number, 'How does this work?\n/sluice help', 'reader');
    await killed;
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();

    await s.app.start();
    await s.settle();
    const answers = fromSluice(s, pr.number);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toContain('**Sluice commands.**');
    expect(answers[0]!.body).toContain(
      '| `/sluice dequeue` | Takes it out of the queue, as removing the `merge-queue` label or pressing **Dequeue** does. | People with write permission or higher, and its author |',
    );
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    // One line in the queue's history, though the comment was handled twice.
    const database = await openStoreDatabase({ sqlitePath: s.databaseUrl }, { readOnly: true });
    try {
      const events = await createStore(database).queueEvents.list({
        repo: s.repo.fullName,
        base: 'main',
        limit: 10,
      });
      expect(events.map((e) => [e.kind, e.actor, e.detail])).toEqual([
        ['help', 'reader', { number: pr.number, commentId: expect.any(Number) }],
      ]);
    } finally {
      await database.close();
    }
    s.gh.assertClean({ allow: ['webhook-failed'] });
  });

  it('answers a mistyped command with the closest one, and leaves mentions in prose alone', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
    s.repo.comment(pr.number, 'I would type /sluice qeue here, but not yet.', 'maintainer');
    s.repo.comment(pr.number, '> /sluice qeue\nThat is not how you spell it.', 'maintainer');
    await s.settle();
    expect(fromSluice(s, pr.number)).toEqual([]);

    s.repo.comment(pr.number, '/sluice qeue', 'maintainer');
    await s.settle();
    const [answer, ...more] = fromSluice(s, pr.number);
    expect(more).toEqual([]);
    expect(answer?.body).toContain('`/sluice qeue` is not a Sluice command.');
    expect(answer?.body).toContain('Did you mean `/sluice queue`?');
    expect(answer?.body).toContain('Comment `/sluice help`');
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');

    s.repo.comment(pr.number, '/sluice queue', 'maintainer');
    await s.settle();
    expect(s.repo.labels(pr.number)).toContain('merge-queue');
    expect(fromSluice(s, pr.number)).toHaveLength(1);
    s.gh.assertClean();
  });
});
