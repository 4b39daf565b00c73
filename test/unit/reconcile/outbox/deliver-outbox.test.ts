import { describe, expect, it } from '@jest/globals';
import { deliverOutbox } from '../../../../src/reconcile/outbox/deliver-outbox.js';
import { noticeRows, type Notice } from '../../../../src/reconcile/outbox/notice.js';
import { recordCheckRun } from '../../../../src/reconcile/outbox/record-check-run.js';
import { aCheckRun, queue, useOutboxHarness } from './outbox-harness.js';

const merged: Notice[] = [
  { kind: 'remove-label', label: 'merge-queue' },
  { kind: 'add-labels', labels: ['sluice:merged'] },
  { kind: 'check-run', render: aCheckRun('Landed', 'completed') },
  { kind: 'comment', body: 'Landed as abc123.' },
];

describe('delivering the outbox', () => {
  const harness = useOutboxHarness();
  const deps = () => harness.deps();

  const record = (notices: Notice[], key = 'entry:1:merged') =>
    harness.store.outbox.record(
      noticeRows(queue, { pr: 7, headSha: 'h1', cause: 'test', entryId: 1, key }, notices),
      new Date(Date.UTC(2030, 0, 1)),
    );

  it('tells a decision in order, one write per row and no read, when GitHub answers', async () => {
    await record(merged);
    const report = await deliverOutbox(deps(), queue);
    expect(harness.gh.calls).toEqual([
      'removeLabel',
      'addLabels',
      'repositoryId',
      'batch(create)',
      'comment',
    ]);
    expect(report).toEqual({ delivered: 4, failed: 0, left: 0 });
    expect(harness.gh.labels).toEqual(['sluice:merged']);
    expect(harness.gh.comments).toEqual([
      'Landed as abc123.\n\n<!-- sluice:outcome entry:1:merged:3-comment -->\n',
    ]);
    expect(await harness.store.outbox.listUndelivered(queue)).toEqual([]);
  });

  it('never posts a comment twice when GitHub wrote it but the answer was lost', async () => {
    await record([{ kind: 'comment', body: 'Landed.' }]);
    harness.gh.answer('comment', 'lost');
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ left: 1 });
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ delivered: 1, left: 0 });
    expect(harness.gh.calls).toEqual(['comment', 'hasComment']);
    expect(harness.gh.comments).toHaveLength(1);
  });

  it('posts a comment that never arrived once, after looking for it', async () => {
    await record([{ kind: 'comment', body: 'Landed.' }]);
    harness.gh.answer('comment', 'unknown');
    await deliverOutbox(deps(), queue);
    await deliverOutbox(deps(), queue);
    expect(harness.gh.calls).toEqual(['comment', 'hasComment', 'comment']);
    expect(harness.gh.comments).toHaveLength(1);
  });

  it('finds a check run whose create answer was lost by its external id, and updates it', async () => {
    await record([{ kind: 'check-run', render: aCheckRun('Queued') }]);
    harness.gh.answer('check-run', 'lost');
    await deliverOutbox(deps(), queue);
    await deliverOutbox(deps(), queue);
    // Looked for, then updated by its REST id: the lost answer never named its node id.
    expect(harness.gh.calls).toEqual([
      'repositoryId',
      'batch(create)',
      'findCheckRun',
      'checks/update',
    ]);
    expect(harness.gh.runs).toEqual([
      { id: 1, externalId: 'acme/widgets#7@h1', status: 'queued', title: 'Queued' },
    ]);
    const known = await harness.store.checkRuns.get({
      repo: 'acme/widgets',
      number: 7,
      headSha: 'h1',
    });
    expect(known?.checkRunId).toBe(1);
  });

  it('stops at a row without an answer, so nothing after it is told out of order', async () => {
    await record(merged);
    harness.gh.answer('add-labels', 'unknown');
    expect(await deliverOutbox(deps(), queue)).toEqual({ delivered: 1, failed: 0, left: 3 });
    expect(harness.gh.calls).toEqual(['removeLabel', 'addLabels']);
    expect(harness.gh.comments).toEqual([]);
  });

  it('takes a label off only once: a removal that went through is seen on the PR', async () => {
    await record([{ kind: 'remove-label', label: 'merge-queue' }]);
    harness.gh.answer('remove-label', 'lost');
    await deliverOutbox(deps(), queue);
    await deliverOutbox(deps(), queue);
    expect(harness.gh.calls).toEqual(['removeLabel', 'labelsOn']);
  });

  it('marks a refused row failed and goes on with the rest', async () => {
    await record([
      { kind: 'add-labels', labels: ['bad label'] },
      { kind: 'comment', body: 'Dequeued.' },
    ]);
    harness.gh.answer('add-labels', 'rejected');
    expect(await deliverOutbox(deps(), queue)).toEqual({ delivered: 1, failed: 1, left: 0 });
    expect(harness.gh.comments).toHaveLength(1);
  });

  it('puts a rate-limited row back in line and stops until the next pass', async () => {
    await record(merged);
    harness.gh.answer('remove-label', 'throttled');
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ delivered: 0, left: 4 });
    const [first] = await harness.store.outbox.listUndelivered(queue);
    expect([first?.state, first?.attempts]).toEqual(['pending', 1]);
  });

  it('leaves rows for later when looking at GitHub fails, without throwing', async () => {
    await record([{ kind: 'comment', body: 'Landed.' }]);
    harness.gh.answer('comment', 'unknown');
    await deliverOutbox(deps(), queue);
    harness.gh.readsFail = true;
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ left: 1 });
    expect(harness.gh.comments).toEqual([]);
  });

  it('skips check run states never sent when a later state of the same head waits', async () => {
    await recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Queued') });
    await recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Testing') });
    await deliverOutbox(deps(), queue);
    expect(harness.gh.calls).toEqual(['repositoryId', 'batch(create)']);
    expect(harness.gh.runs.map((r) => r.title)).toEqual(['Testing']);
  });

  it('records a check run state only when it differs from the last one recorded', async () => {
    const again = () =>
      recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Queued') });
    await again();
    await again();
    await deliverOutbox(deps(), queue);
    await again();
    await recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Testing') });
    await again();
    await deliverOutbox(deps(), queue);
    expect(harness.gh.calls).toEqual(['repositoryId', 'batch(create)', 'batch(update)']);
    expect(harness.gh.runs.map((r) => r.title)).toEqual(['Queued']);
  });

  it('records one set of rows per decision, however often the decision is applied', async () => {
    await record(merged);
    await record(merged);
    await deliverOutbox(deps(), queue);
    expect(harness.gh.comments).toHaveLength(1);
  });
});
