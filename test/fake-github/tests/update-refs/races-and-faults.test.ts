import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { updateRefsWording as words } from '../../graphql/github-wording.js';
import { UPDATE_REFS } from '../../graphql/resolve-update-refs.js';
import {
  aLanding,
  landingUpdates,
  postUpdateRefs,
  refsOf,
  refusal,
} from './support/landing-kit.js';

describe('updateRefs under races and faults', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterEach(() => {
    kit.gh.faults.clear();
    kit.gh.assertClean();
  });
  afterAll(() => kit.close());

  it("keeps a contributor's push that lands between the app's read and its write, and applies nothing", async () => {
    const landing = await aLanding(kit);
    let theirs = '';
    // Alice pushes to her branch just before Sluice's landing is applied.
    kit.gh.races.add(UPDATE_REFS, async () => {
      theirs = await kit.push(landing.repo, 'topic', { 'src/b.ts': 'one more\n' }, 'alice');
    });

    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));

    expect(answer.body).toEqual(refusal(words.stale('refs/heads/topic', landing.head, theirs)));
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([theirs, landing.base]);
    // Her push is hers: its webhooks go out though the raced call failed; the PR stays open.
    const received = await kit.settled(landing.repo);
    expect(received.map((r) => [r.event, r.action, r.payload.after])).toEqual([
      ['push', undefined, theirs],
      ['pull_request', 'synchronize', theirs],
    ]);
    const pull = kit.gh.world.requireRepo(landing.repo.fullName).issues.get(landing.number);
    expect(pull?.state).toBe('open');
  });

  it("applies nothing when a 'before' fault answers 502", async () => {
    const landing = await aLanding(kit);
    kit.gh.faults.add({ op: UPDATE_REFS, times: 1, status: 502, message: 'Bad Gateway' });
    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));
    expect([answer.status, answer.body.message]).toEqual([502, 'Bad Gateway']);
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.head, landing.base]);
    expect(await kit.settled(landing.repo)).toEqual([]);
  });

  it("applies the landing and sends its webhooks when an 'after' fault answers 502", async () => {
    const landing = await aLanding(kit);
    kit.gh.faults.add({ op: UPDATE_REFS, times: 1, when: 'after', status: 502 });
    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));
    expect(answer.status).toBe(502);
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.staging, landing.staging]);
    await kit.waitFor(landing.repo, 'pull_request', 'closed');
  });

  it('still sends the webhooks of an applied landing whose connection dropped', async () => {
    const landing = await aLanding(kit);
    kit.gh.faults.add({ op: UPDATE_REFS, times: 1, when: 'after', drop: true });
    await expect(postUpdateRefs(kit, landing.repo, landingUpdates(landing))).rejects.toThrow(
      'fetch failed',
    );
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.staging, landing.staging]);
    const closed = await kit.waitFor(landing.repo, 'pull_request', 'closed');
    expect(closed.payload).toMatchObject({ pull_request: { merged: true } });
    await kit.waitFor(landing.repo, 'push', undefined, (r) => r.payload.ref === 'refs/heads/main');
  });

  it('still sends the push webhook of a REST ref update whose connection dropped', async () => {
    const landing = await aLanding(kit);
    kit.gh.faults.add({ op: 'git/update-ref', times: 1, when: 'after', drop: true });
    const update = kit.app().rest.git.updateRef({
      owner: 'acme',
      repo: landing.repo.name,
      ref: 'heads/main',
      sha: landing.staging,
    });
    await expect(update).rejects.toMatchObject({ status: 500 });
    expect(await refsOf(landing.repo, 'main')).toEqual([landing.staging]);
    const push = await kit.waitFor(landing.repo, 'push');
    expect(push.payload).toMatchObject({ ref: 'refs/heads/main', after: landing.staging });
  });
});
