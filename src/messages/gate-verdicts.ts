import { describeGateClass } from '../gates/index.js';
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import { githubLimits, joinBlocksWithin } from './queue-github-limits.js';
import { codeLinkTo, escapeMarkdown, fencedBlock, inlineCode, linkTo } from './markdown.js';

// The classifier keeps a few lines around the deciding one; more is a wall nobody reads.
const maxContextLines = 12;
const maxReasonLength = 500;

/**
 * The verdict for each failing check — gate class, why, the evidence from the log and the
 * command that fixes it — as markdown shared by the dequeue comment and the check run text.
 * Verdicts that would pass `limit` are left out whole, with a marker saying how many.
 */
export function renderGateVerdicts(
  verdicts: readonly GateVerdictSummary[],
  options: { limit?: number } = {},
): string {
  return joinBlocksWithin(verdicts.map(renderGateVerdict), {
    limit: options.limit ?? githubLimits.checkRunOutput,
    omitted: (count) =>
      `_… and ${count} more failing ${count === 1 ? 'check' : 'checks'}, left out to stay within GitHub's size limit. Each check's own page has its log._`,
  });
}

/** One failing check, as one block so a size cut never splits its fenced evidence. */
function renderGateVerdict(verdict: GateVerdictSummary): string {
  const heading = `#### ${codeLinkTo(verdict.check, verdict.url)}: ${describeGateClass(verdict.class)} (${inlineCode(verdict.class)} gate)`;
  const paragraphs = [heading, whereAndWhy(verdict)];
  if (verdict.context.length > 0) {
    paragraphs.push(evidenceLead(verdict), fencedBlock(verdict.context.slice(0, maxContextLines)));
  }
  paragraphs.push(fixSentence(verdict));
  return paragraphs.join('\n\n');
}

function whereAndWhy(verdict: GateVerdictSummary): string {
  const place = [
    verdict.job === null ? null : `job ${inlineCode(verdict.job)}`,
    verdict.step === null ? null : `step ${inlineCode(verdict.step)}`,
  ].filter((part): part is string => part !== null);
  const where = place.length > 0 ? `In ${place.join(', ')}: ` : '';
  const confidence = `(confidence ${Math.round(verdict.confidence * 100)}%)`;
  return `${where}${escapeMarkdown(verdict.reason, maxReasonLength)} ${confidence}`;
}

function evidenceLead(verdict: GateVerdictSummary): string {
  const matched =
    verdict.signature === null ? 'The log' : `Matched ${inlineCode(verdict.signature)}`;
  const at = verdict.line === null ? '' : ` at line ${verdict.line} of the log`;
  return `${matched}${at}:`;
}

function fixSentence(verdict: GateVerdictSummary): string {
  const fix = verdict.fix === undefined ? undefined : inlineCode(verdict.fix);
  switch (verdict.class) {
    case 'fmt':
    case 'lint':
      // Formatters and `--fix` linters rewrite the files themselves.
      return fix === undefined
        ? '**Fix:** run the formatter or linter from the step above locally, commit the result and push.'
        : `**Fix:** run ${fix} locally, commit the result and push.`;
    case 'build':
    case 'test':
      return fix === undefined
        ? '**Fix:** reproduce it locally with the command from the step above, fix it and push.'
        : `**Fix:** reproduce it locally with ${fix}, fix it and push.`;
    case 'conflict':
      return '**Fix:** rebase onto the base branch (or merge it in), resolve the conflicts and push.';
    case 'infra':
      return '**Fix:** nothing in the code; someone who may queue can run it again with `/sluice retry`.';
    case 'unknown':
      return `**Fix:** Sluice could not tell which gate failed; read ${linkTo('the check’s log', verdict.url)}.`;
  }
}
