import type { DequeueReason } from '../queue/effects.js';
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import { escapeMarkdown, inlineCode, plainTitle } from './markdown.js';
import { checkLink } from './queue-links.js';
import type { QueueMessageContext } from './queue-message-types.js';
import type { OutcomeText } from './queue-outcome-text.js';
import { howToQueueAgain, permissionPhrase } from './queue-instructions.js';
import { fileListMarkdown, filesNoun } from './queue-lists.js';

type Failure = Extract<
  DequeueReason,
  { kind: 'conflict' | 'checks-failed' | 'check-missing' | 'no-checks' | 'land-failed' | 'blocked' }
>;

/** Dequeues that are failures: they fail the check run and offer Retry. */
export function describeQueueFailure(reason: Failure, ctx: QueueMessageContext): OutcomeText {
  const failure = {
    conclusion: 'failure' as const,
    headline: 'Dequeued' as const,
    retry: true,
    verdicts: [],
  };
  const again = howToQueueAgain(ctx);
  const base = inlineCode(ctx.baseBranch);
  switch (reason.kind) {
    case 'conflict':
      return {
        ...failure,
        title: plainTitle(`Dequeued: conflicts with ${ctx.baseBranch}`),
        lead: conflictText(reason.files, base),
        next: [
          `Rebase the branch onto ${base} (or merge ${base} into it), resolve the conflicts and push. ${again}`,
        ],
      };
    case 'checks-failed':
      return {
        ...failure,
        title: plainTitle(`Dequeued: ${failedChecksTitle(reason.verdicts)}`),
        lead: [
          `Required checks failed on the staging commit (this pull request squashed onto ${base}).`,
        ],
        verdicts: reason.verdicts,
        next: [howToQueueAgain(ctx, 'After pushing a fix')],
      };
    case 'check-missing':
      return {
        ...failure,
        title: plainTitle(`Dequeued: required check ${reason.check} never started`),
        lead: [
          `The required check ${checkLink(reason.check, ctx.checkUrls)} had not started on the staging commit after ${minutes(reason.waitedMinutes)}.`,
        ],
        next: [
          `This usually means CI does not run on pushes to ${inlineCode(ctx.stagingBranch)}: add that pattern to the workflow's ${inlineCode('on: push: branches')}, or stop requiring the check. ${again}`,
        ],
      };
    case 'no-checks':
      return {
        ...failure,
        title: 'Dequeued: no checks reported on the staging commit',
        lead: [
          `No check reported on the staging commit within ${minutes(reason.waitedMinutes)}, and no required checks are configured: nothing tested it, and Sluice lands nothing untested.`,
        ],
        next: [
          `Name the checks that must pass in ${inlineCode('checks.required')} of ${inlineCode(ctx.configPath)} (or require them in branch protection), and make sure CI runs on pushes to ${inlineCode(ctx.stagingBranch)}. ${again}`,
        ],
      };
    case 'land-failed':
      return {
        ...failure,
        title: plainTitle(`Dequeued: could not land on ${ctx.baseBranch}`),
        lead: [
          `Every required check passed, but Sluice could not land the tested commit on ${base}: ${escapeMarkdown(reason.reason, 500)}. Nothing was merged.`,
        ],
        next: [`${again} Sluice builds and tests it again from the current ${base}.`],
      };
    case 'blocked':
      return {
        ...failure,
        headline: 'Blocked',
        title: `Blocked after ${reason.failures} consecutive failures`,
        lead: [
          `This pull request failed in the queue ${reason.failures} times in a row, so Sluice stopped testing it. The last failure:`,
        ],
        verdicts: reason.verdicts,
        next: [
          `To unblock it, push a new commit (a new head starts the count again), or someone with ${permissionPhrase(ctx.minimumPermission)} can comment \`/sluice retry\`.`,
        ],
      };
  }
}

function conflictText(files: readonly string[], base: string): string[] {
  if (files.length === 0)
    return [
      `This pull request conflicts with ${base}, so Sluice could not build its staging commit.`,
    ];
  return [
    `This pull request conflicts with ${base} in ${filesNoun(files.length)}, so Sluice could not build its staging commit:`,
    fileListMarkdown(files),
  ];
}

function failedChecksTitle(verdicts: readonly GateVerdictSummary[]): string {
  const [only] = verdicts;
  if (verdicts.length === 1 && only !== undefined) return `${only.check} failed (${only.class})`;
  if (verdicts.length === 0) return 'required checks failed';
  const classes = [...new Set(verdicts.map((v) => v.class))].join(', ');
  return `${verdicts.length} required checks failed (${classes})`;
}

function minutes(count: number): string {
  return count === 1 ? '1 minute' : `${count} minutes`;
}
