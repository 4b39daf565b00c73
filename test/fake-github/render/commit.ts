import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';
import type { ChangedFile, CommitInfo, Signature } from '../git/index.js';
import { iso, renderUser } from './basics.js';
import { renderDiffEntry } from './files.js';

/** GitHub signs nothing for us: every commit reads as unsigned, as an unsigned push does. */
export const unsignedVerification = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
} as const;

/** GitHub strips the trailing newline git keeps at the end of a message. */
export function displayMessage(message: string): string {
  return message.replace(/\n+$/, '');
}

export function renderSignature(signature: Signature): Record<string, unknown> {
  return { name: signature.name, email: signature.email, date: iso(signature.date) };
}

/** GitHub links a commit's author to the account whose email matches, else `null`. */
function linkedUser(world: World, email: string): Record<string, unknown> | null {
  const account = [...world.accounts.values()].find(
    (a) => a.email.toLowerCase() === email.toLowerCase(),
  );
  return account ? renderUser(world, account) : null;
}

export function commitUrls(
  world: World,
  repo: RepoState,
  sha: string,
): { api: string; git: string; html: string } {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  return {
    api: `${api}/commits/${sha}`,
    git: `${api}/git/commits/${sha}`,
    html: `${world.baseUrl}/${repo.fullName}/commit/${sha}`,
  };
}

/** The REST `commit` object (repos/get-commit, pulls/list-commits, compare). */
export function renderCommit(
  world: World,
  repo: RepoState,
  commit: CommitInfo,
  detail?: { files: ChangedFile[] },
): Record<string, unknown> {
  const urls = commitUrls(world, repo, commit.sha);
  const rendered: Record<string, unknown> = {
    url: urls.api,
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 24)}`,
    html_url: urls.html,
    comments_url: `${urls.api}/comments`,
    commit: {
      url: urls.git,
      author: renderSignature(commit.author),
      committer: renderSignature(commit.committer),
      message: displayMessage(commit.message),
      comment_count: 0,
      tree: {
        sha: commit.tree,
        url: `${world.apiUrl}/repos/${repo.fullName}/git/trees/${commit.tree}`,
      },
      verification: unsignedVerification,
    },
    author: linkedUser(world, commit.author.email),
    committer: linkedUser(world, commit.committer.email),
    parents: commit.parents.map((sha) => {
      const parent = commitUrls(world, repo, sha);
      return { sha, url: parent.api, html_url: parent.html };
    }),
  };
  if (!detail) return rendered;
  const additions = detail.files.reduce((n, f) => n + f.additions, 0);
  const deletions = detail.files.reduce((n, f) => n + f.deletions, 0);
  return {
    ...rendered,
    stats: { additions, deletions, total: additions + deletions },
    files: detail.files.map((file) => renderDiffEntry(world, repo, commit.sha, file)),
  };
}
