import type { EntryStatus } from '../queue/describe-queue.js';
import type { ObservedCheck } from '../queue/types.js';
import { codeLinkTo, inlineCode } from './markdown.js';
import { checkLink } from './queue-links.js';
import type { QueueMessageContext } from './queue-message-types.js';

type Testing = Extract<EntryStatus, { kind: 'testing' }>;
type CheckUrls = Readonly<Record<string, string>> | undefined;

/** The required checks as a markdown list: passed or failed ones marked, pending ones linked. */
export function checkLines(status: Testing, urls: CheckUrls): string[] {
  const verdict = status.checks;
  switch (verdict.kind) {
    case 'passed':
      return verdict.checks.map((check) => `- ✅ ${observedLink(check, urls)} passed`);
    case 'failed':
      return verdict.failing.map(
        (check) =>
          `- ❌ ${observedLink(check, urls)} ${check.conclusion === null ? 'failed' : `failed (${inlineCode(check.conclusion)})`}`,
      );
    case 'pending':
      return [...new Set(status.required)].map((name) => `- ${checkLink(name, urls)}`);
  }
}

/** What happens next, given the checks so far and where its staging stands. */
export function nextAfterChecks(status: Testing, ctx: QueueMessageContext): string {
  const { place, checks } = status;
  const base = inlineCode(ctx.baseBranch);
  switch (checks.kind) {
    case 'pending':
      return pendingNote(status.required, ctx);
    case 'passed': {
      const cleared =
        place.bisecting !== null ? 'This group passed, so it did not break the batch. ' : '';
      const landing = ctx.paused
        ? `It lands on ${base} once the merge queue is no longer ${ctx.paused.by.kind === 'config' ? 'frozen' : 'paused'}.`
        : place.index > 1
          ? `It lands on ${base} right after the stagings ahead of it, as soon as they pass.`
          : `Sluice is landing ${place.with.length > 0 ? 'them' : 'it'} on ${base}.`;
      return `${cleared}${landing}`;
    }
    case 'failed':
      return place.failedWaitingForAhead
        ? 'Its required checks failed, but the stagings ahead of it, which it is built on, are still testing: the failure may be theirs. ' +
            'Sluice judges it once they pass; if one of them fails instead, Sluice tests this pull request again without it. ' +
            'Meanwhile it keeps its place, and the stagings behind it are built without it.'
        : failedNote(status);
  }
}

/** A failed staging: what Sluice does about it, for a batch, a bisected group or one PR. */
function failedNote(status: Testing): string {
  const { place, checks } = status;
  const otherwise = consequence(place.with.length > 0, place.bisecting !== null);
  // No failing check listed: the tree already failed in an earlier staging (describeQueue).
  if (checks.kind === 'failed' && checks.failing.length === 0)
    return `The same changes already failed their required checks in an earlier staging, so Sluice judges them by that result without running CI again: ${otherwise}.`;
  return `Sluice is reading the failing logs to name the gate: it retries infrastructure failures; otherwise ${otherwise}.`;
}

function consequence(batch: boolean, bisecting: boolean): string {
  if (batch && bisecting) return 'this group is split again to narrow down the culprit';
  if (batch)
    return 'the batch is split and its halves tested apart to find the pull request that broke it';
  if (bisecting)
    return 'this pull request, failing on its own, is the one that broke the batch and leaves the queue';
  return 'the pull request leaves the queue with the failure explained';
}

/**
 * While checks run, the check run names what it waits for and links their live status, but
 * does not mirror each check's progress: Sluice re-reads checks when a suite completes or a
 * check fails, so a per-check tally would go stale between those moments.
 */
function pendingNote(required: readonly string[], ctx: QueueMessageContext): string {
  if (required.length === 0)
    return `No required checks are configured, so every check that reports on the staging commit must pass, and at least one must. Name them in ${inlineCode('checks.required')} of ${inlineCode(ctx.configPath)} or in branch protection.`;
  return `Their live status is on the staging commit's checks. A required check that has not started within ${inlineCode('checks.startTimeoutMinutes')} takes the pull request out of the queue, naming the check: CI must run on pushes to ${inlineCode(ctx.stagingBranch)}.`;
}

function observedLink(check: ObservedCheck, urls: CheckUrls): string {
  return check.url === null ? checkLink(check.name, urls) : codeLinkTo(check.name, check.url);
}
