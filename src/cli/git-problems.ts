import { stat } from 'node:fs/promises';
import { tryGit, type GitError } from '../git-history/run-git.js';

/**
 * One line for a git command that failed, naming what is wrong with the repository when
 * that is the cause: git's own message for each of these is about HEAD, and the same for all.
 * Asked only after a failure, so a working run starts no extra git process.
 */
export async function describeGitFailure(repoDir: string, error: GitError): Promise<string> {
  const failed = `git ${error.args[0] ?? ''} failed`;
  const found = await stat(repoDir).catch(() => undefined);
  if (!found) return `${failed}: ${repoDir} does not exist (pass --repo DIR with a git repository)`;
  if (!found.isDirectory()) return `${failed}: ${repoDir} is not a directory`;
  if ((await tryGit(repoDir, ['rev-parse', '--git-dir'])) === undefined) {
    return `${failed}: ${repoDir} is not a git repository (run it in one, or pass --repo DIR)`;
  }
  if (
    (await tryGit(repoDir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])) === undefined
  ) {
    return `${failed}: ${repoDir} is an empty repository (no commits yet), so there is nothing to list`;
  }
  return error.message;
}

/**
 * Why `from..to` holds no commits: `to` is `from` itself, or one of its ancestors (a
 * reversed range). `undefined` when neither can be told.
 */
export async function describeEmptyRange(
  repoDir: string,
  from: string,
  to: string,
): Promise<string | undefined> {
  const output = await tryGit(repoDir, ['rev-parse', `${from}^{commit}`, `${to}^{commit}`]);
  const [fromSha, toSha] = output?.split('\n') ?? [];
  if (!fromSha || !toSha) return undefined;
  if (fromSha === toSha) {
    return `the range ${from}..${to} is empty: both are commit ${fromSha.slice(0, 7)}`;
  }
  const reversed = await tryGit(repoDir, ['merge-base', '--is-ancestor', to, from]);
  if (reversed === undefined) return undefined;
  return `the range ${from}..${to} is reversed: ${to} is an ancestor of ${from}, so it holds no commits; swap --from and --to`;
}

/** Said when no tag precedes `to`, so the range starts at the first commit. */
export async function describeMissingTag(repoDir: string, to: string): Promise<string> {
  const tags = (await tryGit(repoDir, ['tag', '--list']))?.trim();
  const why = tags ? `no tag before ${to}` : 'the repository has no tags';
  return `${why}, so the range starts at the first commit; pass --from REF to start elsewhere`;
}
