import type { RepoState } from '../../world/types.js';
import type { PullIssue } from '../../render/pull-request.js';
import {
  countApprovals,
  requiredApprovalsFor,
  requiredChecksFor,
  stateOfRequired,
  type CheckState,
  type RequiredCheck,
} from '../required-checks.js';

type Unmet = { check: RequiredCheck; state: Exclude<CheckState, 'passing'> };

/** What branch rules hold against merging a PR's head into its base, in the order GitHub reports them. */
export type Blocker =
  | { kind: 'behind' }
  | { kind: 'checks'; source: RequiredCheck['source']; unmet: Unmet[]; total: number }
  | { kind: 'approvals'; needed: number };

/** Strict ("require branches to be up to date") protection: the head must contain the base tip. */
async function isBehind(repo: RepoState, issue: PullIssue, baseTip: string): Promise<boolean> {
  const strict = repo.protection.get(issue.pull.baseRef)?.requiredStatusChecks?.strict ?? false;
  return strict && !(await repo.git.isAncestor(baseTip, issue.pull.headSha));
}

/** Required checks apply to the PR head sha, not to any test merge or staging commit. */
function checkBlockers(repo: RepoState, issue: PullIssue): Blocker[] {
  const required = requiredChecksFor(repo, issue.pull.baseRef);
  const blockers: Blocker[] = [];
  for (const source of ['protection', 'ruleset'] as const) {
    const checks = required.filter((c) => c.source === source);
    const unmet = checks
      .map((check) => ({ check, state: stateOfRequired(repo, issue.pull.headSha, check) }))
      .filter((u): u is Unmet => u.state !== 'passing');
    if (unmet.length > 0) blockers.push({ kind: 'checks', source, unmet, total: checks.length });
  }
  return blockers;
}

export async function findBlockers(
  repo: RepoState,
  issue: PullIssue,
  baseTip: string,
): Promise<Blocker[]> {
  const blockers: Blocker[] = [];
  if (await isBehind(repo, issue, baseTip)) blockers.push({ kind: 'behind' });
  blockers.push(...checkBlockers(repo, issue));
  const needed = requiredApprovalsFor(repo, issue.pull.baseRef);
  if (countApprovals(repo, issue.pull.reviews) < needed)
    blockers.push({ kind: 'approvals', needed });
  return blockers;
}

const stateWords: Record<Unmet['state'], string> = {
  missing: 'is expected',
  pending: 'is in progress',
  failing: 'is failing',
};

function checksSentence(blocker: Extract<Blocker, { kind: 'checks' }>): string {
  const [only] = blocker.unmet;
  if (blocker.unmet.length === 1 && only)
    return `Required status check "${only.check.context}" ${stateWords[only.state]}.`;
  const allMissing = blocker.unmet.every((u) => u.state === 'missing');
  return `${blocker.unmet.length} of ${blocker.total} required status checks ${allMissing ? 'are expected' : 'have not succeeded'}.`;
}

/** The 405 message of `PUT pulls/N/merge` for a blocker (wording partly unverified: see the report). */
export function blockerMessage(blocker: Blocker): string {
  switch (blocker.kind) {
    case 'behind':
      return 'Head branch is out of date. Review and try the merge again.';
    case 'approvals':
      return `At least ${blocker.needed} approving review${blocker.needed === 1 ? ' is' : 's are'} required by reviewers with write access.`;
    case 'checks':
      return blocker.source === 'ruleset'
        ? `Repository rule violations found\n\n${checksSentence(blocker)}\n`
        : checksSentence(blocker);
  }
}
