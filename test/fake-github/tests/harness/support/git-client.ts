import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit } from '../../../git/run-git.js';

/** A developer's fixed identity and clock, so the SHAs a test pushes do not depend on the machine. */
const developer = {
  GIT_AUTHOR_NAME: 'Alice',
  GIT_AUTHOR_EMAIL: 'alice@example.com',
  GIT_AUTHOR_DATE: '1767603600 +0000',
  GIT_COMMITTER_NAME: 'Alice',
  GIT_COMMITTER_EMAIL: 'alice@example.com',
  GIT_COMMITTER_DATE: '1767603600 +0000',
};

export interface GitClient {
  /** Clones over smart HTTP with the token in the URL, as `x-access-token:<token>`. */
  clone(input: { baseUrl: string; repo: string; token: string }): Promise<string>;
  /** Writes the files, commits them on a new branch and pushes it; answers the commit. */
  pushBranch(input: {
    work: string;
    branch: string;
    files: Record<string, string>;
  }): Promise<string>;
  run(args: string[]): Promise<string>;
  close(): Promise<void>;
}

/** The real git CLI in a throwaway home: no user or system config can leak in. */
export async function createGitClient(): Promise<GitClient> {
  const home = await mkdtemp(join(tmpdir(), 'git-client-'));
  const run = async (args: string[]) =>
    (await runGit(args, home, { env: developer })).stdout.toString('utf8').trim();
  return {
    run,
    clone: async ({ baseUrl, repo, token }) => {
      const url = new URL(`${baseUrl}/${repo}.git`);
      url.username = 'x-access-token';
      url.password = token;
      const work = join(home, repo.replace('/', '-'));
      await run(['clone', '--quiet', url.toString(), work]);
      return work;
    },
    pushBranch: async ({ work, branch, files }) => {
      await run(['-C', work, 'switch', '--quiet', '-c', branch]);
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(work, path)), { recursive: true });
        await writeFile(join(work, path), content);
      }
      await run(['-C', work, 'add', '--all']);
      await run(['-C', work, 'commit', '--quiet', '-m', `change ${Object.keys(files).join(', ')}`]);
      await run(['-C', work, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
      return run(['-C', work, 'rev-parse', 'HEAD']);
    },
    close: () => rm(home, { recursive: true, force: true }),
  };
}
