import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { settled, startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { openTestPull } from '../support/open-test-pull.js';
import { comment, commentsOf, editComment } from '../../control/repo-ops.js';

describe('issue comments behave like GitHub', () => {
  let world: RepoWorld;
  let pr: number;
  const repoParams = { owner: 'acme', repo: 'widgets' };

  beforeAll(async () => {
    world = await startRepoWorld();
    pr = (await openTestPull(world.gh.world, world.repo)).number;
  });
  beforeEach(async () => {
    await settled(world.gh);
    world.received.length = 0;
  });
  afterAll(() => world.gh.close());

  const events = () =>
    world.received.map((d) => [
      `${d.event}.${d.action}`,
      d.payload.comment?.body,
      d.payload.sender.login,
    ]);

  it('creates, edits and deletes a comment, with issue_comment webhooks from the bot', async () => {
    const { status, data: created } = await world.app.rest.issues.createComment({
      ...repoParams,
      issue_number: pr,
      body: 'Queued.',
    });
    expect(status).toBe(201);
    expect(created.performed_via_github_app?.slug).toBe('sluice');
    const { data: edited } = await world.app.rest.issues.updateComment({
      ...repoParams,
      comment_id: created.id,
      body: 'Merged.',
    });
    expect(edited.body).toBe('Merged.');
    const deleted = await world.app.rest.issues.deleteComment({
      ...repoParams,
      comment_id: created.id,
    });
    expect(deleted.status).toBe(204);
    await settled(world.gh);
    expect(events()).toEqual([
      ['issue_comment.created', 'Queued.', 'sluice[bot]'],
      ['issue_comment.edited', 'Merged.', 'sluice[bot]'],
      ['issue_comment.deleted', 'Merged.', 'sluice[bot]'],
    ]);
    expect(world.received[0]!.payload.issue?.pull_request).toBeDefined();
    expect(world.received[1]!.payload.changes).toEqual({ body: { from: 'Queued.' } });
    expect(world.gh.world.violations).toEqual([]);
  });

  it('answers 404 for a comment on a missing issue and for a missing comment', async () => {
    await expect(
      world.app.rest.issues.createComment({ ...repoParams, issue_number: 404, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      world.app.rest.issues.updateComment({ ...repoParams, comment_id: 1, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('pages comments with Link headers, so octokit.paginate reads them all', async () => {
    for (let i = 1; i <= 35; i++)
      comment(world.gh.services, { repo: world.repo, number: pr, body: `note ${i}`, by: 'alice' });
    const first = await world.app.rest.issues.listComments({
      ...repoParams,
      issue_number: pr,
      per_page: 10,
    });
    expect(first.data).toHaveLength(10);
    expect(first.headers.link).toContain('rel="next"');
    const all = await world.app.paginate(world.app.rest.issues.listComments, {
      ...repoParams,
      issue_number: pr,
      per_page: 10,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 35 }, (_, i) => `note ${i + 1}`));
    expect(world.gh.world.violations).toEqual([]);
  });

  it('keeps only comments updated at or after `since`', async () => {
    const [older] = commentsOf(world.gh.services, { repo: world.repo, number: pr });
    const edited = editComment(world.gh.services, {
      repo: world.repo,
      commentId: older!.id,
      body: 'note 1 (edited)',
      by: 'alice',
    });
    const { data } = await world.app.rest.issues.listComments({
      ...repoParams,
      issue_number: pr,
      since: edited.updatedAt.toISOString(),
    });
    expect(data.map((c) => c.body)).toEqual(['note 1 (edited)']);
    await settled(world.gh);
    expect(events()).toEqual([['issue_comment.edited', 'note 1 (edited)', 'alice']]);
  });
});
