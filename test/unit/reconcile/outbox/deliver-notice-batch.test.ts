import { describe, expect, it } from '@jest/globals';
import { deliverOutbox } from '../../../../src/reconcile/outbox/deliver-outbox.js';
import { noticesPerRequest } from '../../../../src/reconcile/outbox/deliver-notice-batch.js';
import { noticeRows } from '../../../../src/reconcile/outbox/notice.js';
import { recordCheckRun } from '../../../../src/reconcile/outbox/record-check-run.js';
import { aCheckRun, queue, useOutboxHarness } from './outbox-harness.js';

describe('check-run states sent together', () => {
  const harness = useOutboxHarness();
  const state = (pr: number, title: string) =>
    recordCheckRun(harness.deps(), queue, { pr, headSha: `h${pr}`, render: aCheckRun(title) });
  const deliver = () => deliverOutbox(harness.deps(), queue);
  const titles = () => harness.gh.runs.map((r) => r.title);

  it('writes the states of a whole batch of PRs in one request, creates and updates alike', async () => {
    for (const pr of [7, 8, 9]) await state(pr, 'Queued');
    expect(await deliver()).toEqual({ delivered: 3, failed: 0, left: 0 });
    for (const pr of [7, 8, 9]) await state(pr, 'Testing');
    await state(10, 'Queued');
    await deliver();
    expect(harness.gh.calls).toEqual([
      'repositoryId',
      'batch(create,create,create)',
      'batch(update,update,update,create)',
    ]);
    expect(titles()).toEqual(['Testing', 'Testing', 'Testing', 'Queued']);
  });

  it('keeps the recorded order: a comment between two states splits the request', async () => {
    await state(7, 'Queued');
    await harness.store.outbox.record(
      noticeRows(
        queue,
        { pr: 7, headSha: 'h7', cause: 'test', entryId: 1, key: 'entry:7:dequeued' },
        [{ kind: 'comment', body: 'Dequeued.' }],
      ),
      new Date(Date.UTC(2030, 0, 1)),
    );
    await state(8, 'Queued');
    await deliver();
    expect(harness.gh.calls).toEqual(['repositoryId', 'batch(create)', 'comment', 'batch(create)']);
  });

  it(`sends at most ${noticesPerRequest} states per request`, async () => {
    for (let pr = 1; pr <= noticesPerRequest + 2; pr++) await state(pr, 'Queued');
    expect(await deliver()).toMatchObject({ delivered: noticesPerRequest + 2, left: 0 });
    const requests = harness.gh.calls.filter((c) => c.startsWith('batch'));
    expect(requests.map((r) => r.split(',').length)).toEqual([noticesPerRequest, 2]);
  });

  it('stops after a state whose answer was lost, and finds that run before writing it again', async () => {
    for (const pr of [7, 8]) await state(pr, 'Queued');
    harness.gh.answer('check-run', 'lost', 'ok');
    expect(await deliver()).toEqual({ delivered: 1, failed: 0, left: 1 });
    expect(await deliver()).toEqual({ delivered: 1, failed: 0, left: 0 });
    expect(harness.gh.calls).toEqual([
      'repositoryId',
      'batch(create,create)',
      'findCheckRun',
      'checks/update',
    ]);
    // One run per PR: the lost create was found, not made twice.
    expect(harness.gh.runs.map((r) => r.externalId)).toEqual([
      'acme/widgets#7@h7',
      'acme/widgets#8@h8',
    ]);
  });

  it('writes through REST, one by one, on a host whose GraphQL lacks the mutations', async () => {
    harness.gh.noticeMutations = false;
    for (const pr of [7, 8]) await state(pr, 'Queued');
    await deliver();
    for (const pr of [7, 8]) await state(pr, 'Testing');
    await deliver();
    expect(harness.gh.calls).toEqual([
      'repositoryId',
      'batch(create,create)',
      // Nothing ran, so nothing is looked for; the host is not asked again.
      'checks/create',
      'checks/create',
      'checks/update',
      'checks/update',
    ]);
    expect(titles()).toEqual(['Testing', 'Testing']);
  });

  it('updates through REST a run known from before node ids were kept', async () => {
    await harness.store.checkRuns.save({
      ...{ repo: queue.repo, number: 7, headSha: 'h7' },
      checkRunId: 1,
      nodeId: null,
      fingerprint: 'old',
      now: new Date(Date.UTC(2029, 0, 1)),
    });
    harness.gh.runs.push({ id: 1, externalId: 'acme/widgets#7@h7', status: 'queued', title: '' });
    await state(7, 'Testing');
    await state(8, 'Queued');
    await deliver();
    // The REST answer named the run's node id: its next state goes with the others.
    await state(7, 'Landed');
    await deliver();
    expect(harness.gh.calls).toEqual([
      'checks/update',
      'repositoryId',
      'batch(create)',
      'batch(update)',
    ]);
  });

  describe('label removals', () => {
    const landed = (pr: number) =>
      harness.store.outbox.record(
        noticeRows(
          queue,
          { pr, headSha: `h${pr}`, cause: 'test', entryId: pr, key: `entry:${pr}:merged` },
          [
            { kind: 'remove-label', label: 'merge-queue' },
            { kind: 'check-run', render: aCheckRun('Landed', 'completed') },
          ],
        ),
        new Date(Date.UTC(2030, 0, 1)),
      );
    const knowIds = (...prs: number[]) => {
      for (const pr of prs)
        harness.cache.nodeIds.learn({
          pull: { number: pr, id: `PR_${pr}` },
          labels: [{ name: 'merge-queue', node_id: 'LA_merge-queue' }],
        });
    };

    it('go with the check runs of a landing, in one request, when a webhook told their ids', async () => {
      knowIds(7, 8);
      await landed(7);
      await landed(8);
      expect(await deliver()).toEqual({ delivered: 4, failed: 0, left: 0 });
      expect(harness.gh.calls).toEqual([
        'repositoryId',
        'batch(remove-label,create,remove-label,create)',
      ]);
      expect(harness.gh.labels).toEqual([]);
    });

    it("go through REST when the PR's id was never told (a restart since it was queued)", async () => {
      knowIds(8);
      harness.cache.nodeIds.learn({ pull: { number: 7, id: undefined } });
      await landed(7);
      await deliver();
      expect(harness.gh.calls).toEqual(['removeLabel', 'repositoryId', 'batch(create)']);
    });

    it('that failed in a batch are looked at and removed by name, and the label id is forgotten', async () => {
      knowIds(7);
      harness.gh.answer('remove-label', 'rejected');
      await landed(7);
      // Sent together, so the state after it is told even though the removal is unsure.
      expect(await deliver()).toMatchObject({ delivered: 1, left: 1 });
      expect(harness.cache.nodeIds.label('merge-queue')).toBeUndefined();
      expect(await deliver()).toMatchObject({ delivered: 1, left: 0 });
      expect(harness.gh.calls).toEqual([
        'repositoryId',
        'batch(remove-label,create)',
        'labelsOn',
        'removeLabel',
      ]);
      expect(harness.gh.labels).toEqual([]);
    });
  });
});
