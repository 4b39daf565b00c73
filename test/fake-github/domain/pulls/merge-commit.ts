import type { Account, RepoState } from '../../world/types.js';
import type { PullIssue } from '../../render/pull-request.js';
import { githubCommitter } from './github-identity.js';
import { rebaseCommits } from './rebase-commits.js';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface MergeCommitInput {
  repo: RepoState;
  issue: PullIssue;
  method: MergeMethod;
  baseTip: string;
  /** The tree of merge-tree(base, head), already known to be conflict-free. */
  mergedTree: string;
  merger: Account;
  headLabel: string;
  commitTitle?: string;
  commitMessage?: string;
  date: Date;
}

/** GitHub's default squash body lists the PR's commits (`* subject`), or one commit's own body. */
async function defaultSquashBody(input: MergeCommitInput): Promise<string> {
  const commits = await input.repo.git.listCommits({
    base: input.baseTip,
    head: input.issue.pull.headSha,
    order: 'oldest-first',
  });
  const messages = commits.map((c) => c.message.replace(/\n+$/, ''));
  if (messages.length === 1) return (messages[0] ?? '').split('\n').slice(1).join('\n').trim();
  return messages.map((m) => `* ${m}`).join('\n\n');
}

function joinMessage(title: string, body: string): string {
  return body === '' ? title : `${title}\n\n${body}`;
}

/**
 * The commit(s) GitHub lands for each method, made from the current base tip (never a commit
 * CI tested): squash = one commit, parent base, author = PR author; merge = two parents,
 * author = the merger; rebase = the PR's commits replayed. The committer is always GitHub.
 * Returns the new base tip.
 */
export async function buildMergeResult(input: MergeCommitInput): Promise<string> {
  const { repo, issue, date } = input;
  const committer = { ...githubCommitter, date };
  switch (input.method) {
    case 'squash': {
      const title = input.commitTitle ?? `${issue.title} (#${issue.number})`;
      const body = input.commitMessage ?? (await defaultSquashBody(input));
      const author = { name: issue.user.name, email: issue.user.email, date };
      return repo.git.createCommit({
        tree: input.mergedTree,
        parents: [input.baseTip],
        message: joinMessage(title, body),
        author,
        committer,
      });
    }
    case 'merge': {
      const title =
        input.commitTitle ?? `Merge pull request #${issue.number} from ${input.headLabel}`;
      const message = joinMessage(title, input.commitMessage ?? issue.title);
      const author = { name: input.merger.name, email: input.merger.email, date };
      return repo.git.createCommit({
        tree: input.mergedTree,
        parents: [input.baseTip, issue.pull.headSha],
        message,
        author,
        committer,
      });
    }
    case 'rebase':
      return rebaseCommits({ repo, onto: input.baseTip, head: issue.pull.headSha, committer });
  }
}
