import type { JournalRow } from '../store/types.js';
import { settleMs, type RepoObservation } from './observation.js';
import { parseJournalTarget } from './parse-journal-target.js';
import { resolveJournalRow } from './resolve-journal-row.js';
import type { Finding, JournalSummary } from './types.js';

/**
 * Open journal rows: each one GitHub can settle is closed as done or failed; the rest are
 * reported, as information when nothing can tell (the ref moved on, a comment was posted or
 * not) and as a warning when only GitHub could have told. Rows younger than `settleMs` belong
 * to a call that may still be under way.
 */
export function compareJournal(observation: RepoObservation): {
  findings: Finding[];
  inProgress: number;
} {
  const { repo, now, github } = observation;
  const looked = github.kind === 'checked' ? github.view : undefined;
  const findings: Finding[] = [];
  let inProgress = 0;
  for (const row of observation.openRows) {
    if (now.getTime() - row.createdAt.getTime() < settleMs) {
      inProgress++;
      continue;
    }
    const verdict = resolveJournalRow(row, parseJournalTarget(row, repo), looked);
    const problem = { kind: 'journal-open' as const, row: summarize(row), verdict };
    switch (verdict.kind) {
      case 'done':
      case 'failed':
        findings.push({
          repo,
          severity: 'warning',
          problem,
          remedy: {
            kind: 'repair',
            repair: {
              kind: 'close-journal-row',
              rowId: row.id,
              status: verdict.kind,
              observed: verdict.observed,
            },
          },
        });
        break;
      case 'undetermined': {
        const unchecked = verdict.lookup === 'github-unchecked';
        findings.push({
          repo,
          severity: unchecked ? 'warning' : 'info',
          problem,
          remedy: { kind: 'none', why: { kind: unchecked ? 'github-needed' : 'cannot-tell' } },
        });
        break;
      }
    }
  }
  return { findings, inProgress };
}

function summarize(row: JournalRow): JournalSummary {
  const status = row.status === 'unknown' ? 'unknown' : 'pending';
  return { id: row.id, kind: row.kind, target: row.target, status, createdAt: row.createdAt };
}
