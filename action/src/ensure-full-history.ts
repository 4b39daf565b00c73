import { execFile } from 'node:child_process';
import { tryGit } from '../../src/git-history/index.js';

/** A repository whose history stops short: the range would silently miss commits. */
export class ShallowRepositoryError extends Error {
  override name = 'ShallowRepositoryError';
}

const FIX = 'Check out the whole history: `fetch-depth: 0` on actions/checkout.';

/**
 * `actions/checkout` fetches one commit and no tags by default; read as is, the range would
 * end at that commit and a release would list one entry out of many. A shallow repository is
 * deepened from its remote (`git fetch --unshallow --tags`), else the step fails with the fix.
 * Resolves `true` when it fetched.
 */
export async function ensureFullHistory(repoDir: string): Promise<boolean> {
  // Not a repository at all is the range reader's error to report, as before.
  const shallow = await tryGit(repoDir, ['rev-parse', '--is-shallow-repository']);
  if (shallow?.trim() !== 'true') return false;
  const remotes = ((await tryGit(repoDir, ['remote'])) ?? '').split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  if (remote === undefined) {
    throw new ShallowRepositoryError(
      `The repository is a shallow clone with no remote to fetch the rest of its history from, so the range would miss commits. ${FIX}`,
    );
  }
  const failure = await fetchAll(repoDir, remote);
  if (failure !== undefined) {
    throw new ShallowRepositoryError(
      `The repository is a shallow clone and \`git fetch --unshallow --tags ${remote}\` failed (${failure}), so the range would miss commits. ${FIX}`,
    );
  }
  return true;
}

/** Fetches the whole history and the tags; resolves git's last complaint when that fails. */
function fetchAll(repoDir: string, remote: string): Promise<string | undefined> {
  const args = ['fetch', '--quiet', '--unshallow', '--tags', remote];
  // No terminal on a runner: a remote asking for credentials fails instead of waiting.
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  return new Promise((resolve) => {
    execFile('git', args, { cwd: repoDir, env, encoding: 'utf8' }, (error, _stdout, stderr) => {
      if (!error) resolve(undefined);
      else resolve(lastLine(stderr) ?? error.message.split('\n')[0] ?? 'unknown error');
    });
  });
}

function lastLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .at(-1);
}
