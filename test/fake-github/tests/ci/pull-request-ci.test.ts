import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit } from './support/ci-kit.js';
import { openTestPull } from '../support/open-test-pull.js';
import { finishAllCi, scriptCi } from '../../control/ci-ops.js';
import { listRuns } from '../../control/ci-snapshots.js';
import type { RepoState } from '../../world/types.js';

describe('pull_request workflows run on the pull request head', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });

  async function scriptedRepo(): Promise<RepoState> {
    const repo = await kit.repo();
    const job = { name: 'test' };
    scriptCi(kit.gh.services, {
      repo,
      script: {
        workflows: [
          { name: 'PR', file: '.github/workflows/pr.yml', on: { pull_request: true }, jobs: [job] },
          {
            name: 'Staging',
            file: '.github/workflows/staging.yml',
            on: { push: ['sluice/staging/**'] },
            jobs: [job],
          },
        ],
        statuses: [{ context: 'ci/legacy', state: 'success', on: { pull_request: true } }],
      },
    });
    return repo;
  }

  it('runs on opened and synchronize, on the head commit, and links the pull request', async () => {
    const repo = await scriptedRepo();
    const pull = await openTestPull(kit.gh.world, repo, {
      branch: 'feature/x',
      title: 'Add the widget',
      files: { 'pr.txt': 'Add the widget\n' },
    });
    const head = pull.pull.headSha;
    await kit.gh.pulls.changed({ repo, number: pull.number, change: 'opened', headSha: head });
    expect(listRuns(kit.gh.services, { repo })).toMatchObject([
      { workflow: 'PR', event: 'pull_request', sha: head, branch: 'feature/x' },
    ]);

    const app = kit.octokit();
    const { data } = await app.rest.actions.listWorkflowRunsForRepo({
      ...where(repo),
      event: 'pull_request',
    });
    expect(data.workflow_runs[0]).toMatchObject({
      display_title: 'Add the widget',
      head_sha: head,
      pull_requests: [{ number: pull.number, head: { sha: head, ref: 'feature/x' } }],
    });
    const { data: checks } = await app.rest.checks.listForRef({ ...where(repo), ref: head });
    expect(checks.check_runs[0]?.pull_requests.map((p) => p.number)).toEqual([pull.number]);
    expect(
      (await app.rest.repos.getCombinedStatusForRef({ ...where(repo), ref: head })).data.state,
    ).toBe('pending');

    await finishAllCi(kit.gh.services, { repo });
    const requested = await kit.deliveries(repo, {
      app: 'sluice',
      event: 'workflow_run',
      action: 'requested',
    });
    expect(requested).toMatchObject([
      { payload: { workflow_run: { pull_requests: [{ number: pull.number }] } } },
    ]);

    await kit.gh.pulls.changed({ repo, number: pull.number, change: 'synchronize', headSha: head });
    await kit.gh.pulls.changed({ repo, number: pull.number, change: 'closed', headSha: head });
    expect(listRuns(kit.gh.services, { repo }).map((r) => [r.workflow, r.runNumber])).toEqual([
      ['PR', 1],
      ['PR', 2],
    ]);
    kit.gh.assertClean();
  });

  it('leaves pull_request workflows alone on branch pushes, and push workflows alone on pull requests', async () => {
    const repo = await scriptedRepo();
    await kit.push(repo, 'sluice/staging/main', { 'b.txt': 'b\n' });
    expect(listRuns(kit.gh.services, { repo }).map((r) => r.workflow)).toEqual(['Staging']);
    kit.gh.assertClean();
  });
});
