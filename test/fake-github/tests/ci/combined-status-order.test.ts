import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CiKit } from './support/ci-kit.js';
import type { RepoState } from '../../world/types.js';

type State = 'pending' | 'success' | 'failure' | 'error';

/**
 * octokit/fixtures `create-status` records GitHub's answers for two statuses on one commit:
 * the plain list is newest first (ids 1001, 1000), the combined status oldest first (1000, 1001).
 */
describe('the combined status lists each context once, oldest first', () => {
  let kit: CiKit;
  beforeAll(async () => {
    kit = await CiKit.start();
  });
  afterAll(() => kit.close());

  async function postAll(repo: RepoState, reports: [string, State][]) {
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const where = { owner: 'acme', repo: repo.name };
    const ids: number[] = [];
    for (const [context, state] of reports) {
      const { data } = await kit
        .octokit()
        .rest.repos.createCommitStatus({ ...where, sha, context, state });
      ids.push(data.id);
    }
    const { data: combined } = await kit
      .octokit()
      .rest.repos.getCombinedStatusForRef({ ...where, ref: sha });
    const { data: list } = await kit
      .octokit()
      .rest.repos.listCommitStatusesForRef({ ...where, ref: sha });
    return { ids, combined, list };
  }

  it('answers the first status before the second, where the plain list answers them reversed', async () => {
    const { ids, combined, list } = await postAll(await kit.repo(), [
      ['example/1', 'failure'],
      ['example/2', 'success'],
    ]);
    expect(combined.statuses.map((s) => [s.id, s.context])).toEqual([
      [ids[0], 'example/1'],
      [ids[1], 'example/2'],
    ]);
    expect(list.map((s) => s.id)).toEqual([ids[1], ids[0]]);
    expect(combined).toMatchObject({ state: 'failure', total_count: 2 });
    kit.gh.assertClean();
  });

  it('orders by each context latest status, so a context that reports again comes last', async () => {
    const { ids, combined } = await postAll(await kit.repo(), [
      ['ci/build', 'pending'],
      ['ci/lint', 'success'],
      ['ci/test', 'pending'],
      ['ci/build', 'success'],
    ]);
    expect(combined.statuses.map((s) => [s.id, `${s.context}=${s.state}`])).toEqual([
      [ids[1], 'ci/lint=success'],
      [ids[2], 'ci/test=pending'],
      [ids[3], 'ci/build=success'],
    ]);
    expect(combined.state).toBe('pending');
  });

  it('pages the oldest-first list: the first page holds the oldest contexts', async () => {
    const repo = await kit.repo();
    const reports: [string, State][] = [
      ['a', 'success'],
      ['b', 'success'],
      ['c', 'success'],
    ];
    const { ids } = await postAll(repo, reports);
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    const { data } = await kit.octokit().rest.repos.getCombinedStatusForRef({
      owner: 'acme',
      repo: repo.name,
      ref: sha,
      per_page: 2,
    });
    expect(data.statuses.map((s) => s.id)).toEqual([ids[0], ids[1]]);
    expect(data.total_count).toBe(3);
  });
});
