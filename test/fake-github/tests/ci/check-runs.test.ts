import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { CiKit, keys } from './support/ci-kit.js';
import { clickCheckRunAction } from '../../control/ci-ops.js';
import type { RepoState } from '../../world/types.js';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('check runs behave as on GitHub', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  const where = (repo: RepoState) => ({ owner: 'acme', repo: repo.name });
  const headOf = async (repo: RepoState) => (await repo.git.resolveRef('refs/heads/main'))!;
  const message = (error: unknown) =>
    (error as { response: { data: { message: string } } }).response.data.message;

  it('creates a run in its app suite, completes it on update, and tells every checks app', async () => {
    const repo = await kit.repo();
    const sha = await headOf(repo);
    const app = kit.octokit();
    const { data: created, status } = await app.rest.checks.create({
      ...where(repo),
      name: 'Sluice',
      head_sha: sha,
    });
    expect(status).toBe(201);
    expect(created).toMatchObject({
      name: 'Sluice',
      head_sha: sha,
      status: 'queued',
      conclusion: null,
      app: { id: kit.sluice.registered.app.id },
    });
    const { data: updated } = await app.rest.checks.update({
      ...where(repo),
      check_run_id: created.id,
      conclusion: 'success',
      output: { title: 'Landed', summary: 'all green' },
    });
    expect(updated).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Landed', summary: 'all green' },
    });
    expect(updated.completed_at).not.toBeNull();
    expect(keys(await kit.deliveries(repo, { app: 'sluice', event: 'check_run' }))).toEqual([
      'check_run.created',
      'check_run.completed',
    ]);
    // Other apps with the checks permission hear about it too (and must filter on app.id).
    const ours = { payload: { check_run: { app: { id: kit.sluice.registered.app.id } } } };
    expect(await kit.deliveries(repo, { app: 'other', event: 'check_run' })).toMatchObject([
      ours,
      ours,
    ]);
    const suiteDone = await kit.deliveries(repo, {
      app: 'sluice',
      event: 'check_suite',
      action: 'completed',
    });
    expect(suiteDone).toMatchObject([
      {
        payload: {
          check_suite: { id: created.check_suite!.id, conclusion: 'success', head_sha: sha },
        },
      },
    ]);
    kit.gh.assertClean();
  });

  it("refuses another app's update with 403 naming the owner, and leaves the run alone", async () => {
    const repo = await kit.repo();
    const { data: run } = await kit.octokit().rest.checks.create({
      ...where(repo),
      name: 'build',
      head_sha: await headOf(repo),
      status: 'in_progress',
    });
    const refused = kit
      .octokit('other')
      .rest.checks.update({ ...where(repo), check_run_id: run.id, conclusion: 'failure' });
    await expect(refused).rejects.toMatchObject({ status: 403 });
    expect(message(await refused.catch((e: unknown) => e))).toBe(
      `Invalid app_id \`${kit.sluice.registered.app.id}\` - check run can only be modified by the GitHub App that created it.`,
    );
    expect(repo.checkRuns.get(run.id)).toMatchObject({ status: 'in_progress', conclusion: null });
    kit.gh.assertClean();
  });

  it('refuses to complete a run without a conclusion', async () => {
    const repo = await kit.repo();
    const app = kit.octokit();
    await expect(
      app.rest.checks.create({
        ...where(repo),
        name: 'lint',
        head_sha: await headOf(repo),
        status: 'completed',
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(repo.checkRuns.size).toBe(0);
    kit.gh.assertClean();
  });

  it('refuses a run on a commit the repository does not have, and a person without an app', async () => {
    const repo = await kit.repo();
    const missing = kit
      .octokit()
      .rest.checks.create({ ...where(repo), name: 'lint', head_sha: 'f'.repeat(40) });
    await expect(missing).rejects.toMatchObject({ status: 422 });
    const alice = new Octokit({
      auth: kit.gh.createUser('alice').token,
      baseUrl: kit.gh.apiUrl,
      log: quiet,
    });
    const person = alice.rest.checks.create({
      ...where(repo),
      name: 'lint',
      head_sha: await headOf(repo),
    });
    expect(message(await person.catch((e: unknown) => e))).toBe(
      'You must authenticate via a GitHub App.',
    );
    kit.gh.assertClean();
  });

  it('lists the newest run per name by default and every run with filter=all', async () => {
    const repo = await kit.repo();
    const sha = await headOf(repo);
    const app = kit.octokit();
    const first = await app.rest.checks.create({
      ...where(repo),
      name: 'test',
      head_sha: sha,
      conclusion: 'failure',
      output: { title: 'red', summary: 'x' },
    });
    const second = await app.rest.checks.create({
      ...where(repo),
      name: 'test',
      head_sha: sha,
      status: 'in_progress',
    });
    await app.rest.checks.create({
      ...where(repo),
      name: 'lint',
      head_sha: sha,
      conclusion: 'success',
      output: { title: 'ok', summary: 'ok' },
    });
    const latest = (await app.rest.checks.listForRef({ ...where(repo), ref: 'main' })).data;
    expect(latest.total_count).toBe(2);
    expect(latest.check_runs.find((r) => r.name === 'test')?.id).toBe(second.data.id);
    const all = (await app.rest.checks.listForRef({ ...where(repo), ref: sha, filter: 'all' }))
      .data;
    expect(all.check_runs.map((r) => r.id).sort()).toEqual(
      [first.data.id, second.data.id, all.check_runs.find((r) => r.name === 'lint')!.id].sort(),
    );
    const named = (
      await app.rest.checks.listForRef({ ...where(repo), ref: sha, check_name: 'lint' })
    ).data;
    expect(named.check_runs.map((r) => r.name)).toEqual(['lint']);
    const running = (
      await app.rest.checks.listForRef({ ...where(repo), ref: sha, status: 'in_progress' })
    ).data;
    expect(running.check_runs.map((r) => r.id)).toEqual([second.data.id]);
    const others = (
      await app.rest.checks.listForRef({
        ...where(repo),
        ref: sha,
        app_id: kit.other.registered.app.id,
      })
    ).data;
    expect(others.total_count).toBe(0);
    const bySuite = (
      await app.rest.checks.listForSuite({
        ...where(repo),
        check_suite_id: second.data.check_suite!.id,
      })
    ).data;
    expect(bySuite.total_count).toBe(2);
    kit.gh.assertClean();
  });

  it('appends annotations on each write and lists them, with their count on the run', async () => {
    const repo = await kit.repo();
    const app = kit.octokit();
    const note = (line: number) => ({
      path: 'src/a.ts',
      start_line: line,
      end_line: line,
      annotation_level: 'failure' as const,
      message: `problem on ${line}`,
    });
    const { data: run } = await app.rest.checks.create({
      ...where(repo),
      name: 'lint',
      head_sha: await headOf(repo),
      output: { title: 't', summary: 's', annotations: [note(1), note(2)] },
    });
    const { data: updated } = await app.rest.checks.update({
      ...where(repo),
      check_run_id: run.id,
      output: { summary: 's2', annotations: [note(3)] },
    });
    expect(updated.output.annotations_count).toBe(3);
    const { data: annotations } = await app.rest.checks.listAnnotations({
      ...where(repo),
      check_run_id: run.id,
    });
    expect(annotations.map((a) => a.message)).toEqual([
      'problem on 1',
      'problem on 2',
      'problem on 3',
    ]);
    expect(annotations[0]?.blob_href).toBe(
      `${kit.gh.url}/${repo.fullName}/blob/${run.head_sha}/src/a.ts`,
    );
    kit.gh.assertClean();
  });

  it('sends rerequested to the owning app only, and refuses other apps', async () => {
    const repo = await kit.repo();
    const { data: run } = await kit.octokit().rest.checks.create({
      ...where(repo),
      name: 'Sluice',
      head_sha: await headOf(repo),
      conclusion: 'neutral',
      output: { title: 't', summary: 's' },
    });
    await expect(
      kit.octokit('other').rest.checks.rerequestRun({ ...where(repo), check_run_id: run.id }),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      (await kit.octokit().rest.checks.rerequestRun({ ...where(repo), check_run_id: run.id }))
        .status,
    ).toBe(201);
    expect(keys(await kit.deliveries(repo, { app: 'sluice', action: 'rerequested' }))).toEqual([
      'check_run.rerequested',
    ]);
    expect(await kit.deliveries(repo, { app: 'other', action: 'rerequested' })).toEqual([]);
    kit.gh.assertClean();
  });

  it("delivers a person's button click to the owning app only", async () => {
    const repo = await kit.repo();
    const actions = [{ label: 'Retry', description: 'Run the gate again', identifier: 'retry' }];
    const { data: run } = await kit.octokit().rest.checks.create({
      ...where(repo),
      name: 'Sluice',
      head_sha: await headOf(repo),
      conclusion: 'failure',
      output: { title: 't', summary: 's' },
      actions,
    });
    clickCheckRunAction(kit.gh.services, {
      repo,
      checkRunId: run.id,
      identifier: 'retry',
      by: 'alice',
    });
    const [click] = await kit.deliveries(repo, { action: 'requested_action' });
    expect(click).toMatchObject({
      appId: kit.sluice.registered.app.id,
      payload: { requested_action: { identifier: 'retry' }, sender: { login: 'alice' } },
    });
    expect(await kit.deliveries(repo, { app: 'other', action: 'requested_action' })).toEqual([]);
    expect(() =>
      clickCheckRunAction(kit.gh.services, {
        repo,
        checkRunId: run.id,
        identifier: 'nope',
        by: 'alice',
      }),
    ).toThrow(/no button "nope"/);
    kit.gh.assertClean();
  });

  it('lists the suites of a commit with their app and latest run count', async () => {
    const repo = await kit.repo();
    const sha = await headOf(repo);
    await kit.octokit().rest.checks.create({ ...where(repo), name: 'a', head_sha: sha });
    await kit.octokit('other').rest.checks.create({ ...where(repo), name: 'b', head_sha: sha });
    const { data } = await kit.octokit().rest.checks.listSuitesForRef({ ...where(repo), ref: sha });
    expect(
      data.check_suites.map((s) => [s.app?.slug, s.latest_check_runs_count, s.status]),
    ).toEqual([
      ['sluice', 1, 'queued'],
      ['other-ci', 1, 'queued'],
    ]);
    const mine = await kit.octokit().rest.checks.listSuitesForRef({
      ...where(repo),
      ref: sha,
      app_id: kit.sluice.registered.app.id,
    });
    expect(mine.data.total_count).toBe(1);
    kit.gh.assertClean();
  });
});
