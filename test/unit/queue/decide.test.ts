import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import {
  aCheck,
  aCommand,
  aConfig,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  baseSha,
  now,
} from './builders.js';

const kinds = (effects: { kind: string }[]) => effects.map((e) => e.kind);

describe('decide: requests', () => {
  it('queues a labeled PR requested by someone with write permission', () => {
    const effects = decide(aSnapshot({ pulls: [aPull()], commands: [aCommand()] }));
    expect(kinds(effects)).toEqual(['enqueue']);
  });

  it('refuses a requester below the configured permission and takes the label off', () => {
    const effects = decide(
      aSnapshot({ pulls: [aPull()], commands: [aCommand({ by: 'mallory', permission: 'read' })] }),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'refuse',
        removeLabel: true,
        reason: { kind: 'permission', by: 'mallory', has: 'read', needs: 'write' },
      }),
    ]);
  });

  it('refuses a title that is not a conventional commit when the config requires one', () => {
    const config = aConfig('mergeMessage:\n  requireConventionalTitle: true\n');
    const loose = decide(
      aSnapshot(
        { pulls: [aPull({ title: 'Make widgets faster' })], commands: [aCommand()] },
        config,
      ),
    );
    expect(loose).toEqual([
      expect.objectContaining({
        kind: 'refuse',
        reason: { kind: 'title-grammar', title: 'Make widgets faster' },
      }),
    ]);
    const strict = decide(
      aSnapshot(
        { pulls: [aPull({ title: 'perf(widgets): cache sizes' })], commands: [aCommand()] },
        config,
      ),
    );
    expect(kinds(strict)).toEqual(['enqueue']);
    const revert = decide(
      aSnapshot(
        {
          pulls: [aPull({ title: 'Revert "perf(widgets): cache sizes"' })],
          commands: [aCommand()],
        },
        config,
      ),
    );
    expect(kinds(revert)).toEqual(['enqueue']);
  });

  it('refuses a draft', () => {
    const effects = decide(aSnapshot({ pulls: [aPull({ draft: true })], commands: [aCommand()] }));
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'refuse', reason: { kind: 'draft' } }),
    ]);
  });

  it('honours the configured minimum permission', () => {
    const config = aConfig('queue:\n  minimumPermission: maintain\n');
    const effects = decide(
      aSnapshot({ pulls: [aPull()], commands: [aCommand({ permission: 'write' })] }, config),
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'refuse',
        reason: expect.objectContaining({ needs: 'maintain' }),
      }),
    ]);
  });

  it('refuses a PR blocked by repeated failures at the same head unless retried', () => {
    const pull = aPull();
    const failureStreaks = { 1: { headSha: pull.headSha, count: 3 } };
    const queued = decide(aSnapshot({ pulls: [pull], commands: [aCommand()], failureStreaks }));
    expect(queued).toEqual([
      expect.objectContaining({ kind: 'refuse', reason: { kind: 'blocked', failures: 3 } }),
    ]);
    const retried = decide(
      aSnapshot({ pulls: [pull], commands: [aCommand({ kind: 'retry' })], failureStreaks }),
    );
    expect(kinds(retried)).toEqual(['enqueue']);
  });

  it('drops a duplicate request for a PR already queued', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull()],
        entries: [anEntry()],
        commands: [aCommand()],
        staging: aStaging(),
      }),
    );
    expect(kinds(effects)).toEqual(['drop-command']);
  });

  it('dequeues on `/sluice dequeue` and abandons the staging it was in', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull()],
        entries: [anEntry({ state: 'testing' })],
        staging: aStaging(),
        commands: [aCommand({ kind: 'dequeue' })],
      }),
    );
    expect(kinds(effects)).toEqual(['dequeue', 'drop-command', 'abandon-staging']);
    expect(effects[2]).toEqual(expect.objectContaining({ reason: 'pr-left', deleteBranch: true }));
  });

  it('does nothing at all while the config is broken', () => {
    const snapshot = aSnapshot({ pulls: [aPull()], commands: [aCommand()], entries: [anEntry()] });
    const effects = decide({ ...snapshot, config: { ok: false, errors: [] } });
    expect(effects).toEqual([]);
  });
});

describe('decide: departures', () => {
  it('dequeues an unlabeled PR without touching labels', () => {
    const effects = decide(aSnapshot({ pulls: [aPull({ labels: [] })], entries: [anEntry()] }));
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'unlabeled' },
        removeLabel: false,
      }),
    ]);
  });

  it('dequeues a closed PR', () => {
    const effects = decide(
      aSnapshot({ pulls: [aPull({ state: 'closed' })], entries: [anEntry()] }),
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'dequeue', reason: { kind: 'closed' } }),
    ]);
  });

  it('dequeues a PR whose head moved after queueing (default)', () => {
    const effects = decide(
      aSnapshot({ pulls: [aPull({ headSha: 'f'.repeat(40) })], entries: [anEntry()] }),
    );
    expect(effects[0]).toEqual(
      expect.objectContaining({
        kind: 'dequeue',
        reason: { kind: 'head-moved', from: anEntry().headSha, to: 'f'.repeat(40) },
        removeLabel: true,
      }),
    );
  });

  it('re-tests the new head when configured to', () => {
    const config = aConfig('queue:\n  onPush: retest\n');
    const effects = decide(
      aSnapshot({ pulls: [aPull({ headSha: 'f'.repeat(40) })], entries: [anEntry()] }, config),
    );
    expect(kinds(effects)).toEqual(['retest-new-head', 'build-staging']);
  });

  it('abandons the staging commit of an entry re-pinned to a new head, and stages the new head', () => {
    const config = aConfig('queue:\n  onPush: retest\n');
    const newHead = 'f'.repeat(40);
    const effects = decide(
      aSnapshot(
        {
          pulls: [aPull({ headSha: newHead })],
          entries: [anEntry({ state: 'testing' })],
          staging: aStaging(),
        },
        config,
      ),
    );
    expect(kinds(effects)).toEqual(['retest-new-head', 'abandon-staging', 'build-staging']);
    expect(effects[2]).toEqual(
      expect.objectContaining({ prs: [expect.objectContaining({ headSha: newHead })] }),
    );
  });

  it('does not mistake the landing push of the head to the staging commit for a contributor push', () => {
    const staging = aStaging({ state: 'landing' });
    const effects = decide(
      aSnapshot({
        pulls: [aPull({ headSha: staging.sha })],
        entries: [anEntry({ state: 'landing' })],
        staging,
        stagingChecks: [aCheck()],
      }),
    );
    expect(kinds(effects)).toEqual(['land']);
  });

  it('finishes an entry whose PR GitHub reports merged', () => {
    const effects = decide(
      aSnapshot({ pulls: [aPull({ merged: true, state: 'closed' })], entries: [anEntry()] }),
    );
    expect(kinds(effects)).toEqual(['finish-merged']);
  });
});

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
