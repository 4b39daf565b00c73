import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';

interface Created {
  status: number;
  headers: { location?: string };
  data: { url?: string };
}

/**
 * GitHub names what a `201 Created` made in `Location`, the resource's API URL
 * (octokit/fixtures `create-status`, `labels`, `git-refs` record it): one test per create
 * the stand-in implements, each against the URL form GitHub uses for that resource.
 */
describe('every 201 create names the new resource in Location', () => {
  let world: RepoWorld;
  let base: string;
  const where = { owner: 'acme', repo: 'widgets' };
  const api = () => `${world.gh.apiUrl}/repos/acme/widgets`;

  beforeAll(async () => {
    world = await startRepoWorld({
      permissions: {
        contents: 'write',
        issues: 'write',
        pull_requests: 'write',
        checks: 'write',
        statuses: 'write',
        metadata: 'read',
      },
    });
    base = (await world.repo.git.resolveRef('refs/heads/main'))!;
  });
  afterAll(() => world.gh.close());

  function expectLocated(answer: Created, url: string) {
    expect(answer.status).toBe(201);
    expect(answer.data.url).toBe(url);
    expect(answer.headers.location).toBe(url);
    expect(world.gh.world.violations).toEqual([]);
  }

  /** A commit on a new branch `name`, made through the git data API. */
  async function branchWithFile(name: string, file: string) {
    const rest = world.app.rest.git;
    const blob = await rest.createBlob({ ...where, content: `${file}\n` });
    const tree = await rest.createTree({
      ...where,
      base_tree: base,
      tree: [{ path: file, mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    const commit = await rest.createCommit({
      ...where,
      message: `Add ${file}`,
      tree: tree.data.sha,
      parents: [base],
    });
    const ref = await rest.createRef({
      ...where,
      ref: `refs/heads/${name}`,
      sha: commit.data.sha,
    });
    return { blob, tree, commit, ref };
  }

  it('names blobs, trees, commits and refs by their git data URLs', async () => {
    const { blob, tree, commit, ref } = await branchWithFile('feature', 'a.txt');
    expectLocated(blob, `${api()}/git/blobs/${blob.data.sha}`);
    expectLocated(tree, `${api()}/git/trees/${tree.data.sha}`);
    expectLocated(commit, `${api()}/git/commits/${commit.data.sha}`);
    expectLocated(ref, `${api()}/git/refs/heads/feature`);
  });

  it('names issues, comments and labels by their issue URLs', async () => {
    const issue = await world.app.rest.issues.create({ ...where, title: 'Flaky' });
    expectLocated(issue, `${api()}/issues/${issue.data.number}`);
    const comment = await world.app.rest.issues.createComment({
      ...where,
      issue_number: issue.data.number,
      body: 'Seen again.',
    });
    expectLocated(comment, `${api()}/issues/comments/${comment.data.id}`);
    const label = await world.app.rest.issues.createLabel({
      ...where,
      name: 'needs triage',
      color: '663399',
    });
    expectLocated(label, `${api()}/labels/needs%20triage`);
  });

  it('names a pull request by its pulls URL', async () => {
    await branchWithFile('topic', 'b.txt');
    const pull = await world.app.rest.pulls.create({
      ...where,
      title: 'Topic',
      head: 'topic',
      base: 'main',
    });
    expectLocated(pull, `${api()}/pulls/${pull.data.number}`);
  });

  it('names a check run by its check-runs URL and a status by the statuses URL of its commit', async () => {
    const run = await world.app.rest.checks.create({ ...where, name: 'build', head_sha: base });
    expectLocated(run, `${api()}/check-runs/${run.data.id}`);
    const status = await world.app.rest.repos.createCommitStatus({
      ...where,
      sha: base,
      state: 'success',
      context: 'ci',
    });
    expectLocated(status, `${api()}/statuses/${base}`);
  });

  it('names a release by its releases URL and a merge commit by its commits URL', async () => {
    const release = await world.app.rest.repos.createRelease({ ...where, tag_name: 'v1.0.0' });
    expectLocated(release, `${api()}/releases/${release.data.id}`);
    await branchWithFile('side', 'c.txt');
    const merge = await world.app.rest.repos.merge({ ...where, base: 'main', head: 'side' });
    expectLocated(merge, `${api()}/commits/${merge.data.sha}`);
  });
});
