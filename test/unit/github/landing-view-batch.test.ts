import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse, validate } from 'graphql';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { addLabel, setBranchProtection } from '../../fake-github/control/repo-ops.js';
import { closePullRequest, mergePullRequest } from '../../fake-github/control/pull-ops.js';
import { loadGraphqlSchema } from '../../fake-github/graphql/load-graphql-schema.js';
import type { RepoState } from '../../fake-github/world/types.js';
import { landingViewQuery } from '../../../src/github/landing-view-query.js';
import type { ObservedCheck } from '../../../src/queue/types.js';
import { stagedCommit } from './support/staged-commit.js';
import { finishAllCi } from '../../fake-github/control/ci-ops.js';

describe('the fresh read before landing a batch', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  const input = { base: 'main', configPath: '.github/sluice.yml' };
  const label = 'merge-queue';
  const graphqlPosts = (since: number) =>
    kit.gh.world.requests
      .slice(since)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/graphql'));

  async function queued(repo: RepoState) {
    const pr = await openPull(kit, repo);
    await addLabel(kit.services, { repo, number: pr.number, by: 'bob', label });
    return pr;
  }

  it('reads every PR, in the order asked, with the policy, in one GraphQL request', async () => {
    const repo = await kit.repo({ files: { '.github/sluice.yml': 'checks: [lint]\n' } });
    setBranchProtection(kit.services, {
      repo,
      branch: 'main',
      protection: { requiredChecks: ['build'] },
    });
    const a = await queued(repo);
    const b = await queued(repo);
    const gone = await openPull(kit, repo);
    await closePullRequest(kit.services, { repo, number: gone.number });
    const before = kit.gh.world.requests.length;

    const view = await kit.port(repo).landingView([b.number, gone.number, a.number], input);

    expect(kit.operationsSince(before)).toEqual(['graphql/repository+repository']);
    expect(graphqlPosts(before)).toHaveLength(1);
    expect(JSON.stringify(graphqlPosts(before)[0]!.body)).toContain('SluiceLandingView');
    expect(view?.pulls.map((p) => p.number)).toEqual([b.number, gone.number, a.number]);
    expect(view?.pulls[0]).toMatchObject({ headSha: b.headSha, state: 'open', labels: [label] });
    expect(view?.pulls[1]).toMatchObject({ headSha: gone.headSha, state: 'closed', labels: [] });
    expect(view?.pulls[1]?.merged).toBe(false);
    expect(view?.pulls[2]).toMatchObject({ headSha: a.headSha, state: 'open', labels: [label] });
    expect(view?.pulls.map((p) => p.mergeCommitSha)).toEqual([null, null, null]);
    expect(view?.pull).toEqual(
      expect.objectContaining({ number: b.number, headSha: b.headSha, labels: [label] }),
    );
    expect(view?.baseSha).toBe(await repo.git.resolveRef('refs/heads/main'));
    expect(view?.policy).toEqual({ checks: ['build'], approvals: 0, unreadable: [] });
    expect(view?.configText).toBe('checks: [lint]\n');
    kit.gh.assertClean();
  });

  it('gives each merged PR its own merge commit', async () => {
    const repo = await kit.repo();
    const open = await queued(repo);
    const merged = await openPull(kit, repo);
    const sha = await mergePullRequest(kit.services, { repo, number: merged.number, by: 'bob' });

    const view = await kit.port(repo).landingView([open.number, merged.number], input);

    expect(view?.pulls.map((p) => [p.number, p.merged, p.mergeCommitSha])).toEqual([
      [open.number, false, null],
      [merged.number, true, sha],
    ]);
    expect(view?.mergeCommitSha).toBeNull();
    kit.gh.assertClean();
  });

  it('is undefined when any PR does not exist, also next to a refused protection', async () => {
    const repo = await kit.repo();
    setBranchProtection(kit.services, {
      repo,
      branch: 'main',
      protection: { requiredChecks: ['hidden'] },
    });
    const a = await queued(repo);
    const b = await queued(repo);
    const before = kit.gh.world.requests.length;

    expect(await kit.port(repo).landingView([a.number, 999, b.number], input)).toBeUndefined();
    const lite = kit.port(repo, 'sluice-lite');
    expect(await lite.landingView([a.number, b.number, 998], input)).toBeUndefined();
    expect(graphqlPosts(before)).toHaveLength(2);

    const view = await lite.landingView([a.number, b.number], input);
    expect(view?.pulls.map((p) => p.number)).toEqual([a.number, b.number]);
    expect(view?.policy).toEqual({ checks: [], approvals: 0, unreadable: ['branch protection'] });
    kit.gh.assertClean();
  });

  it('reads up to 100 PRs and refuses none or more before sending anything', async () => {
    const repo = await kit.repo();
    const { number } = await queued(repo);
    const port = kit.port(repo);
    const hundred = await port.landingView(Array<number>(100).fill(number), input);
    expect(hundred?.pulls).toHaveLength(100);
    const before = kit.gh.world.requests.length;
    await expect(port.landingView([], input)).rejects.toThrow(/1 to 100 pull requests, not 0/);
    await expect(port.landingView(Array<number>(101).fill(number), input)).rejects.toThrow(
      /1 to 100 pull requests, not 101/,
    );
    expect(kit.gh.world.requests.length).toBe(before);
    kit.gh.assertClean();
  });

  it('reads the checks of the commit the base would move to in the same request', async () => {
    const { repo, sha } = await stagedCommit(kit, [{ name: 'build' }, { name: 'test' }]);
    await finishAllCi(kit.services, { repo });
    const a = await queued(repo);
    const port = kit.port(repo);
    const before = kit.gh.world.requests.length;
    const view = await port.landingView([a.number], { ...input, tip: sha });
    expect(kit.operationsSince(before)).toEqual(['graphql/repository+repository']);
    const byName = (checks: ObservedCheck[] | undefined) =>
      [...(checks ?? [])].sort((x, y) => x.name.localeCompare(y.name));
    expect(byName(view?.tipChecks)).toEqual(byName(await port.checksOn(sha)));
    expect(view?.tipChecks?.map((c) => c.conclusion)).toEqual(['success', 'success']);
    expect((await port.landingView([a.number], input))?.tipChecks).toBeUndefined();
    kit.gh.assertClean();
  });

  it("sends a query GitHub's schema accepts, and the stand-in refuses one with a typo", async () => {
    const { schema } = await loadGraphqlSchema();
    for (const count of [1, 3, 32, 100]) {
      expect(validate(schema, parse(landingViewQuery(count)))).toEqual([]);
      expect(validate(schema, parse(landingViewQuery(count, true)))).toEqual([]);
    }
    const query = landingViewQuery(3);
    expect(query).toContain('query SluiceLandingView(');
    expect(query).toMatch(/\$n0: Int!\s+\$n1: Int!\s+\$n2: Int!\s/);
    expect(query).toContain('pr2: pullRequest(number: $n2)');
    const typo = query.replace('pr1: pullRequest(', 'pr1: pullReqest(');
    expect(validate(schema, parse(typo)).map((e) => e.message)).toEqual([
      expect.stringContaining('Cannot query field "pullReqest" on type "Repository"'),
    ]);

    const repo = await kit.repo();
    const { number } = await queued(repo);
    const variables = {
      owner: 'acme',
      name: repo.name,
      n0: number,
      n1: number,
      n2: number,
      base: 'refs/heads/main',
      config: 'HEAD:.github/sluice.yml',
    };
    await expect(kit.octokit().graphql(typo, variables)).rejects.toThrow(/pullReqest/);
    expect(kit.gh.world.violations.map((v) => v.kind)).toEqual(['app-bad-request']);
    kit.gh.world.violations.length = 0;
    // No `acme/.github` repository: that one field is null with GitHub's NOT_FOUND error (which
    // the landing view takes as "no org-wide config"), the rest is answered.
    const partial = await kit
      .octokit()
      .graphql<unknown>(query, variables)
      .catch((error: { data?: unknown; errors?: { type?: string; path?: string[] }[] }) => {
        expect(error.errors?.map((e) => [e.type, e.path?.join('.')])).toEqual([
          ['NOT_FOUND', 'orgDefaults'],
        ]);
        return error.data;
      });
    expect(partial).toMatchObject({
      repository: { pr0: { number }, pr1: { number }, pr2: { number } },
      orgDefaults: null,
    });
    kit.gh.assertClean();
  });
});
