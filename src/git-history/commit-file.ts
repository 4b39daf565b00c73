import { runGit, tryGit } from './run-git.js';

export interface CommitFileRequest {
  repoDir: string;
  /** Path relative to `repoDir`. */
  path: string;
  message: string;
}

/**
 * The identity Actions documents for commits made by a workflow; used only when the
 * runner has none configured (a fresh checkout has none).
 */
const BOT_IDENTITY = [
  '-c',
  'user.name=github-actions[bot]',
  '-c',
  'user.email=41898282+github-actions[bot]@users.noreply.github.com',
];

/** Commits one file if it changed; returns the new commit's hash, or `undefined` if unchanged. */
export async function commitFile(request: CommitFileRequest): Promise<string | undefined> {
  const { repoDir, path } = request;
  await runGit(repoDir, ['add', '--', path]);
  const unchanged = await tryGit(repoDir, ['diff', '--cached', '--quiet', '--', path]);
  if (unchanged !== undefined) return undefined;
  // `git var` honours config and GIT_* variables alike, and fails as `commit` would.
  const hasIdentity =
    (await tryGit(repoDir, ['var', 'GIT_COMMITTER_IDENT'])) !== undefined &&
    (await tryGit(repoDir, ['var', 'GIT_AUTHOR_IDENT'])) !== undefined;
  const identity = hasIdentity ? [] : BOT_IDENTITY;
  await runGit(repoDir, [...identity, 'commit', '--quiet', '-m', request.message, '--', path]);
  return (await runGit(repoDir, ['rev-parse', 'HEAD'])).trim();
}
