import type { EntryStatus } from '../queue/describe-queue.js';
import type { ObservedCheck } from '../queue/types.js';
import { codeLinkTo, inlineCode, plainTitle } from './markdown.js';
import { checkLink, commitLink, shortSha } from './queue-links.js';
import type { QueueMessageContext } from './queue-message-types.js';
import { howToLeave } from './queue-instructions.js';

type Testing = Extract<EntryStatus, { kind: 'testing' }>;

/** Title and summary for a pull request whose staging commit is being tested. */
export function describeTesting(
  status: Testing,
  ctx: QueueMessageContext,
): { title: string; summary: string } {
  const intro =
    `Sluice is testing this pull request squashed onto ${inlineCode(ctx.baseBranch)} as staging commit ` +
    `${commitLink(status.stagingSha, ctx.repoUrl)} on ${inlineCode(ctx.stagingBranch)}. ` +
    'It lands exactly that commit once every required check passes.';
  const { title, lines, after } = checksText(status, ctx);
  const list = lines.length > 0 ? [`**Required checks**\n\n${lines.join('\n')}`] : [];
  return {
    title: plainTitle(`Testing ${shortSha(status.stagingSha)}: ${title}`),
    summary: [intro, ...list, after, howToLeave(ctx)].filter((part) => part !== '').join('\n\n'),
  };
}

function checksText(
  status: Testing,
  ctx: QueueMessageContext,
): { title: string; lines: string[]; after: string } {
  const verdict = status.checks;
  switch (verdict.kind) {
    case 'passed':
      return {
        title: 'all required checks passed',
        lines: verdict.checks.map((check) => `- ✅ ${observedLink(check, ctx)} passed`),
        after: `Sluice is landing it on ${inlineCode(ctx.baseBranch)}.`,
      };
    case 'failed':
      return {
        title: `${verdict.failing.map((c) => c.name).join(', ')} failed`,
        lines: verdict.failing.map(
          (check) =>
            `- ❌ ${observedLink(check, ctx)} ${check.conclusion === null ? 'failed' : `failed (${inlineCode(check.conclusion)})`}`,
        ),
        after:
          'Sluice is reading the failing logs to name the gate; it retries infrastructure failures and dequeues the rest.',
      };
    case 'pending':
      return pendingText(status.required, verdict, ctx);
  }
}

/**
 * While checks run, the check run names what it waits for and links their live status, but
 * does not mirror each check's progress: Sluice re-reads checks when a suite completes or a
 * check fails, so a per-check tally would go stale between those moments.
 */
function pendingText(
  required: readonly string[],
  _verdict: Extract<Testing['checks'], { kind: 'pending' }>,
  ctx: QueueMessageContext,
): { title: string; lines: string[]; after: string } {
  const timeout = `A required check that has not started within ${inlineCode('checks.startTimeoutMinutes')} takes the pull request out of the queue, naming the check: CI must run on pushes to ${inlineCode(ctx.stagingBranch)}.`;
  if (required.length === 0) {
    return {
      title: 'waiting for its checks',
      lines: [],
      after: `No required checks are configured, so every check that reports on the staging commit must pass, and at least one must. Name them in ${inlineCode('checks.required')} of ${inlineCode(ctx.configPath)} or in branch protection.`,
    };
  }
  const unique = [...new Set(required)];
  return {
    title: `waiting for ${unique.length} required ${unique.length === 1 ? 'check' : 'checks'}`,
    lines: unique.map((name) => `- ${checkLink(name, ctx)}`),
    after: `Their live status is on the staging commit's checks. ${timeout}`,
  };
}

function observedLink(check: ObservedCheck, ctx: QueueMessageContext): string {
  return check.url === null ? checkLink(check.name, ctx) : codeLinkTo(check.name, check.url);
}
