import type { Caller } from '../handlers/types.js';
import type { RepoState } from '../world/types.js';
import { GitHubError } from '../http/github-error.js';

/** git's empty tree: what a ref is compared with when there is no default branch to compare with. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const WORKFLOWS = '.github/workflows/';

/**
 * GitHub refuses an App installation without the `workflows` permission any ref write that
 * would create or change a workflow file (a push, a ref update, a merge): otherwise an app
 * could grant itself whatever a workflow's token can do. People's tokens are not limited here.
 */
export function mayChangeWorkflows(caller: Caller): boolean {
  switch (caller.kind) {
    case 'installation':
      return caller.permissions.workflows === 'write';
    case 'app':
      return false;
    case 'user':
      // A user access token is an app's: it needs the installation's `workflows` too.
      return !caller.viaApp || caller.viaApp.installation?.permissions.workflows === 'write';
  }
}

/** GitHub's words (the same for `git push`, REST and GraphQL; it names the first such file). */
export function workflowsRefusal(path: string): string {
  return `refusing to allow a GitHub App to create or update workflow \`${path}\` without \`workflows\` permission`;
}

/**
 * The first workflow file whose content differs between the ref's old value and `next`; a new
 * ref is compared with the default branch, as GitHub does (so a branch created at an old commit
 * "changes" workflows that main has since changed). Deleting a ref changes nothing.
 */
export async function changedWorkflow(
  repo: RepoState,
  write: { ref: string; old: string | undefined; next: string | undefined },
): Promise<string | undefined> {
  if (write.next === undefined) return undefined;
  const from =
    write.old ??
    (await repo.git.resolveRef(`refs/heads/${await repo.git.defaultBranch()}`)) ??
    EMPTY_TREE;
  const { stdout } = await repo.git.git([
    'diff-tree',
    '-r',
    '--name-only',
    '--no-renames',
    from,
    write.next,
    '--',
    WORKFLOWS,
  ]);
  return stdout
    .toString('utf8')
    .split('\n')
    .find((line) => line.startsWith(WORKFLOWS));
}

/** The REST refusal (status: verify; 422 is what the git refs and merge operations document for refused writes). */
export async function assertMayWriteWorkflows(
  caller: Caller,
  repo: RepoState,
  write: { ref: string; old: string | undefined; next: string | undefined },
): Promise<void> {
  if (mayChangeWorkflows(caller)) return;
  const path = await changedWorkflow(repo, write);
  if (path !== undefined) throw new GitHubError(422, workflowsRefusal(path));
}
