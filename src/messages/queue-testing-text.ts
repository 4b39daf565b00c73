import type { EntryStatus } from '../queue/describe-queue.js';
import { inlineCode, plainTitle } from './markdown.js';
import { commitLink } from './queue-links.js';
import { pullRequestList } from './queue-lists.js';
import type { QueueMessageContext } from './queue-message-types.js';
import { howToLeave } from './queue-instructions.js';
import { pausedTitle, pausedWhileTesting } from './queue-paused-text.js';
import { checkLines, nextAfterChecks } from './queue-testing-checks.js';
import { testingTitle } from './queue-testing-title.js';

type Testing = Extract<EntryStatus, { kind: 'testing' }>;
type Place = Testing['place'];

/** Title and summary for a pull request whose staging commit is being tested. */
export function describeTesting(
  status: Testing,
  ctx: QueueMessageContext,
): { title: string; summary: string } {
  const lines = checkLines(status, checkUrlsOf(status.stagingSha, ctx));
  const list = lines.length > 0 ? [`**Required checks**\n\n${lines.join('\n')}`] : [];
  // A probe never lands anyway: a paused queue changes nothing it does.
  const pause = status.place.probe ? undefined : ctx.paused;
  const parts = [
    `${whatIsTested(status, ctx)} ${howItLands(status.place)}`,
    pause ? pausedWhileTesting(pause, ctx) : '',
    bisectingText(status.place),
    ...list,
    nextAfterChecks(status, ctx),
    asOfWriting(status.place),
    howToLeave(ctx),
  ];
  const paused = pause ? `; ${pausedTitle(pause).toLowerCase()}` : '';
  return {
    title: plainTitle(`${testingTitle(status)}${paused}`),
    summary: parts.filter((part) => part !== '').join('\n\n'),
  };
}

function whatIsTested(status: Testing, ctx: QueueMessageContext): string {
  const { place } = status;
  const together =
    place.with.length > 0 ? ` together with ${pullRequestList(place.with, 10)},` : '';
  const ahead = stagingsAhead(place);
  const onto = `onto ${inlineCode(ctx.baseBranch)}${ahead === '' ? '' : ` and ${ahead}`}`;
  return (
    `Sluice is testing this pull request${together} squashed ${onto} as staging commit ` +
    `${commitLink(status.stagingSha, ctx.repoUrl)}, pushed to a branch matching ${inlineCode(ctx.stagingBranch)}.`
  );
}

/** "the staging ahead of it", "the 2 stagings ahead of it", or nothing at the front. */
function stagingsAhead(place: Place): string {
  // A failed staging waiting for judgement is out of the line-up it is counted in.
  if (place.failedWaitingForAhead) return 'the stagings ahead of it';
  const count = place.index - 1;
  if (count <= 0) return '';
  return count === 1 ? 'the staging ahead of it' : `the ${count} stagings ahead of it`;
}

/** Rewritten when its state changes, not at every landing ahead (syncCheckRuns): say so. */
function asOfWriting(place: Place): string {
  return place.of > 1 && !place.probe
    ? 'Places among the stagings are as of when this was written: the stagings ahead of it land or are rebuilt without this check run being rewritten.'
    : '';
}

function howItLands(place: Place): string {
  if (place.probe)
    return (
      'This is a **probe**: CI had idle runners, so Sluice tests pull requests further back in the queue early, on the base alone. ' +
      'A probe never lands by itself. If it passes, this pull request joins the line in a larger batch when its turn comes; ' +
      'if it fails, the culprit is found now, before it could hold up the pull requests ahead of it.'
    );
  const what =
    place.with.length > 0
      ? 'They land exactly as tested, each as its own squash commit,'
      : 'It lands exactly that commit';
  if (place.index <= 1 && !place.failedWaitingForAhead)
    return `${what} once every required check passes.`;
  return (
    `CI tests the stagings in flight side by side, each built on the one ahead of it. ${what} once every required check passes, ` +
    'right after the stagings ahead of it. If a staging ahead fails, Sluice rebuilds this one without it and tests it again.'
  );
}

function bisectingText(place: Place): string {
  if (place.bisecting === null) return '';
  const group = place.with.length > 0 ? `with ${pullRequestList(place.with, 10)}` : 'alone';
  return (
    `**Finding the culprit.** A batch of ${place.bisecting.batchSize} pull requests, this one among them, failed its required checks. ` +
    `Sluice is testing it in smaller groups to find the pull request that broke it; this pull request is tested ${group}. ` +
    'A group that passes lands; a group that fails is split again, and a pull request that fails on its own leaves the queue.'
  );
}

/** Check pages on this staging alone: another staging's check of the same name is not its own. */
function checkUrlsOf(
  stagingSha: string,
  ctx: QueueMessageContext,
): Readonly<Record<string, string>> | undefined {
  const byStaging = ctx.stagingCheckUrls;
  if (byStaging !== undefined && Object.hasOwn(byStaging, stagingSha)) return byStaging[stagingSha];
  return ctx.checkUrls;
}
