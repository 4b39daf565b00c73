import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRepoGitHub } from '../../../src/github/index.js';
import { observeRequests, type GitHubResponseFacts } from '../../../src/github/observe-requests.js';
import { withOperation } from '../../../src/github/request-operation.js';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';

/** A port whose client tells `facts` of every request it sends. */
function observedPort(kit: GitHubKit, repo: { name: string }) {
  const facts: GitHubResponseFacts[] = [];
  const octokit = kit.octokit();
  observeRequests(octokit, (f) => facts.push(f));
  const port = createRepoGitHub({ octokit, owner: 'acme', repo: repo.name });
  return { facts, octokit, port };
}

const named = (facts: GitHubResponseFacts[]) =>
  facts
    .filter((f) => f.operation !== 'apps/create-installation-access-token')
    .map((f) => [f.operation, f.status]);

describe('observing the requests a GitHub client sends', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it("names each request by the adapter's operation, GitHub's own operation id", async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const { facts, port } = observedPort(kit, repo);
    const since = kit.gh.world.requests.length;

    await port.defaultBranch();
    await port.readFile('.github/missing.yml', 'main');
    await port.addLabels(number, ['merge-queue']);
    await port.setBranch('sluice/staging/main/1', (await port.branchSha('main'))!, {
      force: true,
    });

    expect(named(facts)).toEqual([
      ['repos/get', 200],
      ['repos/get-content', 404],
      ['issues/add-labels', 200],
      ['git/get-ref', 200],
      ['git/update-ref', 422],
      ['git/create-ref', 201],
    ]);
    expect(named(facts).map(([operation]) => operation)).toEqual(kit.operationsSince(since));
  });

  it('names the token request as itself, not as the request that needed it', async () => {
    const repo = await kit.repo();
    const { facts, port } = observedPort(kit, repo);
    await port.defaultBranch();
    expect(facts.map((f) => f.operation)).toEqual([
      'apps/create-installation-access-token',
      'repos/get',
    ]);
  });

  it('keeps the rate limit left per resource: REST and GraphQL count apart', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    const { facts, port } = observedPort(kit, repo);
    await port.readPulls([number]);
    await port.defaultBranch();
    const last = (operation: string) => facts.findLast((f) => f.operation === operation);
    expect(last('graphql SluiceQueuePulls')).toMatchObject({
      status: 200,
      rateLimit: { resource: 'graphql', remaining: expect.any(Number) },
    });
    expect(last('repos/get')).toMatchObject({
      rateLimit: { resource: 'core', remaining: expect.any(Number) },
    });
  });

  it('counts every page of a listing under the operation that asked for it', async () => {
    const repo = await kit.repo();
    const { number } = await openPull(kit, repo);
    await createRepoGitHub({ octokit: kit.octokit(), owner: 'acme', repo: repo.name }).addLabels(
      number,
      ['one', 'two', 'three'],
    );
    const { facts, octokit } = observedPort(kit, repo);
    const labels = await withOperation('issues/list-labels-on-issue', () =>
      octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
        owner: 'acme',
        repo: repo.name,
        issue_number: number,
        per_page: 1,
      }),
    );
    expect(labels).toHaveLength(3);
    expect(named(facts)).toEqual([
      ['issues/list-labels-on-issue', 200],
      ['issues/list-labels-on-issue', 200],
      ['issues/list-labels-on-issue', 200],
    ]);
  });

  it('names a request outside any operation by its route, and one without an answer by no status', async () => {
    const repo = await kit.repo();
    const { facts, octokit, port } = observedPort(kit, repo);
    await octokit.rest.repos.get({ owner: 'acme', repo: repo.name });
    kit.gh.faults.add({ op: 'issues/create-comment', drop: true, times: 1 });
    expect(await port.comment(1, 'hello')).toMatchObject({ kind: 'unknown' });
    expect(named(facts)).toEqual([
      ['GET /repos/{owner}/{repo}', 200],
      ['issues/create-comment', undefined],
    ]);
  });

  it('never fails a request because the observer did', async () => {
    const repo = await kit.repo();
    const octokit = kit.octokit();
    observeRequests(octokit, () => {
      throw new Error('metrics broke');
    });
    const port = createRepoGitHub({ octokit, owner: 'acme', repo: repo.name });
    expect(await port.defaultBranch()).toBe('main');
  });
});
