import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { commentsOf, labelsOf } from '../../fake-github/control/repo-ops.js';
import { GitHubWriteError } from '../../../src/github/index.js';

describe('labels, comments and check runs', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('adds labels, removes one, and shrugs at removing one that is already gone', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const port = kit.port(repo);
    await port.addLabels(number, ['merge-queue', 'sluice:fmt']);
    await port.removeLabel(number, 'merge-queue');
    await port.removeLabel(number, 'merge-queue');
    expect(labelsOf(kit.services, { repo, number })).toEqual(['sluice:fmt']);
    kit.gh.assertClean();
  });

  it('comments, and reports a refused comment as a GitHubWriteError', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const port = kit.port(repo);
    await port.comment(number, 'Merged as abc123.');
    expect(commentsOf(kit.services, { repo, number }).map((c) => c.body)).toEqual([
      'Merged as abc123.',
    ]);
    kit.gh.faults.add({
      op: 'issues/create-comment',
      status: 403,
      message: 'Resource not accessible by integration',
      times: 1,
    });
    await expect(port.comment(number, 'again')).rejects.toBeInstanceOf(GitHubWriteError);
    kit.gh.assertClean();
  });

  it('sends annotations 50 at a time: one create and two updates for 120', async () => {
    const repo = await kit.repo();
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: 'src/a.ts',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'failure' as const,
      message: `problem ${i + 1}`,
    }));
    const before = kit.gh.world.requests.length;
    const id = await kit.port(repo).writeCheckRun({
      name: 'Sluice',
      headSha: sha,
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'fmt failed', summary: 'Run cargo fmt', text: 'details', annotations },
      actions: [{ label: 'Retry', description: 'Queue this PR again', identifier: 'retry' }],
      externalId: 'entry-1',
    });
    expect(kit.operationsSince(before)).toEqual([
      'checks/create',
      'checks/update',
      'checks/update',
    ]);
    const run = repo.checkRuns.get(id)!;
    expect(run.output.annotations.map((a) => a.message)).toEqual(annotations.map((a) => a.message));
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      externalId: 'entry-1',
      output: { text: 'details' },
    });
    kit.gh.assertClean();
  });

  it('updates the check run it is given instead of creating another', async () => {
    const repo = await kit.repo();
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const port = kit.port(repo);
    const id = await port.writeCheckRun({
      name: 'Sluice',
      headSha: sha,
      status: 'queued',
      output: { title: 'Queued', summary: '2nd' },
    });
    const same = await port.writeCheckRun(
      {
        name: 'Sluice',
        headSha: sha,
        status: 'completed',
        conclusion: 'success',
        output: { title: 'Merged', summary: 'Done' },
      },
      id,
    );
    expect(same).toBe(id);
    expect(repo.checkRuns.get(id)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Merged' },
    });
    expect([...repo.checkRuns.values()].filter((r) => r.name === 'Sluice')).toHaveLength(1);
    kit.gh.assertClean();
  });
});
