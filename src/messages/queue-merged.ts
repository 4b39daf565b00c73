import { inlineCode, plainTitle } from './markdown.js';
import { commitLink, shortSha } from './queue-links.js';
import { queueCheckRunActions } from './queue-check-run-actions.js';
import type { CheckRunRender } from './queue-message-types.js';

export interface MergedFacts {
  pr: number;
  /** The landed commit; null when the pull request was merged outside the queue. */
  stagingSha: string | null;
  baseBranch: string;
  /** The landed commit's subject; null when Sluice did not write it. */
  subject: string | null;
  repoUrl?: string;
}

/** The comment on a landed pull request: which commit, where, under which subject. */
export function renderMergedComment(facts: MergedFacts): string {
  return `${landedSentence(facts)}\n`;
}

/** The successful `Sluice` check run on a landed pull request. */
export function renderMergedCheckRun(facts: MergedFacts): CheckRunRender {
  const title =
    facts.stagingSha === null
      ? `Merged into ${facts.baseBranch} outside the queue`
      : `Landed on ${facts.baseBranch} as ${shortSha(facts.stagingSha)}`;
  return {
    status: 'completed',
    conclusion: 'success',
    title: plainTitle(title),
    summary: landedSentence(facts),
    actions: queueCheckRunActions('finished'),
    annotations: [],
  };
}

function landedSentence(facts: MergedFacts): string {
  const base = inlineCode(facts.baseBranch);
  if (facts.stagingSha === null) {
    return `This pull request was merged into ${base} outside the queue, so Sluice took it out of the queue.`;
  }
  const landed = `Landed as ${commitLink(facts.stagingSha, facts.repoUrl)} on ${base}`;
  if (facts.subject === null) return `${landed}: exactly the commit CI tested.`;
  return `${landed}: exactly the commit CI tested, with the subject ${inlineCode(facts.subject, 300)}.`;
}
