import { GitCommandError, ObjectNotFoundError } from './errors.js';
import type { GitResult, GitRunner } from './run-git.js';

/**
 * Exact ref lookup. `rev-parse` would DWIM `refs/heads/x` into `refs/heads/refs/heads/x`
 * when only the latter exists; `show-ref --verify` matches the full name only.
 */
export async function resolveRef(git: GitRunner, ref: string): Promise<string | undefined> {
  const { stdout, exitCode } = await git(['show-ref', '--verify', '--hash', '--', ref], {
    okExitCodes: [0, 1, 128],
  });
  return exitCode === 0 ? stdout.toString('utf8').trim() : undefined;
}

/** A branch name, full ref or sha, peeled to a commit; undefined when it names none. */
export async function resolveCommit(git: GitRunner, rev: string): Promise<string | undefined> {
  // A leading dash would be read as an option even after --verify.
  if (rev.startsWith('-') || rev === '') return undefined;
  const { stdout, exitCode } = await git(['rev-parse', '--verify', '-q', `${rev}^{commit}`], {
    okExitCodes: [0, 1, 128],
  });
  return exitCode === 0 ? stdout.toString('utf8').trim() : undefined;
}

export async function requireCommit(git: GitRunner, rev: string): Promise<string> {
  const sha = await resolveCommit(git, rev);
  if (sha === undefined) throw new ObjectNotFoundError(rev);
  return sha;
}

export async function isAncestor(git: GitRunner, ancestor: string, of: string): Promise<boolean> {
  const result = await mergeBaseCommand(git, ['--is-ancestor', ancestor, of]);
  return result.exitCode === 0;
}

/** Undefined for unrelated histories (git exits 1 with no output). */
export async function mergeBase(git: GitRunner, a: string, b: string): Promise<string | undefined> {
  const { stdout, exitCode } = await mergeBaseCommand(git, [a, b]);
  return exitCode === 0 ? stdout.toString('utf8').trim() : undefined;
}

/** merge-base peels tags itself; its exit 128 means a name that is not a commit. */
async function mergeBaseCommand(git: GitRunner, args: string[]): Promise<GitResult> {
  const dashed = args.find((arg) => arg.startsWith('-') && arg !== '--is-ancestor');
  if (dashed !== undefined) throw new ObjectNotFoundError(dashed);
  return git(['merge-base', ...args], { okExitCodes: [0, 1] }).catch((cause: unknown) => {
    const stderr = cause instanceof GitCommandError ? cause.stderr : '';
    const name = /Not a valid (?:commit|object) name (\S+)/.exec(stderr)?.[1];
    throw name === undefined ? cause : new ObjectNotFoundError(name, { cause });
  });
}
