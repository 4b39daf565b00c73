import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import {
  addLabel,
  approve,
  removeLabel,
  requestChanges,
  setCollaboratorRole,
} from '../../fake-github/control/repo-ops.js';
import { pushToPullRequest } from '../../fake-github/control/pull-ops.js';
import { countReviews, type ReviewFacts } from '../../../src/github/review-state.js';

describe('who reviewed, who may queue, who labeled', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it("counts each reviewer's latest position: a later approval replaces requested changes", async () => {
    const repo = await kit.repo();
    const { number, headSha } = await openPull(kit, repo);
    await requestChanges(kit.services, { repo, number, by: 'carol', body: 'Please rename' });
    await approve(kit.services, { repo, number, by: 'bob' });
    const port = kit.port(repo);
    expect(await port.reviewState(number, headSha)).toEqual({
      approvals: 1,
      changesRequested: true,
    });
    await approve(kit.services, { repo, number, by: 'carol' });
    expect(await port.reviewState(number, headSha)).toEqual({
      approvals: 2,
      changesRequested: false,
    });
    kit.gh.assertClean();
  });

  it('does not count approvals given to an earlier head', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    await approve(kit.services, { repo, number, by: 'bob' });
    const newHead = await pushToPullRequest(kit.services, {
      repo,
      number,
      commits: [{ message: 'more', files: { 'm.txt': 'm\n' } }],
    });
    expect(await kit.port(repo).reviewState(number, newHead)).toEqual({
      approvals: 0,
      changesRequested: false,
    });
    kit.gh.assertClean();
  });

  it.each<[string, ReviewFacts[], { approvals: number; changesRequested: boolean }]>([
    [
      'a comment after an approval changes nothing',
      [review('bob', 'APPROVED'), review('bob', 'COMMENTED')],
      { approvals: 1, changesRequested: false },
    ],
    [
      'a dismissed approval no longer counts',
      [review('bob', 'APPROVED'), review('bob', 'DISMISSED')],
      { approvals: 0, changesRequested: false },
    ],
    [
      'dismissed requested changes no longer block',
      [review('bob', 'CHANGES_REQUESTED'), review('bob', 'DISMISSED')],
      { approvals: 0, changesRequested: false },
    ],
    [
      'requested changes stand on a new head',
      [review('bob', 'CHANGES_REQUESTED', 'old')],
      { approvals: 0, changesRequested: true },
    ],
    [
      'two approvals by one reviewer count once',
      [review('bob', 'APPROVED'), review('Bob', 'APPROVED')],
      { approvals: 1, changesRequested: false },
    ],
    [
      'a deleted account counts for nothing',
      [{ user: null, state: 'APPROVED', commit_id: 'head' }],
      { approvals: 0, changesRequested: false },
    ],
  ])('%s', (_, reviews, expected) => {
    expect(countReviews(reviews, 'head')).toEqual(expected);
  });

  it('reads roles from role_name, so maintain and triage are not mistaken for write and read', async () => {
    const repo = await kit.repo();
    setCollaboratorRole(kit.services, { repo, login: 'mia', role: 'maintain' });
    setCollaboratorRole(kit.services, { repo, login: 'tom', role: 'triage' });
    setCollaboratorRole(kit.services, { repo, login: 'rita', role: 'read' });
    kit.gh.world.account('outsider');
    const port = kit.port(repo);
    const logins = ['mia', 'tom', 'rita', 'alice', 'outsider', 'no-such-account'];
    expect(await Promise.all(logins.map((login) => port.permissionOf(login)))).toEqual([
      'maintain',
      'triage',
      'read',
      'write',
      'none',
      'none',
    ]);
    kit.gh.assertClean();
  });

  it('finds who last added a label, case-insensitively, from the issue events', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    await addLabel(kit.services, { repo, number, by: 'alice', label: 'merge-queue' });
    await removeLabel(kit.services, { repo, number, by: 'bob', label: 'merge-queue' });
    await addLabel(kit.services, { repo, number, by: 'carol', label: 'merge-queue' });
    await addLabel(kit.services, { repo, number, by: 'bob', label: 'bug' });
    const port = kit.port(repo);
    expect(await port.labeledBy(number, 'Merge-Queue')).toBe('carol');
    expect(await port.labeledBy(number, 'never-added')).toBeUndefined();
    kit.gh.assertClean();
  });
});

function review(login: string, state: string, commit = 'head'): ReviewFacts {
  return { user: { login }, state, commit_id: commit };
}
