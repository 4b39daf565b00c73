import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { commentsOf, labelsOf } from '../../fake-github/control/repo-ops.js';
import type { CheckRunWrite } from '../../../src/github/index.js';

const queued = (headSha: string, externalId?: string): CheckRunWrite => ({
  name: 'Sluice',
  headSha,
  status: 'queued',
  output: { title: 'Queued', summary: '2nd' },
  ...(externalId ? { externalId } : {}),
});

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
    expect(await port.addLabels(number, ['merge-queue', 'sluice:fmt'])).toEqual({ kind: 'ok' });
    expect(await port.removeLabel(number, 'merge-queue')).toEqual({ kind: 'ok' });
    expect(await port.removeLabel(number, 'merge-queue')).toEqual({ kind: 'ok' });
    expect(labelsOf(kit.services, { repo, number })).toEqual(['sluice:fmt']);
    expect(await port.labelsOn(number)).toEqual(['sluice:fmt']);
    kit.gh.assertClean();
  });

  it('comments, finds the comment by a marker in it, and reports a refused comment as rejected', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const port = kit.port(repo);
    expect(await port.hasComment(number, '<!-- m1 -->')).toBe(false);
    expect(await port.comment(number, 'Merged as abc123.\n<!-- m1 -->')).toEqual({ kind: 'ok' });
    expect(commentsOf(kit.services, { repo, number }).map((c) => c.body)).toEqual([
      'Merged as abc123.\n<!-- m1 -->',
    ]);
    expect(await port.hasComment(number, '<!-- m1 -->')).toBe(true);
    kit.gh.faults.add({
      op: 'issues/create-comment',
      status: 403,
      message: 'Resource not accessible by integration',
      times: 1,
    });
    expect(await port.comment(number, 'again')).toMatchObject({ kind: 'rejected', status: 403 });
    kit.gh.assertClean();
  });

  it('sends a comment once when GitHub answers 502 after writing it, and says the outcome is unknown', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const port = kit.port(repo);
    kit.gh.faults.add({ op: 'issues/create-comment', when: 'after', status: 502, times: 1 });
    const before = kit.gh.world.requests.length;
    expect(await port.comment(number, 'Landed.')).toMatchObject({ kind: 'unknown' });
    expect(kit.operationsSince(before)).toEqual(['issues/create-comment']);
    expect(commentsOf(kit.services, { repo, number })).toHaveLength(1);
  });

  it('says a rate-limited label write wrote nothing and may be sent later', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    kit.gh.faults.add({ op: 'issues/add-labels', status: 429, message: 'Too many', times: 1 });
    const outcome = await kit.port(repo).addLabels(number, ['merge-queue']);
    expect(outcome).toMatchObject({ kind: 'throttled' });
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
    const written = await kit.port(repo).writeCheckRun({
      name: 'Sluice',
      headSha: sha,
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'fmt failed', summary: 'Run cargo fmt', text: 'details', annotations },
      actions: [{ label: 'Retry', description: 'Queue this PR again', identifier: 'retry' }],
      externalId: 'entry-1',
    });
    expect(written.kind).toBe('ok');
    expect(kit.operationsSince(before)).toEqual([
      'checks/create',
      'checks/update',
      'checks/update',
    ]);
    const run = repo.checkRuns.get((written as { id: number }).id)!;
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
    const created = await port.writeCheckRun(queued(sha));
    const id = (created as { id: number }).id;
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
    expect(same).toEqual({ kind: 'ok', id, nodeId: expect.stringMatching(/^CR_/) });
    expect(repo.checkRuns.get(id)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Merged' },
    });
    expect([...repo.checkRuns.values()].filter((r) => r.name === 'Sluice')).toHaveLength(1);
    kit.gh.assertClean();
  });

  it('creates a check run once when GitHub answers 502 after creating it, and finds it by its external id', async () => {
    const repo = await kit.repo();
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const port = kit.port(repo);
    await port.writeCheckRun(queued(sha, 'acme/other#1@x'));
    kit.gh.faults.add({ op: 'checks/create', when: 'after', status: 502, times: 1 });
    expect(await port.writeCheckRun(queued(sha, 'acme/w#7@abc'))).toMatchObject({
      kind: 'unknown',
    });
    const runs = [...repo.checkRuns.values()].filter((r) => r.externalId === 'acme/w#7@abc');
    expect(runs).toHaveLength(1);
    const found = await port.findCheckRun({
      headSha: sha,
      name: 'Sluice',
      externalId: 'acme/w#7@abc',
    });
    expect(found).toBe(runs[0]!.id);
    expect(
      await port.findCheckRun({ headSha: sha, name: 'Sluice', externalId: 'acme/w#8@abc' }),
    ).toBeUndefined();
  });
});
