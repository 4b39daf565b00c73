import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import {
  aCheck,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  baseSha,
  failingCheck,
  kinds,
  now,
  passing,
  running,
  serialConfig,
} from './builders.js';

/** One PR per staging, one staging at a time: what these tests assert does not depend on sizing. */
const serial = serialConfig();

describe('decide: staging', () => {
  const testing = (checks = running()) => ({
    pulls: [aPull()],
    entries: [anEntry({ state: 'testing' as const })],
    stagings: [aStaging({ checks })],
  });

  it('builds the first ready entry in queue order on the current base, at the front of the line', () => {
    const effects = decide(
      aSnapshot(
        {
          pulls: [aPull({ number: 2 }), aPull({ number: 1 })],
          entries: [anEntry({ pr: 2, seq: 5 }), anEntry({ pr: 1, seq: 9 })],
        },
        serial,
      ),
    );
    expect(effects).toEqual([
      {
        kind: 'build-staging',
        baseSha,
        aheadId: null,
        position: 1,
        probe: false,
        prs: [{ pr: 2, headSha: anEntry({ pr: 2 }).headSha, entryId: 'entry-2' }],
      },
    ]);
  });

  it('lets an entry waiting for approvals keep its place without holding up the queue', () => {
    const effects = decide(
      aSnapshot(
        {
          requiredApprovals: 1,
          pulls: [aPull({ number: 1 }), aPull({ number: 2, approvals: 1 })],
          entries: [anEntry({ pr: 1 }), anEntry({ pr: 2 })],
        },
        serial,
      ),
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'build-staging', prs: [expect.objectContaining({ pr: 2 })] }),
    ]);
  });

  it('waits while required checks are running', () => {
    expect(decide(aSnapshot(testing(), serial))).toEqual([]);
  });

  it('lands when every required check passed, by fast-forward when the head is writable', () => {
    const snapshot = aSnapshot(testing(passing()), serial);
    expect(decide(snapshot)).toEqual([
      { kind: 'land', stagings: snapshot.stagings, method: 'fast-forward' },
    ]);
  });

  it('lands through the merge API when the head cannot be written (fork without maintainer edits)', () => {
    const effects = decide(
      aSnapshot({ ...testing(passing()), pulls: [aPull({ headWritable: false })] }, serial),
    );
    expect(effects).toEqual([expect.objectContaining({ kind: 'land', method: 'merge-api' })]);
  });

  it('lands a fork head through the merge API even when maintainer edits are allowed', () => {
    const effects = decide(
      aSnapshot(
        {
          ...testing(passing()),
          pulls: [aPull({ headRepo: 'contributor/widgets', headWritable: true })],
        },
        serial,
      ),
    );
    expect(effects).toEqual([expect.objectContaining({ kind: 'land', method: 'merge-api' })]);
  });

  it('puts the author’s head back when a half-done landing left it at its squash commit and the base moved on', () => {
    const staging = aStaging({ state: 'landing', checks: passing() });
    const squash = staging.prs[0]!.commitSha;
    const effects = decide(
      aSnapshot(
        {
          stagings: [staging],
          entries: [anEntry({ state: 'landing' })],
          pulls: [aPull({ headSha: squash })],
          baseSha: 'c'.repeat(40),
        },
        serial,
      ),
    );
    expect(effects).toEqual([
      {
        kind: 'restore-head',
        stagingId: staging.id,
        pr: 1,
        from: squash,
        to: staging.prs[0]!.headSha,
      },
      expect.objectContaining({ kind: 'abandon-staging', reason: 'base-moved' }),
      expect.objectContaining({ kind: 'build-staging', baseSha: 'c'.repeat(40) }),
    ]);
  });

  it('finishes a half-done landing whose base has not moved: the head at its squash commit is ours', () => {
    const staging = aStaging({ state: 'landing', checks: passing() });
    const effects = decide(
      aSnapshot(
        {
          stagings: [staging],
          entries: [anEntry({ state: 'landing' })],
          pulls: [aPull({ headSha: staging.prs[0]!.commitSha })],
        },
        serial,
      ),
    );
    expect(effects).toEqual([{ kind: 'land', stagings: [staging], method: 'fast-forward' }]);
  });

  it('never lands when a required check is missing, even if others passed', () => {
    const effects = decide(
      aSnapshot({ ...testing(passing()), requiredChecks: ['test', 'lint'] }, serial),
    );
    expect(effects).toEqual([]);
  });

  it('never lands a staging nothing tested when no check is required anywhere', () => {
    expect(decide(aSnapshot({ ...testing([]), requiredChecks: [] }, serial))).toEqual([]);
  });

  it('rebuilds when the base moved under the staging commit', () => {
    const effects = decide(aSnapshot({ ...testing(passing()), baseSha: 'c'.repeat(40) }, serial));
    expect(kinds(effects)).toEqual(['abandon-staging', 'build-staging']);
    expect(effects[0]).toEqual(expect.objectContaining({ reason: 'base-moved' }));
    expect(effects[1]).toEqual(expect.objectContaining({ baseSha: 'c'.repeat(40) }));
  });

  it('asks for a classification of a failing required check before acting on it', () => {
    const effects = decide(aSnapshot(testing(failingCheck()), serial));
    expect(effects).toEqual([
      { kind: 'classify-failures', stagingId: 'staging-1', checks: ['test'] },
    ]);
  });

  it('gives up on a required check that never starts, naming it', () => {
    const stale = aStaging({
      createdAt: new Date(now.getTime() - 31 * 60_000),
      checks: [aCheck()],
    });
    const effects = decide(
      aSnapshot({ ...testing(), stagings: [stale], requiredChecks: ['test', 'e2e'] }, serial),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'check-missing', check: 'e2e', waitedMinutes: 31 },
      }),
    );
    expect(kinds(effects)).toEqual(['dequeue', 'abandon-staging']);
  });

  it('dequeues with the conflicting files when its squash conflicts with the base alone', () => {
    const effects = decide(
      aSnapshot(
        {
          pulls: [aPull()],
          entries: [anEntry()],
          buildFailures: {
            1: { pr: 1, failure: { kind: 'conflict', files: ['src/a.ts'] }, onTopOf: [] },
          },
        },
        serial,
      ),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'conflict', files: ['src/a.ts'] },
        addLabels: ['sluice:conflict'],
      }),
    ]);
  });

  // The merge API writes a commit of GitHub's own: the staging is done (the finish records it
  // landed), not abandoned, and nothing is built until the new base has been seen.
  it('finishes a PR merged through the merge API; its staging is done, not abandoned, and nothing is built on the unseen base', () => {
    const effects = decide(
      aSnapshot(
        {
          pulls: [aPull({ merged: true, state: 'closed' })],
          entries: [anEntry({ state: 'landing' })],
          stagings: [aStaging({ state: 'landing', checks: passing() })],
          baseSha: 'c'.repeat(40),
        },
        serial,
      ),
    );
    expect(effects).toEqual([expect.objectContaining({ kind: 'finish-merged', pr: 1 })]);
  });

  it('finishes a PR GitHub reports merged while it was staged, and does not land its staging', () => {
    const effects = decide(
      aSnapshot(
        {
          pulls: [aPull({ merged: true, state: 'closed' })],
          entries: [anEntry({ state: 'testing' })],
          stagings: [aStaging({ checks: passing() })],
        },
        serial,
      ),
    );
    expect(kinds(effects)).toEqual(['finish-merged']);
  });

  it('finishes the entries once the base is the staging commit', () => {
    const staging = aStaging({ state: 'landing', checks: passing() });
    const effects = decide(
      aSnapshot(
        {
          ...testing(),
          stagings: [staging],
          baseSha: staging.sha,
          pulls: [aPull({ headSha: staging.sha })],
        },
        serial,
      ),
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'finish-merged', pr: 1, stagingSha: staging.sha }),
    ]);
  });
});
