import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { installAppWith, installationToken } from '../graphql/graphql-kit.js';
import { updateRefsWording as words } from '../../graphql/github-wording.js';
import { repositoryNodeId } from '../../graphql/repository-node-id.js';
import {
  aLanding,
  landingUpdates,
  postUpdateRefs,
  refsOf,
  refusal,
  ZEROS,
} from './support/landing-kit.js';

describe('updateRefs: several refs move in one atomic call, as on GitHub', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterEach(() => kit.gh.assertClean());
  afterAll(() => kit.close());

  /** What the app heard about `repo`, as `event.action ref` lines. */
  const events = async (kit: PullKit, repo: Parameters<PullKit['settled']>[0]) =>
    (await kit.settled(repo)).map((r) => {
      const ref = typeof r.payload.ref === 'string' ? ` ${r.payload.ref}` : '';
      return `${r.event}${r.action ? `.${r.action}` : ''}${ref}`;
    });

  it('lands a PR in one call: its head moves to the tested commit, its base fast-forwards, and the PR is merged', async () => {
    const landing = await aLanding(kit);
    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));

    expect(answer).toMatchObject({
      status: 200,
      body: { data: { updateRefs: { clientMutationId: 'land-1' } } },
    });
    expect(answer.body.errors).toBeUndefined();
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.staging, landing.staging]);
    // One push per moved ref, the head's first: the base that now contains it merges the PR.
    expect(await events(kit, landing.repo)).toEqual([
      'push refs/heads/topic',
      'push refs/heads/main',
      'pull_request.synchronize',
      'pull_request.closed',
    ]);
    const { data: pull } = await kit.app().rest.pulls.get({
      owner: 'acme',
      repo: landing.repo.name,
      pull_number: landing.number,
    });
    expect(pull).toMatchObject({
      state: 'closed',
      merged: true,
      merge_commit_sha: landing.staging,
    });
    const [headPush] = kit.inbox.deliveriesFor(landing.repo);
    expect(headPush?.payload).toMatchObject({
      before: landing.head,
      after: landing.staging,
      forced: true,
      pusher: { name: 'sluice[bot]' },
    });
  });

  it('refuses the whole call when one beforeOid is stale, and moves no ref', async () => {
    const landing = await aLanding(kit);
    const theirs = await kit.push(landing.repo, 'topic', { 'src/b.ts': 'late\n' }, 'alice');
    await kit.settled(landing.repo);
    kit.inbox.received.length = 0;

    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(refusal(words.stale('refs/heads/topic', landing.head, theirs)));
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([theirs, landing.base]);
    expect(await events(kit, landing.repo)).toEqual([]);
  });

  it('refuses a move that is not a fast forward unless it is forced', async () => {
    const landing = await aLanding(kit);
    const update = { name: 'refs/heads/topic', beforeOid: landing.head, afterOid: landing.base };

    expect((await postUpdateRefs(kit, landing.repo, [update])).body).toEqual(
      refusal(words.notFastForward('refs/heads/topic')),
    );
    const forced = await postUpdateRefs(kit, landing.repo, [{ ...update, force: true }]);
    expect(forced.body.errors).toBeUndefined();
    expect(await refsOf(landing.repo, 'topic')).toEqual([landing.base]);
  });

  it('creates a ref that must not exist (zeros before) and deletes one (zeros after) in the same call', async () => {
    const landing = await aLanding(kit);
    const answer = await postUpdateRefs(kit, landing.repo, [
      { name: 'refs/heads/release', beforeOid: ZEROS, afterOid: landing.base },
      { name: 'refs/heads/sluice/staging', beforeOid: landing.staging, afterOid: ZEROS },
    ]);
    expect(answer.body.errors).toBeUndefined();
    expect(await refsOf(landing.repo, 'release', 'sluice/staging')).toEqual([
      landing.base,
      undefined,
    ]);
    expect(await events(kit, landing.repo)).toEqual([
      'push refs/heads/release',
      'push refs/heads/sluice/staging',
    ]);

    // Created once; a second "must not exist" is refused, and so is the delete beside it.
    const again = await postUpdateRefs(kit, landing.repo, [
      { name: 'refs/heads/topic', afterOid: ZEROS },
      { name: 'refs/heads/release', beforeOid: ZEROS, afterOid: landing.staging },
    ]);
    expect(again.body).toEqual(refusal(words.refExists('refs/heads/release')));
    expect(await refsOf(landing.repo, 'topic', 'release')).toEqual([landing.head, landing.base]);
  });

  it('refuses a commit that does not exist and a name outside refs/<kind>/', async () => {
    const landing = await aLanding(kit);
    const missing = 'f'.repeat(40);
    expect(
      (await postUpdateRefs(kit, landing.repo, [{ name: 'refs/heads/topic', afterOid: missing }]))
        .body,
    ).toEqual(refusal(words.missingObject(missing)));
    expect(
      (await postUpdateRefs(kit, landing.repo, [{ name: 'topic', afterOid: landing.base }])).body,
    ).toEqual(refusal(words.invalidName('topic')));
    expect(await refsOf(landing.repo, 'topic')).toEqual([landing.head]);
  });

  it('needs contents:write, and does not know a repository outside the installation', async () => {
    const landing = await aLanding(kit);
    const reader = installAppWith(kit, 'reader', { contents: 'read', pull_requests: 'write' });
    const asReader = `token ${await installationToken(reader)}`;
    expect(
      (await postUpdateRefs(kit, landing.repo, landingUpdates(landing), asReader)).body,
    ).toEqual(refusal('Resource not accessible by integration', 'FORBIDDEN'));

    const elsewhere = await kit.gh.createRepo({
      fullName: 'umbrella/corp',
      files: { 'a.txt': 'a\n' },
    });
    const answer = await postUpdateRefs(kit, elsewhere, [
      { name: 'refs/heads/main', afterOid: landing.base },
    ]);
    expect(answer.body).toEqual(
      refusal(words.unknownRepository(repositoryNodeId(elsewhere.id)), 'NOT_FOUND'),
    );
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.head, landing.base]);
  });
});
