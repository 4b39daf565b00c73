import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import {
  aCommand,
  aConfig,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  kinds,
  passing,
  serialConfig,
} from './builders.js';

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
        stagings: [aStaging()],
      }),
    );
    expect(kinds(effects)).toEqual(['drop-command']);
  });

  // Staging branches are one per place in line now, force-pushed by the next staging there:
  // no abandon deletes its branch any more.
  it('dequeues on `/sluice dequeue` and abandons the staging it was in (keeping its branch, reused by the next staging at that place)', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull()],
        entries: [anEntry({ state: 'testing' })],
        stagings: [aStaging()],
        commands: [aCommand({ kind: 'dequeue' })],
      }),
    );
    expect(kinds(effects)).toEqual(['dequeue', 'drop-command', 'abandon-staging']);
    expect(effects[2]).toEqual(
      expect.objectContaining({ stagingId: 'staging-1', reason: 'pr-left', deleteBranch: false }),
    );
  });

  it('never lands a staging whose PR `/sluice dequeue` just took out of the queue', () => {
    const effects = decide(
      aSnapshot({
        pulls: [aPull()],
        entries: [anEntry({ state: 'testing' })],
        stagings: [aStaging({ checks: passing() })],
        commands: [aCommand({ kind: 'dequeue' })],
      }),
    );
    expect(kinds(effects)).not.toContain('land');
  });

  it('never lands a staging holding a PR that is no longer queued (dequeued by an earlier decision)', () => {
    const effects = decide(
      aSnapshot({ pulls: [aPull()], entries: [], stagings: [aStaging({ checks: passing() })] }),
    );
    expect(kinds(effects)).not.toContain('land');
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
    const config = serialConfig({ queue: { onPush: 'retest' } });
    const effects = decide(
      aSnapshot({ pulls: [aPull({ headSha: 'f'.repeat(40) })], entries: [anEntry()] }, config),
    );
    expect(kinds(effects)).toEqual(['retest-new-head', 'build-staging']);
  });

  // The abandon now comes first: nothing built on the old head may be landed by a later rule.
  it('abandons the staging of an entry re-pinned to a new head before re-pinning it, and stages the new head', () => {
    const config = serialConfig({ queue: { onPush: 'retest' } });
    const newHead = 'f'.repeat(40);
    const effects = decide(
      aSnapshot(
        {
          pulls: [aPull({ headSha: newHead })],
          entries: [anEntry({ state: 'testing' })],
          stagings: [aStaging()],
        },
        config,
      ),
    );
    expect(kinds(effects)).toEqual(['abandon-staging', 'retest-new-head', 'build-staging']);
    expect(effects[0]).toEqual(
      expect.objectContaining({ stagingId: 'staging-1', reason: 'pr-left' }),
    );
    expect(effects[2]).toEqual(
      expect.objectContaining({ prs: [expect.objectContaining({ headSha: newHead })] }),
    );
  });

  it('does not mistake the landing push of the head to the staging commit for a contributor push', () => {
    const staging = aStaging({ state: 'landing', checks: passing() });
    const effects = decide(
      aSnapshot({
        pulls: [aPull({ headSha: staging.prs[0]!.commitSha })],
        entries: [anEntry({ state: 'landing' })],
        stagings: [staging],
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
