import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { stagedCommit } from './support/staged-commit.js';
import { finishAllCi, postCommitStatus, setCiRunners } from '../../fake-github/control/ci-ops.js';
import { infraFlake } from '../../fake-github/ci/failures.js';
import type { ObservedCheck } from '../../../src/queue/types.js';
import { checksOnCommitsQuery } from '../../../src/github/checks-on-commits.js';

const byName = (checks: ObservedCheck[] | undefined) =>
  [...(checks ?? [])].sort((a, b) => a.name.localeCompare(b.name));

describe('reading the checks on several staging commits at once', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('answers what checksOn answers for each commit, in one GraphQL request', async () => {
    const { repo, sha, runId } = await stagedCommit(kit, [
      { name: 'build' },
      { name: 'test', ...infraFlake() },
    ]);
    await finishAllCi(kit.services, { repo });
    const port = kit.port(repo);
    expect(await port.rerunFailedJobs(runId)).toEqual({ kind: 'ok' });
    await finishAllCi(kit.services, { repo });
    for (const state of ['pending', 'error'] as const)
      await postCommitStatus(kit.services, { repo, sha, state, context: 'ci/x', by: 'alice' });
    await port.writeCheckRun({
      name: 'Sluice',
      headSha: sha,
      status: 'in_progress',
      output: { title: 'Testing', summary: '1st in queue' },
    });
    const bare = await port.createCommit({
      tree: (await port.getCommit(sha)).tree,
      parents: [sha],
      message: 'nothing reported on this one',
    });
    const before = kit.gh.world.requests.length;

    const read = await port.checksOnCommits([sha, bare.sha]);

    expect(kit.operationsSince(before)).toEqual(['graphql/repository']);
    expect(byName(read.get(sha))).toEqual(byName(await port.checksOn(sha)));
    expect(byName(read.get(sha)).map((c) => [c.name, c.conclusion])).toEqual([
      ['build', 'success'],
      ['ci/x', 'failure'],
      ['test', 'success'],
    ]);
    expect(read.get(bare.sha)).toEqual([]);
    kit.gh.assertClean();
  });

  it('tells a job waiting for a runner from one running, as checksOn does', async () => {
    const { repo } = await stagedCommit(kit, [{ name: 'build' }]);
    await setCiRunners(kit.services, { repo, limit: 1 });
    const port = kit.port(repo);
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    const second = await port.createCommit({
      tree: (await port.getCommit(main)).tree,
      parents: [main],
      message: 'a second staging',
    });
    expect(await port.setBranch('sluice/staging/second', second.sha, { force: true })).toEqual({
      kind: 'ok',
    });

    const read = await port.checksOnCommits([main, second.sha]);

    expect(read.get(main)).toEqual(await port.checksOn(main));
    expect(read.get(second.sha)).toEqual(await port.checksOn(second.sha));
    expect(read.get(main)?.map((c) => [c.state, c.queued ?? false])).toEqual([['pending', false]]);
    expect(read.get(second.sha)?.map((c) => [c.state, c.queued])).toEqual([['pending', true]]);
  });

  it('refuses a read of no commit or of more than one request covers, before sending anything', () => {
    expect(() => checksOnCommitsQuery(0)).toThrow(RangeError);
    expect(() => checksOnCommitsQuery(51)).toThrow(RangeError);
  });
});
