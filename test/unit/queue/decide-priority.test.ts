import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import { describeQueue } from '../../../src/queue/describe-queue.js';
import { outranks, queueOrder } from '../../../src/queue/queue-order.js';
import {
  aChain,
  aCommand,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  baseSha,
  headOf,
  passing,
  running,
  serialConfig,
} from './builders.js';

/** One PR per staging, one staging at a time: which PR goes next is what these tests are about. */
const serial = serialConfig();
const withLabels = serialConfig({
  queue: { priority: { labels: { high: 'merge-queue:high', low: 'merge-queue:low' } } },
});
const interrupting = serialConfig({ queue: { priority: { interrupt: true } } });

const builtPrs = (effects: ReturnType<typeof decide>): number[][] =>
  effects.flatMap((e) => (e.kind === 'build-staging' ? [e.prs.map((p) => p.pr)] : []));

describe('queueOrder', () => {
  it('puts higher priorities first and keeps the order of queueing within a priority', () => {
    const entries = [
      anEntry({ pr: 1, seq: 1, priority: 'low' }),
      anEntry({ pr: 2, seq: 2 }),
      anEntry({ pr: 3, seq: 3, priority: 'high' }),
      anEntry({ pr: 4, seq: 4 }),
      anEntry({ pr: 5, seq: 5, priority: 'high' }),
    ];
    expect(queueOrder(entries).map((e) => e.pr)).toEqual([3, 5, 2, 4, 1]);
    expect(entries.map((e) => e.pr)).toEqual([1, 2, 3, 4, 5]);
  });

  it('says which priority goes ahead of which', () => {
    expect(outranks('high', 'normal')).toBe(true);
    expect(outranks('normal', 'low')).toBe(true);
    expect(outranks('normal', 'normal')).toBe(false);
    expect(outranks('low', 'high')).toBe(false);
  });
});

describe('decide: priorities', () => {
  it('stages a high-priority entry ahead of normal ones queued before it', () => {
    const snapshot = aSnapshot(
      {
        pulls: [1, 2, 3].map((number) => aPull({ number })),
        entries: [anEntry({ pr: 1 }), anEntry({ pr: 2 }), anEntry({ pr: 3, priority: 'high' })],
      },
      serial,
    );
    expect(builtPrs(decide(snapshot))).toEqual([[3]]);
  });

  it('keeps queue order within a priority, and puts low priority last', () => {
    const snapshot = aSnapshot(
      {
        pulls: [1, 2, 3].map((number) => aPull({ number })),
        entries: [
          anEntry({ pr: 1, priority: 'low' }),
          anEntry({ pr: 2, priority: 'high' }),
          anEntry({ pr: 3, priority: 'high' }),
        ],
      },
      serial,
    );
    expect(builtPrs(decide(snapshot))).toEqual([[2]]);
    expect(describeQueue(snapshot).map((view) => view.pr)).toEqual([2, 3, 1]);
  });

  it('does not interrupt a staging under test by default: the high-priority entry goes next', () => {
    const chained = serialConfig({ queue: { parallel: 2, probes: false } });
    const snapshot = aSnapshot(
      {
        pulls: [1, 2, 3].map((number) => aPull({ number })),
        entries: [
          anEntry({ pr: 1, state: 'testing' }),
          anEntry({ pr: 2 }),
          anEntry({ pr: 3, priority: 'high' }),
        ],
        stagings: [aStaging({ prs: [1], checks: running() })],
      },
      chained,
    );
    const effects = decide(snapshot);
    expect(effects.filter((e) => e.kind === 'abandon-staging')).toEqual([]);
    expect(builtPrs(effects)).toEqual([[3]]);
  });

  it('with `interrupt`, abandons the staging under test and stages the higher priority first', () => {
    const chain = aChain([{ prs: [1], checks: running() }]);
    const snapshot = aSnapshot(
      {
        pulls: [1, 2].map((number) => aPull({ number })),
        entries: [anEntry({ pr: 1, state: 'testing' }), anEntry({ pr: 2, priority: 'high' })],
        stagings: chain,
      },
      interrupting,
    );
    const effects = decide(snapshot);
    expect(effects).toEqual([
      {
        kind: 'abandon-staging',
        stagingId: 'staging-1',
        reason: 'priority',
        deleteBranch: false,
      },
      expect.objectContaining({
        kind: 'build-staging',
        baseSha,
        prs: [expect.objectContaining({ pr: 2 })],
      }),
    ]);
  });

  it('with `interrupt`, abandons the stagings built on the interrupted one, and keeps those ahead', () => {
    const chained = serialConfig({
      queue: { parallel: 3, probes: false, priority: { interrupt: true } },
    });
    const chain = aChain([
      { prs: [1], checks: running() },
      { prs: [2], checks: running() },
      { prs: [3], checks: running() },
    ]);
    const snapshot = aSnapshot(
      {
        pulls: [1, 2, 3, 4].map((number) => aPull({ number })),
        entries: [
          anEntry({ pr: 1, state: 'testing', priority: 'high' }),
          anEntry({ pr: 2, state: 'testing' }),
          anEntry({ pr: 3, state: 'testing' }),
          anEntry({ pr: 4, priority: 'high' }),
        ],
        stagings: chain,
      },
      chained,
    );
    const effects = decide(snapshot);
    expect(effects.filter((e) => e.kind === 'abandon-staging')).toEqual([
      expect.objectContaining({ stagingId: 'staging-2', reason: 'priority' }),
      expect.objectContaining({ stagingId: 'staging-3', reason: 'ahead-failed' }),
    ]);
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'build-staging',
        baseSha: chain[0]!.sha,
        prs: [expect.objectContaining({ pr: 4 })],
      }),
    );
  });

  it('with `interrupt`, a higher priority that cannot be staged yet interrupts nothing', () => {
    const snapshot = aSnapshot(
      {
        requiredApprovals: 1,
        pulls: [aPull({ number: 1, approvals: 1 }), aPull({ number: 2, approvals: 0 })],
        entries: [anEntry({ pr: 1, state: 'testing' }), anEntry({ pr: 2, priority: 'high' })],
        stagings: [aStaging({ prs: [1], checks: running() })],
      },
      interrupting,
    );
    expect(decide(snapshot)).toEqual([]);
  });

  it('with `interrupt`, a staging whose checks passed lands rather than making way', () => {
    const snapshot = aSnapshot(
      {
        pulls: [1, 2].map((number) => aPull({ number })),
        entries: [anEntry({ pr: 1, state: 'testing' }), anEntry({ pr: 2, priority: 'high' })],
        stagings: [aStaging({ prs: [1], checks: passing() })],
      },
      interrupting,
    );
    expect(decide(snapshot).map((e) => e.kind)).toEqual(['land']);
  });
});

describe('decide: `/sluice queue --priority`', () => {
  it('queues at the priority asked for', () => {
    const snapshot = aSnapshot(
      { pulls: [aPull()], commands: [aCommand({ priority: 'high', source: 'comment' })] },
      serial,
    );
    expect(decide(snapshot)).toEqual([
      {
        kind: 'enqueue',
        pr: 1,
        headSha: headOf(1),
        by: 'maintainer',
        commandId: 'cmd-1',
        priority: 'high',
        priorityLabel: null,
      },
    ]);
  });

  it('changes the priority of a queued PR, naming who asked', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull()],
        entries: [anEntry()],
        commands: [aCommand({ priority: 'low', by: 'carol' })],
      },
      serial,
    );
    expect(decide(snapshot)[0]).toEqual({
      kind: 'set-priority',
      entryId: 'entry-1',
      pr: 1,
      headSha: headOf(1),
      from: 'normal',
      to: 'low',
      priorityLabel: null,
      cause: { kind: 'command', by: 'carol', commandId: 'cmd-1' },
    });
  });

  it('drops a request for the priority the PR already has, or with no priority at all', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull({ number: 1 }), aPull({ number: 2 })],
        entries: [anEntry({ pr: 1, priority: 'high' }), anEntry({ pr: 2 })],
        commands: [aCommand({ pr: 1, priority: 'high' }), aCommand({ pr: 2, id: 'cmd-2' })],
      },
      serial,
    );
    expect(decide(snapshot).filter((e) => e.kind !== 'build-staging')).toEqual([
      { kind: 'drop-command', commandId: 'cmd-1' },
      { kind: 'drop-command', commandId: 'cmd-2' },
    ]);
  });

  it('refuses a priority change from someone below the minimum permission, keeping the label', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull()],
        entries: [anEntry({ state: 'testing' })],
        stagings: [aStaging({ checks: running() })],
        commands: [aCommand({ priority: 'high', by: 'reader', permission: 'read' })],
      },
      serial,
    );
    expect(decide(snapshot)).toEqual([
      {
        kind: 'refuse',
        pr: 1,
        headSha: headOf(1),
        commandId: 'cmd-1',
        reason: { kind: 'priority-permission', by: 'reader', has: 'read', needs: 'write' },
        removeLabel: false,
      },
    ]);
  });
});

describe('decide: priority labels', () => {
  it('queues at the priority of the label on the PR, seeing the label', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull({ labels: ['merge-queue', 'Merge-Queue:High'] })],
        commands: [aCommand()],
      },
      withLabels,
    );
    expect(decide(snapshot)).toEqual([
      expect.objectContaining({
        kind: 'enqueue',
        priority: 'high',
        priorityLabel: 'merge-queue:high',
      }),
    ]);
  });

  it('lets a command say otherwise than the label when the PR is queued', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull({ labels: ['merge-queue', 'merge-queue:high'] })],
        commands: [aCommand({ priority: 'low' })],
      },
      withLabels,
    );
    expect(decide(snapshot)).toEqual([
      expect.objectContaining({
        kind: 'enqueue',
        priority: 'low',
        priorityLabel: 'merge-queue:high',
      }),
    ]);
  });

  it('sets the priority when a label is added to a queued PR, and stages it first', () => {
    const snapshot = aSnapshot(
      {
        pulls: [
          aPull({ number: 1 }),
          aPull({ number: 2, labels: ['merge-queue', 'merge-queue:high'] }),
        ],
        entries: [anEntry({ pr: 1 }), anEntry({ pr: 2 })],
      },
      withLabels,
    );
    const effects = decide(snapshot);
    expect(effects[0]).toEqual({
      kind: 'set-priority',
      entryId: 'entry-2',
      pr: 2,
      headSha: headOf(2),
      from: 'normal',
      to: 'high',
      priorityLabel: 'merge-queue:high',
      cause: { kind: 'label', label: 'merge-queue:high' },
    });
    expect(builtPrs(effects)).toEqual([[2]]);
  });

  it('goes back to normal when the label it saw is removed', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull()],
        entries: [anEntry({ priority: 'low', priorityLabel: 'merge-queue:low', state: 'testing' })],
        stagings: [aStaging({ checks: running() })],
      },
      withLabels,
    );
    expect(decide(snapshot)).toEqual([
      expect.objectContaining({
        kind: 'set-priority',
        from: 'low',
        to: 'normal',
        priorityLabel: null,
        cause: { kind: 'label-removed', label: 'merge-queue:low' },
      }),
    ]);
  });

  it('leaves alone a priority a command set after the label was seen', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull({ labels: ['merge-queue', 'merge-queue:high'] })],
        entries: [
          anEntry({ priority: 'low', priorityLabel: 'merge-queue:high', state: 'testing' }),
        ],
        stagings: [aStaging({ checks: running() })],
      },
      withLabels,
    );
    expect(decide(snapshot)).toEqual([]);
  });

  it('reads no priority labels unless they are configured', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull({ labels: ['merge-queue', 'merge-queue:high'] })],
        entries: [anEntry({ state: 'testing' })],
        stagings: [aStaging({ checks: running() })],
      },
      serial,
    );
    expect(decide(snapshot)).toEqual([]);
  });
});
