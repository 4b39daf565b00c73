import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { GitHubReadError } from '../../../src/github/index.js';

describe('reading the repository', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  it('reads the default branch and a file at a ref; absent files and directories are undefined', async () => {
    const repo = await kit.repo({
      defaultBranch: 'trunk',
      files: { '.github/sluice.yml': 'queue:\n  label: ship\n' },
    });
    const port = kit.port(repo);
    expect(await port.defaultBranch()).toBe('trunk');
    expect(await port.readFile('.github/sluice.yml', 'trunk')).toBe('queue:\n  label: ship\n');
    expect(await port.readFile('.github/missing.yml', 'trunk')).toBeUndefined();
    expect(await port.readFile('.github', 'trunk')).toBeUndefined();
    kit.gh.assertClean();
  });

  it('reads a file from another repository of the owner, on its default branch', async () => {
    const repo = await kit.repo();
    const shared = await kit.repo({ files: { 'sluice.yml': 'shared: true\n' } });
    const port = kit.port(repo);
    expect(await port.readFileIn(shared.name, 'sluice.yml')).toBe('shared: true\n');
    expect(await port.readFileIn('.github', 'sluice.yml')).toBeUndefined();
    kit.gh.assertClean();
  });

  it('turns an unexpected read failure into a GitHubReadError naming the operation, with the cause', async () => {
    const repo = await kit.repo();
    kit.gh.faults.add({
      op: 'repos/get',
      status: 403,
      message: 'Resource not accessible by integration',
      times: 1,
    });
    const failure = await kit
      .port(repo)
      .defaultBranch()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GitHubReadError);
    expect(failure).toMatchObject({
      operation: 'repos/get',
      status: 403,
      message: 'repos/get failed (403): Resource not accessible by integration',
      cause: expect.objectContaining({ status: 403 }),
    });
    kit.gh.assertClean();
  });

  it('keeps retrying reads: a dropped connection costs a second, not an error', async () => {
    const repo = await kit.repo();
    kit.gh.faults.add({ op: 'git/get-ref', drop: true, times: 1 });
    expect(await kit.port(repo).branchSha('main')).toBe(
      await repo.git.resolveRef('refs/heads/main'),
    );
    kit.gh.assertClean();
  });
});
