import type { Scenario } from './scenario.js';

let branchCount = 0;

/** Opens a PR changing `files` (as alice, unless `author`) and returns its number and head. */
export async function openPull(
  s: Scenario,
  input: {
    files: Record<string, string>;
    title?: string;
    author?: string;
    branch?: string;
    body?: string;
  },
): Promise<{ number: number; head: string }> {
  const branch = input.branch ?? `feature/change-${++branchCount}`;
  const pr = await s.repo.openPullRequest({
    author: input.author ?? 'alice',
    branch,
    title: input.title ?? `feat: ${branch}`,
    ...(input.body ? { body: input.body } : {}),
    commits: [{ message: `change ${branch}`, files: input.files }],
  });
  return { number: pr.number, head: pr.pull.headSha };
}

/** The `Sluice` check run on a PR head (the newest, if several). */
export function sluiceRun(s: Scenario, head: string) {
  return s.repo.checkRuns(head).find((c) => c.name === 'Sluice');
}

export function commentsOn(s: Scenario, number: number): string {
  return s.repo
    .comments(number)
    .map((c) => c.body)
    .join('\n---\n');
}

export async function branchSha(s: Scenario, branch: string): Promise<string | undefined> {
  return s.repo.git.resolveRef(`refs/heads/${branch}`);
}
