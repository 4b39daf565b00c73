import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { openPull } from './support/pulls.js';

// The landed comment is opt-in: on here, so that it is seen posted once whatever happens.
const config = [
  'checks:',
  '  required: [build, test]',
  'labels:',
  '  merged: sluice:merged',
  'landing:',
  '  comment: true',
  '',
].join('\n');

async function queuedPull(s: Scenario): Promise<{ number: number; head: string }> {
  const pr = await openPull(s, { files: { 'src/a.ts': 'export const a = 1;\n' } });
  await s.repo.label(pr.number, 'merge-queue', 'maintainer');
  await s.settle();
  return pr;
}

const landedComments = (s: Scenario, number: number) =>
  s.repo.comments(number).filter((c) => c.body.startsWith('Landed as'));

const sluiceRuns = (s: Scenario, head: string) =>
  s.repo.checkRuns(head).filter((c) => c.name === 'Sluice');

/**
 * SIGKILLs the app the moment the stand-in logs its first request to `operation` (before the
 * answer leaves): the "crash between deciding and telling" that nothing else can time.
 */
function killOnFirst(s: Scenario, operation: string): { killed: Promise<void> } {
  const requests = s.gh.world.requests as { operationId: string | null }[];
  const push = requests.push.bind(requests);
  let resolveKilled: () => void = () => undefined;
  const killed = new Promise<void>((r) => (resolveKilled = r));
  let armed = true;
  requests.push = (...items) => {
    const length = push(...items);
    if (armed && items.some((r) => r.operationId === operation)) {
      armed = false;
      void s.app.kill().then(resolveKilled);
    }
    return length;
  };
  return { killed };
}

describe('what Sluice tells people survives 5xx answers and crashes', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('GitHub answers 502 after posting the "landed" comment: the PR still gets one comment, not two', async () => {
    s = await startScenario({ ci: stagingCi(), config });
    const pr = await queuedPull(s);
    s.gh.faults.add({ op: 'issues/create-comment', when: 'after', status: 502, times: 1 });
    await s.repo.finishCi();
    await s.settle();

    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(landedComments(s, pr.number)).toHaveLength(1);
    s.gh.assertClean();
  });

  it('GitHub answers 502 after creating the Sluice check run: one check run, found again and completed', async () => {
    s = await startScenario({ ci: stagingCi(), config });
    // Check runs are written through GraphQL, many to a request; this one creates one.
    const create = 'graphql-mutation/createCheckRun';
    s.gh.faults.add({ op: create, when: 'after', status: 502, times: 1 });
    const pr = await queuedPull(s);
    await s.repo.finishCi();
    await s.settle();

    const faulted = s.gh.world.requests.filter((r) => r.operationId === create && r.faulted);
    expect(faulted).toHaveLength(1);

    expect(s.repo.pull(pr.number).merged).toBe(true);
    const runs = sluiceRuns(s, pr.head);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    s.gh.assertClean();
  });

  it('the app is killed right after landing, before telling anyone: restarted, it tells exactly once', async () => {
    s = await startScenario({ ci: stagingCi(), config });
    const pr = await queuedPull(s);
    // The first thing said after landing is taking the queue label off (through GraphQL, by
    // the ids the label's webhook told); it never arrives.
    const removal = 'graphql-mutation/removeLabelsFromLabelable';
    s.gh.faults.add({ op: removal, status: 502, times: 1 });
    const { killed } = killOnFirst(s, removal);
    await s.repo.finishCi();
    await killed;
    expect(s.repo.pull(pr.number).merged).toBe(true);
    expect(s.repo.labels(pr.number)).toContain('merge-queue');
    await s.gh.deliveries.idle.wait();
    s.gh.deliveries.expectFailuresSoFar();

    await s.app.start();
    await s.settle();
    expect(landedComments(s, pr.number)).toHaveLength(1);
    expect(s.repo.labels(pr.number)).toContain('sluice:merged');
    expect(s.repo.labels(pr.number)).not.toContain('merge-queue');
    const runs = sluiceRuns(s, pr.head);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    s.gh.assertClean({ allow: ['webhook-failed'] });
  });
});
