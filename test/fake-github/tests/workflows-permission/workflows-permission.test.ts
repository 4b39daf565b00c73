import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ProbotOctokit } from 'probot';
import { PullKit } from '../pulls/pull-kit.js';
import { installAppWith, installationToken } from '../graphql/graphql-kit.js';
import { workflowsRefusal } from '../../auth/workflow-changes.js';
import {
  aLanding,
  landingUpdates,
  postUpdateRefs,
  refsOf,
  refusal,
  type Landing,
} from '../update-refs/support/landing-kit.js';

const ci = '.github/workflows/ci.yml';
const refused = { status: 422, response: { data: { message: workflowsRefusal(ci) } } };

describe('an App without the workflows permission cannot move a ref to a commit that changes a workflow', () => {
  let kit: PullKit;
  /** The same app's neighbour that was granted `workflows: write`. */
  let trusted: InstanceType<typeof ProbotOctokit>;
  beforeAll(async () => {
    kit = await PullKit.start();
    trusted = installAppWith(kit, 'trusted', {
      contents: 'write',
      pull_requests: 'write',
      workflows: 'write',
    });
  });
  afterEach(() => kit.gh.assertClean());
  afterAll(() => kit.close());

  /** A queued PR that edits the CI workflow, and its tested squash on main. */
  async function aWorkflowLanding(): Promise<Landing> {
    const landing = await aLanding(kit, { [ci]: 'name: CI\non: push\n# faster\n' });
    return landing;
  }

  const at = (landing: Landing) => ({ owner: 'acme', repo: landing.repo.name });

  it('refuses a REST fast-forward of main to the tested commit, then lets the trusted app do it', async () => {
    const landing = await aWorkflowLanding();
    const update = { ...at(landing), ref: 'heads/main', sha: landing.staging };
    await expect(kit.app().rest.git.updateRef(update)).rejects.toMatchObject(refused);
    expect(await refsOf(landing.repo, 'main')).toEqual([landing.base]);

    await expect(trusted.rest.git.updateRef(update)).resolves.toMatchObject({ status: 200 });
    expect(await refsOf(landing.repo, 'main')).toEqual([landing.staging]);
  });

  it('refuses creating a branch whose workflows differ from the default branch, not one that matches it', async () => {
    const landing = await aWorkflowLanding();
    const create = (ref: string, sha: string) =>
      kit.app().rest.git.createRef({ ...at(landing), ref, sha });
    await expect(create('refs/heads/copy', landing.head)).rejects.toMatchObject(refused);
    await expect(create('refs/heads/copy', landing.base)).resolves.toMatchObject({ status: 201 });
    expect(await refsOf(landing.repo, 'copy')).toEqual([landing.base]);
  });

  it('refuses merging the pull request through the API, and leaves it open', async () => {
    const landing = await aWorkflowLanding();
    const merge = { ...at(landing), pull_number: landing.number, merge_method: 'squash' as const };
    await expect(kit.app().rest.pulls.merge(merge)).rejects.toMatchObject(refused);
    expect(await refsOf(landing.repo, 'main')).toEqual([landing.base]);
    expect(kit.gh.world.requireRepo(landing.repo.fullName).issues.get(landing.number)?.state).toBe(
      'open',
    );
    await expect(trusted.rest.pulls.merge(merge)).resolves.toMatchObject({
      data: { merged: true },
    });
  });

  it('refuses the whole updateRefs landing, moving neither the head nor the base', async () => {
    const landing = await aWorkflowLanding();
    const answer = await postUpdateRefs(kit, landing.repo, landingUpdates(landing));
    expect(answer.body).toEqual(refusal(workflowsRefusal(ci), 'FORBIDDEN'));
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.head, landing.base]);
    expect(await kit.settled(landing.repo)).toEqual([]);

    const asTrusted = `token ${await installationToken(trusted)}`;
    const landed = await postUpdateRefs(kit, landing.repo, landingUpdates(landing), asTrusted);
    expect(landed.body.errors).toBeUndefined();
    expect(await refsOf(landing.repo, 'topic', 'main')).toEqual([landing.staging, landing.staging]);
  });

  it('lets the app move refs freely when the workflows are untouched', async () => {
    const landing = await aLanding(kit);
    await expect(
      kit.app().rest.git.updateRef({ ...at(landing), ref: 'heads/main', sha: landing.staging }),
    ).resolves.toMatchObject({ status: 200 });
  });
});
