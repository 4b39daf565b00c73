import type { OutboxRow } from '../../store/types.js';

/**
 * The `Sluice` check run's `external_id`: `<repo>#<pr>@<head>`, unique per PR head, so a run
 * whose create answer was lost can be found again before another is created.
 */
export function checkRunExternalId(row: Pick<OutboxRow, 'repo' | 'number' | 'headSha'>): string {
  return `${row.repo}#${row.number}@${row.headSha}`;
}

/**
 * The PR number in an `external_id` of ours: `<repo>#<pr>@<head>`, or `<repo>#<pr>` as runs
 * created before the head was part of it say. Undefined for anything else.
 */
export function pullNumberOfExternalId(externalId: string | null | undefined): number | undefined {
  const number = Number(/#(\d+)(?:@[0-9a-f]{40})?$/.exec(externalId ?? '')?.[1]);
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
