import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { completeCi, scriptCi, setCiRunners } from '../../fake-github/control/ci-ops.js';
import { listRuns } from '../../fake-github/control/ci-snapshots.js';
import type { RepoState } from '../../fake-github/world/types.js';

describe('cancelling the workflow runs on an abandoned staging commit', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  /**
   * Three workflows run on the staging push of main's tip, one runner for all: `Docs` took it
   * and finished, `CI` took it next (in progress), `Lint` waits for it (queued). Another
   * commit, pushed to another staging branch, has the same three runs, all queued: no cancel
   * of the first commit may touch them.
   */
  async function threeRuns(): Promise<{
    repo: RepoState;
    sha: string;
    runs: Record<'ci' | 'lint' | 'docs', number>;
    otherRuns: number[];
  }> {
    const repo = await kit.repo();
    const workflow = (name: string) => ({
      name,
      file: `.github/workflows/${name.toLowerCase()}.yml`,
      on: { push: ['sluice/staging/**'] },
      jobs: [{ name: name.toLowerCase() }],
    });
    scriptCi(kit.services, {
      repo,
      script: { workflows: [workflow('Docs'), workflow('CI'), workflow('Lint')] },
    });
    await setCiRunners(kit.services, { repo, limit: 1 });
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const port = kit.port(repo);
    const ok = { kind: 'ok' };
    expect(await port.setBranch('sluice/staging/main', sha, { force: true })).toEqual(ok);
    await completeCi(kit.services, { repo, job: 'docs', sha });
    const { tree } = await port.getCommit(sha);
    const other = await port.createCommit({ tree, parents: [sha], message: 'Another staging' });
    expect(await port.setBranch('sluice/staging/other', other.sha, { force: true })).toEqual(ok);
    const named = (name: string) =>
      listRuns(kit.services, { repo, sha }).find((run) => run.workflow === name)!.id;
    return {
      repo,
      sha,
      runs: { ci: named('CI'), lint: named('Lint'), docs: named('Docs') },
      otherRuns: listRuns(kit.services, { repo, sha: other.sha }).map((run) => run.id),
    };
  }

  async function runState(repo: RepoState, runId: number) {
    const { data } = await kit
      .octokit()
      .rest.actions.getWorkflowRun({ owner: 'acme', repo: repo.name, run_id: runId });
    return { status: data.status, conclusion: data.conclusion };
  }

  it('cancels the runs still going, leaves the finished one, and is a no-op the second time', async () => {
    const { repo, sha, runs, otherRuns } = await threeRuns();
    const finished = { status: 'completed', conclusion: 'success' };
    expect(await runState(repo, runs.docs)).toEqual(finished);
    expect(await runState(repo, runs.ci)).toEqual({ status: 'in_progress', conclusion: null });
    expect(await runState(repo, runs.lint)).toEqual({ status: 'queued', conclusion: null });
    expect(otherRuns).toHaveLength(3);
    const port = kit.port(repo);
    const before = kit.requests('actions/cancel-workflow-run').length;

    const first = await port.cancelRunsFor(sha);
    expect(first.failed).toEqual([]);
    expect([...first.cancelled].sort()).toEqual([runs.ci, runs.lint].sort());
    const cancelled = { status: 'completed', conclusion: 'cancelled' };
    expect(await runState(repo, runs.ci)).toEqual(cancelled);
    expect(await runState(repo, runs.lint)).toEqual(cancelled);
    expect(await runState(repo, runs.docs)).toEqual(finished);
    for (const id of otherRuns) expect((await runState(repo, id)).status).not.toBe('completed');
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before + 2);

    expect(await port.cancelRunsFor(sha)).toEqual({ cancelled: [], failed: [] });
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before + 2);
    kit.gh.assertClean();
  });

  it('takes a 409 for a run that finished since the listing as done, sent once', async () => {
    const { repo, sha, runs } = await threeRuns();
    const before = kit.requests('actions/cancel-workflow-run').length;
    // The first cancel meets a run that completed in between: GitHub's answer, not retried.
    kit.gh.faults.add({
      op: 'actions/cancel-workflow-run',
      status: 409,
      message: 'Cannot cancel a workflow run that is completed.',
      times: 1,
    });
    const result = await kit.port(repo).cancelRunsFor(sha);
    expect(result.failed).toEqual([]);
    expect(result.cancelled).toHaveLength(1);
    expect([runs.ci, runs.lint]).toContain(result.cancelled[0]);
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before + 2);
    kit.gh.assertClean();
  });

  it('reports a run it could not cancel and still cancels the others', async () => {
    const { repo, sha, runs } = await threeRuns();
    const before = kit.requests('actions/cancel-workflow-run').length;
    kit.gh.faults.add({ op: 'actions/cancel-workflow-run', status: 502, times: 1 });
    const result = await kit.port(repo).cancelRunsFor(sha);
    expect(result.cancelled).toHaveLength(1);
    expect(result.failed).toEqual([
      { runId: expect.any(Number), status: 502, message: expect.any(String) },
    ]);
    expect([...result.cancelled, result.failed[0]!.runId].sort()).toEqual(
      [runs.ci, runs.lint].sort(),
    );
    expect((await runState(repo, result.failed[0]!.runId)).status).not.toBe('completed');
    // Sent once each: Probot's retry plugin repeats 5xx unless told not to.
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before + 2);

    expect((await kit.port(repo).cancelRunsFor(sha)).cancelled).toEqual([result.failed[0]!.runId]);
    kit.gh.assertClean();
  });

  it('cancels nothing on a commit without runs', async () => {
    const repo = await kit.repo();
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const before = kit.requests('actions/cancel-workflow-run').length;
    expect(await kit.port(repo).cancelRunsFor(sha)).toEqual({ cancelled: [], failed: [] });
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before);
    kit.gh.assertClean();
  });

  it('throws a GitHubReadError when the runs cannot be listed', async () => {
    const { repo, sha } = await threeRuns();
    const before = kit.requests('actions/cancel-workflow-run').length;
    kit.gh.faults.add({
      op: 'actions/list-workflow-runs-for-repo',
      status: 403,
      message: 'Resource not accessible by integration',
      times: 1,
    });
    await expect(kit.port(repo).cancelRunsFor(sha)).rejects.toMatchObject({
      name: 'GitHubReadError',
      operation: 'actions/list-workflow-runs-for-repo',
      status: 403,
    });
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before);
    kit.gh.assertClean();
  });
});
