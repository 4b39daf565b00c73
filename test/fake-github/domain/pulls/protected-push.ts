import type { RepoState } from '../../world/types.js';
import { GitHubError } from '../../http/github-error.js';
import { requiredChecksFor, stateOfRequired } from '../required-checks.js';

/**
 * Direct ref writes to a protected branch (git/update-ref, POST /merges) pass GitHub's
 * protection too: no force push, and the required checks must already pass on the commit
 * being pushed. PR merges are exempt: they checked the PR head instead. Messages: verify.
 */
export function assertProtectedPushAllowed(
  repo: RepoState,
  input: { ref: string; sha: string; fastForward: boolean },
): void {
  if (!input.ref.startsWith('refs/heads/')) return;
  const branch = input.ref.slice('refs/heads/'.length);
  const protection = repo.protection.get(branch);
  const required = requiredChecksFor(repo, branch);
  if (!protection && required.length === 0) return;
  if (!input.fastForward) throw new GitHubError(422, `Cannot force-push to this branch`);
  const unmet = required.find((check) => stateOfRequired(repo, input.sha, check) !== 'passing');
  if (!unmet) return;
  const state = stateOfRequired(repo, input.sha, unmet);
  const words =
    state === 'missing' ? 'is expected' : state === 'pending' ? 'is in progress' : 'is failing';
  throw new GitHubError(
    422,
    `Protected branch update failed for ${input.ref}.\n\nRequired status check "${unmet.context}" ${words}.`,
  );
}

export function assertDeletable(repo: RepoState, ref: string): void {
  if (!ref.startsWith('refs/heads/')) return;
  const branch = ref.slice('refs/heads/'.length);
  if (repo.protection.has(branch))
    throw new GitHubError(422, 'Cannot delete this protected branch');
}
