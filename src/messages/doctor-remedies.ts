import type { FixOutcome, NoRepair, Repair } from '../doctor/types.js';
import { formatTime, prList, shortSha } from './doctor-format.js';

/** What `sluice doctor --fix` does about a finding, why it leaves one alone, and how it went. */

export function describeRepair(repair: Repair): string {
  switch (repair.kind) {
    case 'end-entry':
      return repair.state === 'merged'
        ? 'end the entry as merged'
        : `end the entry as dequeued (${repair.reason})`;
    case 'record-queue-request':
      return `record a queue request by ${repair.requestedBy} (who added the label last), for the app to act on`;
    case 'close-staging': {
      const back =
        repair.requeue.length === 0
          ? ''
          : `, and put ${prList(repair.requeue.map((r) => r.number))} back in line to be rebuilt`;
      return `mark staging #${repair.stagingId} ${repair.state}${back}`;
    }
    case 'delete-branch':
      return `delete ${repair.branch} (at ${shortSha(repair.sha)})`;
    case 'close-journal-row':
      return `close the row as ${repair.status}`;
  }
}

export function describeNoRepair(why: NoRepair): string {
  switch (why.kind) {
    case 'app-decides':
      return describeOnPush(why.onPush);
    case 'labeler-unknown':
      return 'no one added the label according to its timeline, so there is no one to queue it for: remove the label and add it again.';
    case 'edit-config':
      return 'fix the file on the default branch; Sluice reads its config only from there.';
    case 'lands-by-sha':
      return 'checks report on the commit, not the branch, so the app can still land or drop it.';
    case 'app-abandons':
      return 'the app abandons a broken link of the chain, and the stagings behind it, at its next reconcile of the queue, and builds their PRs again.';
    case 'cannot-tell':
      return 'doctor leaves the row open.';
    case 'install-app':
      return 'install the app on it, or ignore this if Sluice should no longer serve it.';
    case 'github-needed':
      return "run doctor with the app's credentials (APP_ID and PRIVATE_KEY) to look at GitHub.";
    case 'github-failed':
      return "check the app's permissions and GitHub's status, then run doctor again.";
    case 'not-sluices':
      return 'doctor deletes only branches a staging record used.';
  }
}

export function describeOutcome(outcome: FixOutcome): string {
  switch (outcome.kind) {
    case 'fixed':
      return 'fixed';
    case 'already-changed':
      return 'nothing to do: it changed since doctor looked';
    case 'queue-busy':
      return `not fixed: ${outcome.holder} holds the queue until ${formatTime(outcome.until)}; run doctor again then`;
    case 'failed':
      return `failed: ${outcome.message}`;
  }
}

function describeOnPush(onPush: 'dequeue' | 'retest' | undefined): string {
  switch (onPush) {
    case 'dequeue':
      return 'the app takes it out of the queue at its next reconcile (queue.onPush: dequeue).';
    case 'retest':
      return 'the app re-tests the new head at its next reconcile (queue.onPush: retest).';
    case undefined:
      return "what a push does is the app's decision (queue.onPush), once the config is valid.";
  }
}
