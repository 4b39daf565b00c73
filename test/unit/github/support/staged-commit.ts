import { expect } from '@jest/globals';
import type { GitHubKit } from './github-kit.js';
import { scriptCi } from '../../../fake-github/control/ci-ops.js';
import { listRuns } from '../../../fake-github/control/ci-snapshots.js';
import type { JobScript } from '../../../fake-github/ci/types.js';
import type { RepoState } from '../../../fake-github/world/types.js';

/**
 * A fresh repository whose CI runs `jobs` on pushes to `sluice/staging/**`, and the app
 * pushing main's tip there, as the queue does: CI starts on it.
 */
export async function stagedCommit(
  kit: GitHubKit,
  jobs: JobScript[],
): Promise<{ repo: RepoState; sha: string; runId: number }> {
  const repo = await kit.repo();
  const workflow = { name: 'CI', file: '.github/workflows/ci.yml', jobs };
  scriptCi(kit.services, {
    repo,
    script: { workflows: [{ ...workflow, on: { push: ['sluice/staging/**'] } }] },
  });
  const sha = (await repo.git.resolveRef('refs/heads/main'))!;
  const pushed = await kit.port(repo).setBranch('sluice/staging/main', sha, { force: true });
  expect(pushed).toEqual({ kind: 'ok' });
  return { repo, sha, runId: listRuns(kit.services, { repo })[0]!.id };
}
