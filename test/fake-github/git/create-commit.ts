import { GitCommandError, ObjectNotFoundError } from './errors.js';
import { signatureEnv } from './signature.js';
import type { GitRunner } from './run-git.js';
import type { Signature } from './types.js';

export type CreateCommitInput = {
  tree: string;
  parents: readonly string[];
  message: string;
  author: Signature;
  /** Defaults to the author, as `POST git/commits` does. */
  committer?: Signature;
};

/** `POST git/commits`. Identity and dates are explicit, so equal inputs give equal SHAs. */
export async function createCommit(git: GitRunner, input: CreateCommitInput): Promise<string> {
  const args = ['commit-tree', input.tree];
  for (const parent of input.parents) args.push('-p', parent);
  // -F - stores the message byte for byte; -m would append a newline.
  args.push('-F', '-');
  const env = {
    ...signatureEnv('AUTHOR', input.author),
    ...signatureEnv('COMMITTER', input.committer ?? input.author),
  };
  const { stdout } = await git(args, { input: input.message, env }).catch((cause: unknown) => {
    const bad =
      cause instanceof GitCommandError
        ? /([0-9a-f]{7,}|\S+) is not a valid/.exec(cause.stderr)?.[1]
        : undefined;
    throw bad === undefined ? cause : new ObjectNotFoundError(bad, { cause });
  });
  return stdout.toString('utf8').trim();
}
