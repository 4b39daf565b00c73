import { parseConventionalHeader } from './conventional-header.js';
import { readGenericSubject } from './read-generic-subject.js';
import { readRevert } from './read-revert.js';
import type { SubjectReading } from './subject-reading.js';
import { plainReading } from './subject-reading.js';

/**
 * Reads a normalised PR title as Sluice put it into a subject: only a revert or a
 * conventional header has meaning there; anything else is the author's words, kept as is.
 */
export function readTitle(title: string, body: string | undefined): SubjectReading {
  const revert = readRevert(title, body, readGenericSubject);
  if (revert) return revert;
  const header = parseConventionalHeader(title);
  if (header) return { ...plainReading('template', header.description), ...header };
  return plainReading('template', title);
}

/** Reads a `{description}`: the conventional header is already gone, a revert may remain. */
export function readDescription(description: string, body: string | undefined): SubjectReading {
  return readRevert(description, body, readGenericSubject) ?? plainReading('template', description);
}
