import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from '../../fake-github.js';
import { PullKit } from '../pulls/pull-kit.js';
import {
  aLanding,
  landingUpdates,
  postUpdateRefs,
  refsOf,
  updateRefsMutation,
} from './support/landing-kit.js';

/** What GitHub Enterprise Server before 3.16 answers: the field does not exist (HTTP 200). */
const noSuchField = {
  errors: [
    {
      path: ['mutation Land', 'updateRefs'],
      extensions: { code: 'undefinedField', typeName: 'Mutation', fieldName: 'updateRefs' },
      locations: [{ line: 3, column: 5 }],
      message: "Field 'updateRefs' doesn't exist on type 'Mutation'",
    },
  ],
};

describe('a host without updateRefs (GitHub Enterprise Server before 3.16)', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  it('answers the mutation as an unknown field once the control plane switches it off, and on again', async () => {
    const landing = await aLanding(kit);
    const off = await fetch(`${kit.gh.url}/_control/set-update-refs`, {
      method: 'POST',
      body: JSON.stringify({ available: false }),
    });
    expect(off.status).toBe(200);

    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));
    expect([answer.status, answer.body]).toEqual([200, noSuchField]);
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.head, landing.base]);
    // The app asked a fair question of this host (it is how it finds out): no violation.
    expect(kit.gh.world.violations).toEqual([]);

    kit.gh.setUpdateRefsAvailable(true);
    const landed = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));
    expect(landed.body.errors).toBeUndefined();
    kit.gh.assertClean();
  });

  it('starts that way with `updateRefs: false`', async () => {
    const gh = await FakeGitHub.start({ updateRefs: false });
    try {
      const { token } = gh.createUser('alice');
      const response = await fetch(`${gh.url}/api/graphql`, {
        method: 'POST',
        headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          query: updateRefsMutation,
          variables: { input: { repositoryId: 'R_kgDOX', refUpdates: [] } },
        }),
      });
      const answer = { status: response.status, body: await response.json() };
      expect([answer.status, answer.body]).toEqual([200, noSuchField]);
      gh.assertClean();
    } finally {
      await gh.close();
    }
  });
});
