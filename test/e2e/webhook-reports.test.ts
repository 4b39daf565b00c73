import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { busyQueue, openPulls } from './support/stagings.js';
import { branchSha, sluiceRun } from './support/pulls.js';

/** The GraphQL queries the app sent from request `from` on, by operation name. */
function queriesSince(s: Scenario, from: number): string[] {
  return s.gh.world.requests
    .filter((r) => r.seq > from && r.path.endsWith('/graphql'))
    .map(
      (r) =>
        /(?:query|mutation)\s+(\w+)/.exec((r.body as { query?: string }).query ?? '')?.[1] ?? '?',
    );
}

describe('queueing a PR by its label', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('reads nothing the label event carried: the PR waits in line without a request for it', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await busyQueue(s);
    const [pr] = await openPulls(s, [{ name: 'one' }]);
    await s.settle();
    const from = s.gh.world.requests.at(-1)!.seq;
    await s.repo.label(pr!.number, 'merge-queue', 'maintainer');
    await s.settle();
    // It is queued, behind the staging under test, and told so…
    expect(sluiceRun(s, pr!.head)?.output.title).toBe('Queued: 2 of 2');
    // …without reading the PR the label event described.
    expect(queriesSince(s, from)).not.toContain('SluiceQueuePulls');
    s.gh.assertClean();
  }, 120_000);

  it('reads the PR when a newer event about it came first', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    await busyQueue(s);
    const [pr] = await openPulls(s, [{ name: 'one' }]);
    await s.settle();
    // The label's event is delivered after the event of a push made a minute later.
    s.gh.deliveries.addChaos({
      event: 'pull_request',
      action: 'labeled',
      effect: { kind: 'hold' },
    });
    s.gh.deliveries.addChaos({
      event: 'pull_request',
      action: 'synchronize',
      effect: { kind: 'hold' },
    });
    await s.repo.label(pr!.number, 'merge-queue', 'maintainer');
    s.gh.world.clock.advance(60_000);
    const newHead = await s.repo.pushToPullRequest(pr!.number, {
      commits: [{ message: 'one more thing', files: { 'src/two.ts': 'export const two = 2;\n' } }],
    });
    expect(s.gh.deliveries.releaseHeld('reverse')).toBe(2);
    await s.settle();
    // Queued at the head it has now, read afresh, not at the one the late event described.
    expect(sluiceRun(s, newHead)?.output.title).toBe('Queued: 2 of 2');
    expect(sluiceRun(s, pr!.head)).toBeUndefined();
    s.gh.assertClean();
  }, 120_000);
});

describe("a staging's CI reporting on its check runs", () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('updates the checks held for the staging: they are not read while CI runs', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    const [pr] = await openPulls(s, [{ name: 'one' }]);
    await s.repo.label(pr!.number, 'merge-queue', 'maintainer');
    await s.settle();
    const staging = (await branchSha(s, 'sluice/staging/main/1'))!;
    const from = s.gh.world.requests.at(-1)!.seq;
    // The jobs start (a runner picks each up), then pass, one after the other.
    await s.repo.finishCi();
    await s.settle();
    expect(await branchSha(s, 'main')).toBe(staging);
    // The landing read the checks of the commit it moved the base to, fresh, with the PR;
    // nothing else asked for them.
    expect(queriesSince(s, from)).not.toContain('SluiceChecksOnCommits');
    expect(queriesSince(s, from)).toContain('SluiceLandingView');
    s.gh.assertClean();
  }, 120_000);
});
