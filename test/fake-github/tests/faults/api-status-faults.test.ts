import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { secondaryRateLimit } from '../../http/faults.js';
import { startFaultWorld, widgets, type FaultWorld } from './support/fault-world.js';

let w: FaultWorld;
let pull: number;
beforeAll(async () => {
  w = await startFaultWorld();
});
beforeEach(async () => {
  w.nextTest();
  pull = await w.openPull();
});
afterAll(() => w.gh.close());

const merge = () =>
  w.app.rest.pulls.merge({ ...widgets, pull_number: pull, merge_method: 'squash' });
const comment = (body: string) =>
  w.app.rest.issues.createComment({ ...widgets, issue_number: pull, body });

describe('an injected status answers in place of the handler', () => {
  it.each([
    [405, 'Base branch was modified. Review and try the merge again.'],
    [409, 'Head branch was modified. Review and try the merge again.'],
    [422, 'Validation Failed'],
    [500, 'Server Error'],
    [502, 'Bad Gateway'],
    [503, 'Service Unavailable'],
  ])(
    '%i: the client sees it, nothing is merged, and the next call goes through',
    async (status, message) => {
      w.gh.faults.add({ op: 'pulls/merge', times: 1, status, message });

      await expect(merge()).rejects.toMatchObject({ status, response: { data: { message } } });
      expect(w.repo.pull(pull).merged).toBe(false);
      expect(w.gh.world.requests.at(-1)).toMatchObject({
        operationId: 'pulls/merge',
        status,
        faulted: true,
      });

      // Looking again before retrying is what a careful client does; assertClean tells the two apart.
      await w.app.rest.pulls.get({ ...widgets, pull_number: pull });
      await expect(merge()).resolves.toMatchObject({ status: 200, data: { merged: true } });
      await w.gh.settle({ quietMs: 20 });
      expect(w.arrivals.map((a) => `${a.event}.${a.action}`)).toContain('pull_request.closed');
      w.gh.assertClean();
    },
  );
});

describe("a fault `when: 'after'` lets the write happen and then loses the answer", () => {
  it('comments, sends the webhook, and still answers 502', async () => {
    w.gh.faults.add({
      op: 'issues/create-comment',
      times: 1,
      when: 'after',
      status: 502,
      message: 'Bad Gateway',
    });

    await expect(comment('Queued.')).rejects.toMatchObject({ status: 502 });
    await w.gh.settle({ quietMs: 20 });
    expect(w.repo.comments(pull).map((c) => [c.user.login, c.body])).toEqual([
      ['sluice[bot]', 'Queued.'],
    ]);
    expect(w.arrivals.map((a) => `${a.event}.${a.action}`)).toEqual(['issue_comment.created']);
  });
});

describe('a secondary rate limit', () => {
  it("answers 403 with GitHub's message and `retry-after`, and writes nothing", async () => {
    w.gh.faults.add(secondaryRateLimit('issues/create-comment', 60));

    const refused = comment('Queued.');
    await expect(refused).rejects.toMatchObject({
      status: 403,
      response: {
        headers: { 'retry-after': '60' },
        data: { message: expect.stringContaining('You have exceeded a secondary rate limit') },
      },
    });
    expect(w.repo.comments(pull)).toEqual([]);
    await expect(comment('Queued.')).resolves.toMatchObject({ status: 201 });
  });
});

describe('fault rules', () => {
  it('match by method too, and stop after `times`', async () => {
    w.gh.faults.add({ method: 'GET', times: 2, status: 500 });

    await expect(w.app.rest.repos.get(widgets)).rejects.toMatchObject({ status: 500 });
    await expect(comment('writes are not matched')).resolves.toMatchObject({ status: 201 });
    await expect(w.app.rest.pulls.get({ ...widgets, pull_number: pull })).rejects.toMatchObject({
      status: 500,
    });
    await expect(w.app.rest.repos.get(widgets)).resolves.toMatchObject({ status: 200 });
  });
});
