import { execFile } from 'node:child_process';

/** A git command that failed: carries the command and git's own message. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    options: { cause: unknown },
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim() || String(options.cause)}`, options);
  }
}

/** A 10,000-commit log with bodies is a few MB; leave room for much larger histories. */
const MAX_OUTPUT = 1 << 30;

/** Runs git in `repoDir` and returns its standard output. */
export function runGit(repoDir: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd: repoDir, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(args, stderr, { cause: error }));
        else resolve(stdout);
      },
    );
  });
}

/** Like `runGit`, but a non-zero exit (a ref that does not exist, no tag yet) is `undefined`. */
export async function tryGit(
  repoDir: string,
  args: readonly string[],
): Promise<string | undefined> {
  try {
    return await runGit(repoDir, args);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
