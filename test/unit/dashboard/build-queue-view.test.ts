import { describe, expect, it } from '@jest/globals';
import { buildQueueView } from '../../../src/dashboard/build-queue-view.js';
import {
  aCheckRunRow,
  aFlake,
  ago,
  anEndedStaging,
  anEntry,
  anInput,
  aPause,
  aStaging,
  headOf,
  minutes,
  now,
  shaOf,
} from './builders.js';

describe('buildQueueView: the entries', () => {
  it('lines entries up as the core does: higher priority first, then queueing order', () => {
    const view = buildQueueView(
      anInput({
        active: [
          anEntry({ number: 1, sequence: 1, priority: 'low' }),
          anEntry({ number: 2, sequence: 2 }),
          anEntry({ number: 3, sequence: 3, priority: 'high' }),
          anEntry({ number: 4, sequence: 4 }),
        ],
      }),
    );
    expect(view.entries.map((e) => [e.position, e.number, e.priority])).toEqual([
      [1, 3, 'high'],
      [2, 2, 'normal'],
      [3, 4, 'normal'],
      [4, 1, 'low'],
    ]);
  });

  it('gives each staged entry its staging’s place in the chain and the PRs batched with it', () => {
    const view = buildQueueView(
      anInput({
        active: [1, 2, 3, 4, 5].map((number) => anEntry({ number, state: 'testing' })),
        stagings: [aStaging(7, [1]), aStaging(8, [2, 3]), aStaging(9, [5], { probe: true })],
      }),
    );
    const stagingOf = (n: number) => view.entries.find((e) => e.number === n)!.staging;
    expect(stagingOf(1)).toEqual({
      id: 7,
      position: 1,
      of: 2,
      prs: [],
      sha: shaOf(7),
      probe: false,
    });
    expect(stagingOf(3)).toMatchObject({ id: 8, position: 2, of: 2, prs: [2] });
    expect(stagingOf(4)).toBeNull();
    expect(stagingOf(5)).toMatchObject({ id: 9, position: 1, probe: true });
  });

  it('prefers the chain over a probe when a PR is in both', () => {
    const view = buildQueueView(
      anInput({
        active: [anEntry({ number: 1 })],
        stagings: [aStaging(3, [1], { probe: true }), aStaging(4, [1])],
      }),
    );
    expect(view.entries[0]!.staging).toMatchObject({ id: 4, probe: false });
  });

  it('says what an entry waits on from the title of its newest check run, and since when', () => {
    const view = buildQueueView(
      anInput({
        active: [anEntry({ number: 1 }), anEntry({ number: 2 }), anEntry({ number: 3 })],
        checkRuns: [
          aCheckRunRow(1, 'Waiting: 2nd in line', { createdAt: ago(minutes(30)) }),
          aCheckRunRow(1, 'Testing in staging 1 of 1', { createdAt: ago(minutes(4)) }),
          // An older head's run says nothing about the queued head.
          aCheckRunRow(2, 'Testing', { headSha: 'f'.repeat(40) }),
          aCheckRunRow(3, 'x', { payload: { render: 'not an object' } }),
        ],
      }),
    );
    expect(view.entries.map((e) => e.waitingOn)).toEqual([
      { text: 'Testing in staging 1 of 1', since: ago(minutes(4)) },
      null,
      null,
    ]);
  });

  it('takes titles from the map when the replica knows them', () => {
    const view = buildQueueView(
      anInput({
        active: [anEntry({ number: 1 }), anEntry({ number: 2 })],
        titles: new Map([[1, 'feat: pagination']]),
      }),
    );
    expect(view.entries.map((e) => e.title)).toEqual(['feat: pagination', null]);
  });
});

describe('buildQueueView: estimates', () => {
  const history = [20, 30, 40].map((took, i) => anEndedStaging(100 + i, minutes(took)));

  it('takes the median CI time of stagings that ran their checks to the end', () => {
    const view = buildQueueView(
      anInput({
        endedStagings: [
          ...history,
          // Cut short or never tested: not a CI duration.
          { ...anEndedStaging(200, minutes(1)), state: 'abandoned' },
          { ...anEndedStaging(201, minutes(2)), state: 'rejected' },
        ],
      }),
    );
    expect(view.medianStagingMinutes).toBe(30);
  });

  it('has no estimate at all without history', () => {
    const view = buildQueueView(
      anInput({ active: [anEntry({ number: 1 })], stagings: [aStaging(1, [1])] }),
    );
    expect(view.medianStagingMinutes).toBeNull();
    expect(view.entries[0]!.eta).toBeNull();
  });

  it('lands a staged entry when its staging’s CI ends, and later entries no earlier', () => {
    const view = buildQueueView(
      anInput({
        active: [1, 2, 3, 4, 5, 6, 7].map((number) => anEntry({ number })),
        stagings: [
          aStaging(1, [1, 2], { age: minutes(10) }),
          aStaging(2, [3], { age: minutes(25) }),
        ],
        endedStagings: history,
      }),
    );
    const etas = view.entries.map((e) => e.eta!.getTime());
    expect(etas[0]).toBe(now.getTime() + minutes(20));
    // The second staging's CI ends sooner, but it cannot land before the one ahead of it.
    expect(etas[2]).toBe(etas[0]);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    // Waiting entries follow in rounds of one median, as many per round as the chain holds.
    expect(etas[3]).toBe(etas[2]! + minutes(30));
    expect(etas[6]).toBe(etas[2]! + minutes(60));
  });

  it('gives a blocked entry no estimate: it waits for a person to retry it', () => {
    const view = buildQueueView(
      anInput({
        active: [anEntry({ number: 1, state: 'blocked' }), anEntry({ number: 2 })],
        endedStagings: history,
      }),
    );
    expect(view.entries.map((e) => e.eta)).toEqual([null, new Date(now.getTime() + minutes(30))]);
  });

  it('expects a staging that passed or is landing any moment now', () => {
    const view = buildQueueView(
      anInput({
        active: [anEntry({ number: 1 })],
        stagings: [aStaging(1, [1], { state: 'passed', age: minutes(1) })],
        endedStagings: history,
      }),
    );
    expect(view.entries[0]!.eta).toEqual(now);
  });
});

describe('buildQueueView: pause', () => {
  it('shows an operator’s pause with who and since when', () => {
    const view = buildQueueView(anInput({ pause: aPause() }));
    expect(view.paused).toEqual({
      reason: 'incident',
      by: { kind: 'operator', login: 'dave' },
      since: ago(minutes(30)),
    });
  });

  it('shows the config’s freeze over an operator’s pause', () => {
    const view = buildQueueView(anInput({ pause: aPause(), configFreeze: 'release week' }));
    expect(view.paused).toEqual({ reason: 'release week', by: { kind: 'config' }, since: null });
  });

  it('gives no landing estimate while paused: nothing lands until someone resumes', () => {
    const history = [20, 30, 40].map((took, i) => anEndedStaging(100 + i, minutes(took)));
    const view = buildQueueView(
      anInput({
        active: [anEntry({ number: 1 })],
        stagings: [aStaging(1, [1], { state: 'passed', age: minutes(1) })],
        endedStagings: history,
        pause: aPause(),
      }),
    );
    expect(view.entries[0]!.eta).toBeNull();
    expect(view.medianStagingMinutes).not.toBeNull();
  });

  it('is not paused without either', () => {
    expect(buildQueueView(anInput()).paused).toBeNull();
  });
});

describe('buildQueueView: flakes', () => {
  it('lists the most frequent flakes first, then the most recent', () => {
    const view = buildQueueView(
      anInput({
        flakes: [
          aFlake({ signature: 'a', count: 1 }),
          aFlake({ signature: 'b', count: 5 }),
          aFlake({ signature: 'c', count: 1, lastSeenAt: ago(minutes(1)) }),
        ],
      }),
    );
    expect(view.flakes.map((f) => f.signature)).toEqual(['b', 'c', 'a']);
    expect(view.flakes[0]).toEqual({
      job: 'test (ubuntu)',
      signature: 'b',
      count: 5,
      lastSeen: ago(minutes(60)),
    });
  });
});

it('keeps the queued head of each entry', () => {
  const view = buildQueueView(anInput({ active: [anEntry({ number: 4 })] }));
  expect(view.entries[0]).toMatchObject({ headSha: headOf(4), entryId: 40, queuedBy: 'alice' });
});
