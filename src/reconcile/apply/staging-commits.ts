import type { Effect } from '../../queue/effects.js';
import type { StagingView } from '../../github/port.js';
import type { CommitInput } from '../build-memo.js';
import type { ApplyContext } from './context.js';
import { mergeMessage } from './merge-message.js';

type Build = Extract<Effect, { kind: 'build-staging' }>;

/**
 * The trees of the staging's first PRs as earlier stagings merged them onto the same commit:
 * the longest prefix known (see BuildMemo).
 */
export function knownTrees(ctx: ApplyContext, start: string, effect: Build): string[] {
  const heads = effect.prs.map((m) => m.headSha);
  const trees: string[] = [];
  for (let i = 1; i <= heads.length; i++) {
    const tree = ctx.deps.cache.builds.mergedTree(start, heads.slice(0, i));
    if (tree === undefined) break;
    trees.push(tree);
  }
  return trees;
}

/**
 * One squash commit per PR, each on the one before, for the first `trees.length` PRs. A commit
 * of the same tree, parent and message made before is that commit, so it is reused — except as
 * the staging's tip when CI already ran on it (BuildMemo).
 */
export async function chainCommits(
  ctx: ApplyContext,
  chain: { base: string; effect: Build; views: Map<number, StagingView> },
  trees: string[],
): Promise<{ number: number; commitSha: string }[]> {
  const { effect, views } = chain;
  let parent = chain.base;
  const commits: { number: number; commitSha: string }[] = [];
  for (const [i, tree] of trees.entries()) {
    const member = effect.prs[i]!;
    const message = mergeMessage(ctx.config, views.get(member.pr)!);
    const use = i === effect.prs.length - 1 ? 'tip' : 'below';
    parent = await commit(ctx, { tree, parent, message }, use);
    commits.push({ number: member.pr, commitSha: parent });
  }
  return commits;
}

/** `use`: a staging's tip is what CI tests, so it is never a commit CI already ran on. */
export async function commit(
  ctx: ApplyContext,
  input: CommitInput,
  use: 'tip' | 'below',
): Promise<string> {
  const { cache, github } = ctx.deps;
  const sha =
    cache.builds.commit(input, use) ??
    (
      await github.createCommit({
        tree: input.tree,
        parents: [input.parent],
        message: input.message,
      })
    ).sha;
  cache.builds.rememberCommit(input, sha);
  if (use === 'tip') cache.builds.rememberTip(sha);
  cache.rememberCommitMessage(sha, input.message);
  cache.rememberCommitTree(sha, input.tree);
  return sha;
}

/**
 * A probe's one commit: CI shows its subject, and the trailer names its PRs for tools. It
 * never lands, so it carries no Sluice subject or `Sluice-PR` trailer (the changelog's).
 */
export function probeMessage(ctx: ApplyContext, effect: Build): string {
  const prs = effect.prs.map((m) => `#${m.pr}`).join(', ');
  return [
    `Sluice probe: ${prs} on ${ctx.queue.base}`,
    '',
    'Tested early, beside the merge queue; this commit never lands.',
    '',
    `Sluice-Probe: ${effect.prs.map((m) => m.pr).join(', ')}`,
  ].join('\n');
}
