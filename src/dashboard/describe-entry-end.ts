import { commitUrl, isCommitSha, sameServerUrl } from './github-links.js';
import type { HistoryItemView } from './queue-view.js';
import { arrayAt, numberAt, stringAt } from './read-json.js';

type EndFacts = Pick<HistoryItemView, 'by' | 'gateClass' | 'reason' | 'url'>;

interface Links {
  serverUrl: string;
  repo: string;
}

/** A landed entry: where it landed (the `merged` event's `staging` commit), as a link. */
export function describeLanding(detail: unknown, links: Links): EndFacts {
  const sha = stringAt(detail, 'staging');
  if (!isCommitSha(sha)) return { reason: 'Merged outside the queue', url: null };
  return {
    reason: `Landed as ${sha.slice(0, 7)}`,
    url: commitUrl(links.serverUrl, links.repo, sha),
  };
}

/**
 * Why an entry was dequeued, from its `dequeued` event (the core's `DequeueReason` as JSON).
 * A kind this code does not know still reads as a dequeue, named, never as nothing.
 */
export function describeDequeue(detail: unknown, links: Links): EndFacts {
  const kind = stringAt(detail, 'kind') ?? 'unknown';
  const minutes = numberAt(detail, 'waitedMinutes');
  const waited = minutes === undefined ? '' : ` (waited ${Math.round(minutes)} min)`;
  switch (kind) {
    case 'unlabeled':
      return { reason: 'Queue label removed' };
    case 'closed':
      return { reason: 'Pull request closed' };
    case 'command': {
      const by = stringAt(detail, 'by');
      return { reason: by ? `Dequeued by ${by}` : 'Dequeued by hand', ...(by ? { by } : {}) };
    }
    case 'head-moved':
      return { reason: 'New commits were pushed after it was queued' };
    case 'conflict':
      return { gateClass: 'conflict', reason: conflictText(arrayAt(detail, 'files')) };
    case 'empty': {
      const carriedBy = stringAt(detail, 'carriedBy');
      return {
        reason: 'Its changes are already on the base',
        url: isCommitSha(carriedBy) ? commitUrl(links.serverUrl, links.repo, carriedBy) : null,
      };
    }
    case 'checks-failed':
      return verdictFacts(detail, links, '');
    case 'blocked': {
      const failures = numberAt(detail, 'failures');
      return verdictFacts(detail, links, `Blocked after ${failures ?? 'repeated'} failures. `);
    }
    case 'check-missing':
      return {
        reason: `Required check ${stringAt(detail, 'check') ?? '?'} never started${waited}`,
      };
    case 'no-checks':
      return { reason: `No checks started on the staging commit${waited}` };
    case 'land-failed':
      return { reason: `Landing failed: ${stringAt(detail, 'reason') ?? 'no reason recorded'}` };
    default:
      return { reason: `Dequeued (${kind})` };
  }
}

/** The first failing check's verdict: its gate class, what it found and the job's page. */
function verdictFacts(detail: unknown, links: Links, lead: string): EndFacts {
  const verdict = arrayAt(detail, 'verdicts')[0];
  const check = stringAt(verdict, 'check');
  const found = stringAt(verdict, 'reason');
  const failed = check ? `${check} failed` : 'Required checks failed';
  return {
    gateClass: stringAt(verdict, 'class') ?? null,
    reason: `${lead}${failed}${found ? `: ${found}` : ''}`,
    url: sameServerUrl(links.serverUrl, stringAt(verdict, 'url')),
  };
}

function conflictText(files: unknown[]): string {
  const names = files.filter((f): f is string => typeof f === 'string');
  if (names.length === 0) return 'Conflicts with the base';
  const shown = names.slice(0, 3).join(', ');
  return `Conflicts in ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}
