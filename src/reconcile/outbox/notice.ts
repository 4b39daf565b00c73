import { createHash } from 'node:crypto';
import { withOutcomeMarker, type CheckRunRender } from '../../messages/index.js';
import type { Json, NewOutboxRow, QueueRef } from '../../store/types.js';
import { toJson } from '../journal.js';

/** One thing Sluice tells people about a PR: a single GitHub write. */
export type Notice =
  | { kind: 'comment'; body: string }
  | { kind: 'add-labels'; labels: string[] }
  | { kind: 'remove-label'; label: string }
  /**
   * `fingerprint` names what the run says for the purpose of "is this new?" (by default the
   * whole render): a run whose fingerprint is unchanged is not written again.
   */
  | { kind: 'check-run'; render: CheckRunRender; fingerprint?: string };

/** The decision the notices come from; `key` is unique to it (`entry:12:merged`). */
export interface NoticeCause {
  pr: number;
  headSha: string;
  /** For people reading the outbox: `entry 12 merged`. */
  cause: string;
  entryId: number | null;
  key: string;
}

/** The outbox rows that tell `notices`, in order; each row's dedupe key derives from the cause's. */
export function noticeRows(queue: QueueRef, cause: NoticeCause, notices: Notice[]): NewOutboxRow[] {
  return notices.map((notice, index) => {
    const dedupeKey = `${cause.key}:${index}-${notice.kind}`;
    return {
      repo: queue.repo,
      base: queue.base,
      number: cause.pr,
      headSha: cause.headSha,
      kind: notice.kind,
      payload: payloadOf(notice, dedupeKey),
      cause: cause.cause,
      entryId: cause.entryId,
      dedupeKey,
    };
  });
}

function payloadOf(notice: Notice, dedupeKey: string): Json {
  switch (notice.kind) {
    case 'comment':
      return { body: withOutcomeMarker(notice.body, dedupeKey) };
    case 'add-labels':
      return { labels: notice.labels };
    case 'remove-label':
      return { label: notice.label };
    case 'check-run':
      return {
        render: toJson(notice.render),
        fingerprint: notice.fingerprint ?? fingerprintOf(notice.render),
      };
  }
}

/** What a check run shows, hashed: an unchanged check run is not written again. */
export function fingerprintOf(render: CheckRunRender): string {
  return createHash('sha256').update(JSON.stringify(render)).digest('hex').slice(0, 32);
}
