import { compareBranches } from './compare-branches.js';
import { compareEntries, compareLabeled } from './compare-entries.js';
import { compareJournal } from './compare-journal.js';
import { compareStaging } from './compare-staging.js';
import type { RepoObservation } from './observation.js';
import type { Finding, Note } from './types.js';

/**
 * Everything doctor finds in one repository, as data: each finding with its severity and
 * what `--fix` would do about it (or why it will not). Pure: the observation holds every
 * fact, `observation.now` the time. Findings come in the order `--fix` applies them: entries
 * end before the staging that tested them closes, and that before its branch goes.
 */
export function compareRepo(observation: RepoObservation): { findings: Finding[]; notes: Note[] } {
  const { repo, now, queues, github } = observation;
  const view = github.kind === 'checked' ? github.view : undefined;
  const findings: Finding[] = [];
  const notes: Note[] = [];
  switch (github.kind) {
    case 'checked':
      if (!github.view.config.ok) {
        findings.push({
          repo,
          severity: 'error',
          problem: {
            kind: 'config-invalid',
            path: github.view.configPath,
            branch: github.view.defaultBranch,
            errors: github.view.config.errors,
          },
          remedy: { kind: 'none', why: { kind: 'edit-config' } },
        });
        notes.push({ kind: 'label-checks-skipped' });
      }
      break;
    case 'unchecked':
      // Without credentials the report says so once, in its header.
      findings.push(...uncheckedFindings(repo, github.why));
      break;
  }
  const entries = view ? compareEntries(repo, queues, view) : [];
  const leaving = new Set(
    entries.flatMap((f) =>
      f.remedy.kind === 'repair' && f.remedy.repair.kind === 'end-entry'
        ? [f.remedy.repair.entryId]
        : [],
    ),
  );
  const staging = compareStaging({ repo, now, queues, leaving, view });
  const journal = compareJournal(observation);
  if (journal.inProgress > 0)
    notes.push({ kind: 'journal-in-progress', count: journal.inProgress });
  findings.push(
    ...entries,
    ...(view ? compareLabeled(repo, queues, view) : []),
    ...staging.findings,
    ...(view ? compareBranches({ repo, queues, leaving, remaining: staging.remaining, view }) : []),
    ...journal.findings,
  );
  return { findings, notes };
}

function uncheckedFindings(
  repo: string,
  why: Extract<RepoObservation['github'], { kind: 'unchecked' }>['why'],
): Finding[] {
  switch (why.kind) {
    case 'no-credentials':
      return [];
    case 'not-installed':
      return [
        {
          repo,
          severity: 'error',
          problem: { kind: 'repo-not-installed' },
          remedy: { kind: 'none', why: { kind: 'install-app' } },
        },
      ];
    case 'unreadable':
      return [
        {
          repo,
          severity: 'error',
          problem: { kind: 'github-unreadable', message: why.message },
          remedy: { kind: 'none', why: { kind: 'github-failed' } },
        },
      ];
  }
}
