import type { CommitFacts, Person } from './port.js';
import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

export async function getCommit(ctx: RepoContext, sha: string): Promise<CommitFacts> {
  const { data } = await readGitHub(ctx, 'git/get-commit', () =>
    ctx.octokit.rest.git.getCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: sha }),
  );
  return {
    sha: data.sha,
    tree: data.tree.sha,
    parents: data.parents.map((p) => p.sha),
    message: data.message,
  };
}

/** A GitHub App's bot account: `type: Bot`, login `<slug>[bot]`. */
function isBot(account: { login?: unknown; type?: unknown } | null): boolean {
  if (account === null) return false;
  return (
    account.type === 'Bot' || (typeof account.login === 'string' && account.login.endsWith('[bot]'))
  );
}

/**
 * The git authors of the PR's commits (GitHub lists at most 250), one per email, in commit
 * order. Commits whose GitHub account is an app's bot are left out: a bot is not a co-author.
 */
export async function commitAuthors(ctx: RepoContext, number: number): Promise<Person[]> {
  const commits = await readGitHub(ctx, 'pulls/list-commits', () =>
    ctx.octokit.paginate(ctx.octokit.rest.pulls.listCommits, {
      owner: ctx.owner,
      repo: ctx.repo,
      pull_number: number,
      per_page: 100,
    }),
  );
  const people = new Map<string, Person>();
  for (const { author, commit } of commits) {
    const git = commit.author;
    if (!git?.name || !git.email || isBot(author)) continue;
    const key = git.email.toLowerCase();
    if (!people.has(key)) people.set(key, { name: git.name, email: git.email });
  }
  return [...people.values()];
}
