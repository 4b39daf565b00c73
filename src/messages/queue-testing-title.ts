import type { EntryStatus } from '../queue/describe-queue.js';
import type { ObservedCheck } from '../queue/types.js';
import { clipText, toOneLine } from './markdown.js';
import { shortSha } from './queue-links.js';
import { joinAnd, pullRequestList } from './queue-lists.js';

type Testing = Extract<EntryStatus, { kind: 'testing' }>;

const waitingForAhead = 'waiting for the stagings ahead before judging';
// The title is one line: a few check names say enough, the summary lists them all.
const maxTitleChecks = 2;

/**
 * The check run's title while a staging is tested: "Testing with #12 and #15 in staging 2 of 3:
 * waiting for 2 required checks", "Bisecting: this half passed". Plain text, not markdown.
 */
export function testingTitle(status: Testing): string {
  const { place, checks } = status;
  // A probe that passed is described as waiting (describeQueue): it has nothing more to do.
  if (place.probe && place.bisecting === null) {
    const group = place.with.length > 0 ? ` with ${pullRequestList(place.with, 3)}` : '';
    return `Probing ahead of its turn${group}: ${checksState(status)}`;
  }
  if (place.bisecting !== null) {
    switch (checks.kind) {
      case 'passed':
        return 'Bisecting: this half passed';
      case 'failed':
        return `Bisecting: this half failed${place.failedWaitingForAhead ? `; ${waitingForAhead}` : ''}`;
      case 'pending': {
        const group = place.with.length > 0 ? `with ${pullRequestList(place.with, 3)}` : 'alone';
        return `Bisecting a failed batch of ${place.bisecting.batchSize}: testing ${group}${inStaging(place)}`;
      }
    }
  }
  // A failed staging waiting for those ahead is out of the line-up it is counted in.
  if (place.failedWaitingForAhead)
    return `Testing ${shortSha(status.stagingSha)}: ${checksState(status)}; ${waitingForAhead}`;
  return `${subject(place)}: ${checksState(status)}`;
}

function subject(place: Testing['place']): string {
  if (place.of === 1 && place.with.length === 0) return `Testing ${shortSha(place.stagingSha)}`;
  const group = place.with.length > 0 ? ` with ${pullRequestList(place.with, 3)}` : '';
  return `Testing${group}${inStaging(place)}`;
}

/** " in staging 2 of 3", or nothing while it is the only staging in flight. */
function inStaging(place: Testing['place']): string {
  return place.of > 1 ? ` in staging ${place.index} of ${place.of}` : '';
}

function checksState(status: Testing): string {
  const verdict = status.checks;
  switch (verdict.kind) {
    case 'passed':
      return 'all required checks passed';
    case 'failed':
      return failedChecksPhrase(verdict.failing);
    case 'pending': {
      const count = new Set(status.required).size;
      if (count === 0) return 'waiting for its checks';
      return `waiting for ${count} required ${count === 1 ? 'check' : 'checks'}`;
    }
  }
}

/** "ci / test failed", "a, b and 3 more failed"; none named: a tree that failed before. */
function failedChecksPhrase(failing: readonly ObservedCheck[]): string {
  if (failing.length === 0) return 'required checks failed';
  const names = failing.map((check) => clipText(toOneLine(check.name), 60));
  const listed =
    names.length <= maxTitleChecks + 1
      ? joinAnd(names)
      : `${names.slice(0, maxTitleChecks).join(', ')} and ${names.length - maxTitleChecks} more`;
  return `${listed} failed`;
}
