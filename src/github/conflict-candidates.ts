import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

interface ChangedFile {
  filename: string;
  previous_filename?: string;
}

/** A rename touches both of its paths. */
function pathsOf(files: ChangedFile[]): Set<string> {
  return new Set(
    files.flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]),
  );
}

/**
 * Paths the PR changes that base has also changed since the two diverged: where a conflict
 * can be. The PR side is `pulls/list-files` (up to 3000 files); the base side is a three-dot
 * compare from the PR head to `baseSha`, whose `files` GitHub caps at 300.
 */
export async function conflictCandidates(
  ctx: RepoContext,
  number: number,
  baseSha: string,
): Promise<string[]> {
  const where = { owner: ctx.owner, repo: ctx.repo, pull_number: number };
  const [prFiles, pull] = await Promise.all([
    readGitHub(ctx, 'pulls/list-files', () =>
      ctx.octokit.paginate(ctx.octokit.rest.pulls.listFiles, { ...where, per_page: 100 }),
    ),
    readGitHub(ctx, 'pulls/get', () => ctx.octokit.rest.pulls.get(where)),
  ]);
  const { data: comparison } = await readGitHub(ctx, 'repos/compare-commits-with-basehead', () =>
    ctx.octokit.rest.repos.compareCommitsWithBasehead({
      owner: ctx.owner,
      repo: ctx.repo,
      basehead: `${pull.data.head.sha}...${baseSha}`,
    }),
  );
  const onBase = pathsOf(comparison.files ?? []);
  return [...pathsOf(prFiles)].filter((path) => onBase.has(path)).sort();
}
