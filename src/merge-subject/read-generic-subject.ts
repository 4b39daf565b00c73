import { parseConventionalHeader } from './conventional-header.js';
import { readMergeCommit } from './read-merge-commit.js';
import { readRevert } from './read-revert.js';
import { readBotMerge, readLegacySlug } from './read-tracker-forms.js';
import type { SubjectReading } from './subject-reading.js';
import { plainReading } from './subject-reading.js';

/**
 * Reads a subject written by anyone: strips GitHub's `(#N)` suffixes (the last one names
 * the PR that landed), then tries each known grammar, most specific first.
 */
export function readGenericSubject(line: string, body: string | undefined): SubjectReading {
  let core = line.trim();
  let pr: number | undefined;
  for (let suffix = suffixOf(core); suffix; suffix = suffixOf(core)) {
    pr ??= suffix.pr;
    core = suffix.rest;
  }
  const reading = readCore(core, body, pr !== undefined);
  // Every reader returns a fresh object: filling it in place spares a copy per commit.
  if (pr !== undefined) reading.pr = pr;
  return reading;
}

/** ` (#123)` at the end; by hand, as it runs on every subject of a release. */
function suffixOf(text: string): { pr: number; rest: string } | undefined {
  if (!text.endsWith(')')) return undefined;
  const open = text.lastIndexOf('(#');
  const digits = text.slice(open + 2, -1);
  if (open === -1 || !/^\d+$/.test(digits)) return undefined;
  return { pr: Number(digits), rest: text.slice(0, open).trimEnd() };
}

function readCore(core: string, body: string | undefined, suffixed: boolean): SubjectReading {
  // GitHub never suffixes a merge commit, so with a suffix these forms are just text.
  const merged = suffixed ? undefined : readMergeCommit(core, body, readGenericSubject);
  const found =
    readRevert(core, body, readGenericSubject) ??
    merged ??
    readBotMerge(core) ??
    readLegacySlug(core);
  if (found) return found;
  const header = parseConventionalHeader(core);
  if (!header) return plainReading(suffixed ? 'github-squash' : 'unrecognised', core);
  const reading = plainReading('conventional', header.description);
  reading.type = header.type;
  reading.scope = header.scope;
  reading.breaking = header.breaking;
  return reading;
}
