import { describe, expect, it } from '@jest/globals';
import { buildQueueView } from '../../../src/dashboard/build-queue-view.js';
import { historyLimit } from '../../../src/dashboard/build-history.js';
import { ago, anEnded, anEntry, anInput, aQueueEvent, minutes, now, shaOf } from './builders.js';

const failedFmt = {
  kind: 'checks-failed',
  verdicts: [
    {
      check: 'ci / fmt',
      class: 'fmt',
      reason: 'rustfmt reported code it would reformat.',
      url: 'https://github.com/acme/widgets/actions/runs/1/job/2',
    },
  ],
};

describe('buildQueueView: history', () => {
  it('merges ended entries and queue events, newest first', () => {
    const view = buildQueueView(
      anInput({
        ended: [
          anEnded(3, { kind: 'merged', at: ago(minutes(5)), detail: { staging: shaOf(9) } }),
          anEnded(2, { kind: 'dequeued', at: ago(minutes(50)), detail: failedFmt }),
        ],
        queueEvents: [
          aQueueEvent({ kind: 'resumed', at: ago(minutes(20)), detail: null }),
          aQueueEvent({ kind: 'paused', at: ago(minutes(80)) }),
          aQueueEvent({ kind: 'something-new', at: ago(minutes(1)) }),
        ],
      }),
    );
    expect(view.history.map((h) => [h.kind, h.number ?? null])).toEqual([
      ['landed', 3],
      ['resumed', null],
      ['dequeued', 2],
      ['paused', null],
    ]);
  });

  it('links a landing to the commit that landed', () => {
    const view = buildQueueView(
      anInput({
        ended: [anEnded(3, { kind: 'merged', at: ago(minutes(5)), detail: { staging: shaOf(9) } })],
      }),
    );
    expect(view.history[0]).toEqual({
      at: ago(minutes(5)),
      kind: 'landed',
      number: 3,
      entryId: 30,
      reason: `Landed as ${shaOf(9).slice(0, 7)}`,
      url: `https://github.com/acme/widgets/commit/${shaOf(9)}`,
    });
  });

  it('gives a failed dequeue its gate class, what the gate found and the failed job', () => {
    const view = buildQueueView(
      anInput({
        ended: [anEnded(2, { kind: 'dequeued', at: ago(minutes(5)), detail: failedFmt })],
      }),
    );
    expect(view.history[0]).toMatchObject({
      kind: 'dequeued',
      gateClass: 'fmt',
      reason: 'ci / fmt failed: rustfmt reported code it would reformat.',
      url: 'https://github.com/acme/widgets/actions/runs/1/job/2',
    });
  });

  it('names who dequeued by hand, and who paused the queue and why', () => {
    const view = buildQueueView(
      anInput({
        ended: [
          anEnded(2, {
            kind: 'dequeued',
            at: ago(minutes(5)),
            detail: { kind: 'command', by: 'bob' },
          }),
        ],
        queueEvents: [aQueueEvent({ at: ago(minutes(9)) })],
      }),
    );
    expect(view.history).toMatchObject([
      { kind: 'dequeued', by: 'bob', reason: 'Dequeued by bob' },
      { kind: 'paused', by: 'carol', reason: 'release freeze' },
    ]);
  });

  it('never keeps evidence that is not a page of the GitHub server', () => {
    const hostile = ['javascript:alert(1)', 'https://evil.example/job', 'data:text/html,x'];
    const view = buildQueueView(
      anInput({
        ended: hostile.map((url, i) =>
          anEnded(i + 1, {
            kind: 'dequeued',
            at: ago(minutes(i + 1)),
            detail: { kind: 'checks-failed', verdicts: [{ check: 'ci', class: 'test', url }] },
          }),
        ),
      }),
    );
    expect(view.history.map((h) => h.url)).toEqual([null, null, null]);
  });

  it('reads a landing without a commit (merged outside the queue) and an unknown reason', () => {
    const view = buildQueueView(
      anInput({
        ended: [
          anEnded(1, { kind: 'merged', at: ago(minutes(1)), detail: { staging: null } }),
          anEnded(2, { kind: 'dequeued', at: ago(minutes(2)), detail: { kind: 'moon-phase' } }),
        ],
      }),
    );
    expect(view.history.map((h) => [h.reason, h.url ?? null])).toEqual([
      ['Merged outside the queue', null],
      ['Dequeued (moon-phase)', null],
    ]);
  });

  it(`keeps the newest ${historyLimit}`, () => {
    const ended = Array.from({ length: historyLimit + 10 }, (_, i) =>
      anEnded(i + 1, { kind: 'merged', at: ago(minutes(i)), detail: { staging: shaOf(i) } }),
    );
    const view = buildQueueView(anInput({ ended }));
    expect(view.history).toHaveLength(historyLimit);
    expect(view.history[0]!.number).toBe(1);
    expect(view.history.at(-1)!.number).toBe(historyLimit);
  });
});

describe('buildQueueView: days', () => {
  const at = (daysAgo: number, hour: number) =>
    new Date(Date.UTC(2026, 2, 1 - daysAgo, hour, 0, 0));

  it('covers the window oldest first, ending today (UTC), days without activity included', () => {
    const view = buildQueueView(anInput({ days: 3 }));
    expect(view.days).toEqual([
      { day: '2026-02-27', merged: 0, dequeued: 0, medianMinutesToMerge: null },
      { day: '2026-02-28', merged: 0, dequeued: 0, medianMinutesToMerge: null },
      { day: '2026-03-01', merged: 0, dequeued: 0, medianMinutesToMerge: null },
    ]);
    expect(buildQueueView(anInput()).days).toHaveLength(14);
  });

  it('counts merges and dequeues per day with the median time from queued to merged', () => {
    const merged = (n: number, end: Date, took: number) =>
      anEnded(n, {
        kind: 'merged',
        at: end,
        queuedAt: new Date(end.getTime() - minutes(took)),
        detail: { staging: shaOf(n) },
      });
    const view = buildQueueView(
      anInput({
        days: 3,
        ended: [
          merged(1, at(0, 9), 10),
          merged(2, at(0, 10), 30),
          merged(3, at(2, 23), 40),
          merged(4, at(2, 1), 60),
          merged(5, at(2, 2), 20),
          anEnded(6, { kind: 'dequeued', at: at(0, 8), detail: failedFmt }),
          // Outside the window.
          merged(7, at(3, 12), 5),
        ],
      }),
    );
    expect(view.days).toEqual([
      { day: '2026-02-27', merged: 3, dequeued: 0, medianMinutesToMerge: 40 },
      { day: '2026-02-28', merged: 0, dequeued: 0, medianMinutesToMerge: null },
      { day: '2026-03-01', merged: 2, dequeued: 1, medianMinutesToMerge: 20 },
    ]);
    expect(now.toISOString().slice(0, 10)).toBe('2026-03-01');
  });

  it('falls back on the entry’s own state when its end event is missing', () => {
    const entry = anEntry({ number: 8, state: 'merged', updatedAt: ago(minutes(3)) });
    const view = buildQueueView(anInput({ days: 1, ended: [{ entry, events: [] }] }));
    expect(view.days[0]!.merged).toBe(1);
    expect(view.history[0]).toMatchObject({ kind: 'landed', number: 8 });
  });
});
