import { diffFiles } from './diff-files.js';
import { NoCommonAncestorError } from './errors.js';
import { listCommits } from './list-commits.js';
import { mergeBase, requireCommit } from './revisions.js';
import type { GitRunner } from './run-git.js';
import type { Comparison, ComparisonStatus } from './types.js';

/** GitHub's caps on `GET compare/{base}...{head}`. */
export const COMPARE_COMMIT_LIMIT = 250;
export const COMPARE_FILE_LIMIT = 300;

/** Three-dot comparison: commits base..head, files merge-base..head, as GitHub computes them. */
export async function compareCommits(
  git: GitRunner,
  base: string,
  head: string,
): Promise<Comparison> {
  const [baseSha, headSha] = await Promise.all([
    requireCommit(git, base),
    requireCommit(git, head),
  ]);
  const mergeBaseSha = await mergeBase(git, baseSha, headSha);
  if (mergeBaseSha === undefined) throw new NoCommonAncestorError(base, head);
  const [aheadBy, behindBy, commits, files] = await Promise.all([
    countCommits(git, baseSha, headSha),
    countCommits(git, headSha, baseSha),
    listCommits(git, {
      head: headSha,
      base: baseSha,
      order: 'oldest-first',
      max: COMPARE_COMMIT_LIMIT,
    }),
    diffFiles(git, mergeBaseSha, headSha, COMPARE_FILE_LIMIT),
  ]);
  return {
    status: statusOf(aheadBy, behindBy),
    aheadBy,
    behindBy,
    totalCommits: aheadBy,
    baseSha,
    headSha,
    mergeBase: mergeBaseSha,
    commits: commits.slice(0, COMPARE_COMMIT_LIMIT),
    files,
  };
}

async function countCommits(git: GitRunner, from: string, to: string): Promise<number> {
  const { stdout } = await git(['rev-list', '--count', `${from}..${to}`]);
  return Number(stdout.toString('utf8').trim());
}

function statusOf(aheadBy: number, behindBy: number): ComparisonStatus {
  if (aheadBy === 0 && behindBy === 0) return 'identical';
  if (behindBy === 0) return 'ahead';
  if (aheadBy === 0) return 'behind';
  return 'diverged';
}
