import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import { aCheck, anEntry, aPull, aSnapshot, aStaging, baseSha, now } from './builders.js';

const kinds = (effects: { kind: string }[]) => effects.map((e) => e.kind);

describe('decide: staging', () => {
  const testing = () => ({
    pulls: [aPull()],
    entries: [anEntry({ state: 'testing' as const })],
    staging: aStaging(),
  });

  it('builds the first ready entry in queue order on the current base', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull({ number: 2 }), aPull({ number: 1 })],
        entries: [anEntry({ pr: 2, seq: 5 }), anEntry({ pr: 1, seq: 9 })],
      }),
    );
    expect(effects).toEqual([
      {
        kind: 'build-staging',
        baseSha,
        prs: [{ pr: 2, headSha: anEntry({ pr: 2 }).headSha, entryId: 'entry-2' }],
      },
    ]);
  });

  it('lets an entry waiting for approvals keep its place without holding up the queue', () => {
    const effects = decide(
      aSnapshot({
        requiredApprovals: 1,
        pulls: [aPull({ number: 1 }), aPull({ number: 2, approvals: 1 })],
        entries: [anEntry({ pr: 1 }), anEntry({ pr: 2 })],
      }),
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'build-staging', prs: [expect.objectContaining({ pr: 2 })] }),
    ]);
  });

  it('waits while required checks are running', () => {
    expect(
      decide(
        aSnapshot({
          ...testing(),
          stagingChecks: [aCheck({ state: 'pending', conclusion: null })],
        }),
      ),
    ).toEqual([]);
  });

  it('lands when every required check passed, by fast-forward when the head is writable', () => {
    const effects = decide(aSnapshot({ ...testing(), stagingChecks: [aCheck()] }));
    expect(effects).toEqual([{ kind: 'land', staging: aStaging(), method: 'fast-forward' }]);
  });

  it('lands through the merge API when the head cannot be written (fork without maintainer edits)', () => {
    const effects = decide(
      aSnapshot({
        ...testing(),
        pulls: [aPull({ headWritable: false })],
        stagingChecks: [aCheck()],
      }),
    );
    expect(effects).toEqual([expect.objectContaining({ kind: 'land', method: 'merge-api' })]);
  });

  it('lands a fork head through the merge API even when maintainer edits are allowed', () => {
    const effects = decide(
      aSnapshot({
        ...testing(),
        pulls: [aPull({ headRepo: 'contributor/widgets', headWritable: true })],
        stagingChecks: [aCheck()],
      }),
    );
    expect(effects).toEqual([expect.objectContaining({ kind: 'land', method: 'merge-api' })]);
  });

  it('puts the author’s head back when a half-done landing left it at the staging commit and the base moved on', () => {
    const staging = aStaging({ state: 'landing' });
    const effects = decide(
      aSnapshot({
        ...testing(),
        staging,
        entries: [anEntry({ state: 'landing' })],
        pulls: [aPull({ headSha: staging.sha })],
        baseSha: 'c'.repeat(40),
        stagingChecks: [aCheck()],
      }),
    );
    expect(effects).toEqual([
      {
        kind: 'restore-head',
        stagingId: staging.id,
        pr: 1,
        from: staging.sha,
        to: staging.prs[0]!.headSha,
      },
      expect.objectContaining({ kind: 'abandon-staging', reason: 'base-moved' }),
      expect.objectContaining({ kind: 'build-staging', baseSha: 'c'.repeat(40) }),
    ]);
  });

  it('finishes a half-done landing whose base has not moved: the head at the staging commit is ours', () => {
    const staging = aStaging({ state: 'landing' });
    const effects = decide(
      aSnapshot({
        ...testing(),
        staging,
        entries: [anEntry({ state: 'landing' })],
        pulls: [aPull({ headSha: staging.sha })],
        stagingChecks: [aCheck()],
      }),
    );
    expect(effects).toEqual([{ kind: 'land', staging, method: 'fast-forward' }]);
  });

  it('never lands when a required check is missing, even if others passed', () => {
    const effects = decide(
      aSnapshot({ ...testing(), requiredChecks: ['test', 'lint'], stagingChecks: [aCheck()] }),
    );
    expect(effects).toEqual([]);
  });

  it('never lands a staging nothing tested when no check is required anywhere', () => {
    expect(decide(aSnapshot({ ...testing(), requiredChecks: [], stagingChecks: [] }))).toEqual([]);
  });

  it('rebuilds when the base moved under the staging commit', () => {
    const effects = decide(
      aSnapshot({ ...testing(), baseSha: 'c'.repeat(40), stagingChecks: [aCheck()] }),
    );
    expect(kinds(effects)).toEqual(['abandon-staging', 'build-staging']);
    expect(effects[1]).toEqual(expect.objectContaining({ baseSha: 'c'.repeat(40) }));
  });

  it('asks for a classification of a failing required check before acting on it', () => {
    const effects = decide(
      aSnapshot({ ...testing(), stagingChecks: [aCheck({ conclusion: 'failure' })] }),
    );
    expect(effects).toEqual([
      { kind: 'classify-failures', stagingId: 'staging-1', checks: ['test'] },
    ]);
  });

  it('gives up on a required check that never starts, naming it', () => {
    const stale = aStaging({ createdAt: new Date(now.getTime() - 31 * 60_000) });
    const effects = decide(
      aSnapshot({
        ...testing(),
        staging: stale,
        requiredChecks: ['test', 'e2e'],
        stagingChecks: [aCheck()],
      }),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'check-missing', check: 'e2e', waitedMinutes: 31 },
      }),
    );
    expect(kinds(effects)).toEqual(['dequeue', 'abandon-staging']);
  });

  it('dequeues with the conflicting files when the staging commit could not be built', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull()],
        entries: [anEntry()],
        lastOutcome: {
          kind: 'build-failed',
          pr: 1,
          failure: { kind: 'conflict', files: ['src/a.ts'] },
        },
      }),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'conflict', files: ['src/a.ts'] },
        addLabels: ['sluice:conflict'],
      }),
    ]);
  });

  it('finishes a PR merged through the merge API without abandoning its staging', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull({ merged: true, state: 'closed' })],
        entries: [anEntry({ state: 'landing' })],
        staging: aStaging({ state: 'landing' }),
        baseSha: 'c'.repeat(40),
      }),
    );
    expect(kinds(effects)).toEqual(['finish-merged']);
  });

  it('finishes the entries once the base is the staging commit', () => {
    const staging = aStaging({ state: 'landing' });
    const effects = decide(
      aSnapshot({
        ...testing(),
        staging,
        baseSha: staging.sha,
        pulls: [aPull({ headSha: staging.sha })],
      }),
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'finish-merged', pr: 1, stagingSha: staging.sha }),
    ]);
  });
});
