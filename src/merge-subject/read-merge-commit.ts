import type { SubjectReader, SubjectReading } from './subject-reading.js';
import { plainReading } from './subject-reading.js';

const GITHUB_MERGE = /^Merge pull request #(?<pr>\d+) from \S+$/;
/** homu (rust-lang's bors): the PR title is the body's first line. */
const HOMU = /^Auto merge of #(?<pr>\d+) - \S+?(?:, r=.*)?$/;
/** bors-ng: `Merge #12`, and the body says `12: Title r=reviewer a=author`. */
const BORS_NG = /^Merge #(?<pr>\d+)(?: #\d+)*$/;

/**
 * Reads merge commits whose subject names only the pull request; the title is in the body.
 * The title found there is read with the full grammar (it may be conventional or a slug).
 */
export function readMergeCommit(
  line: string,
  body: string | undefined,
  readTitle: SubjectReader,
): SubjectReading | undefined {
  if (!line.startsWith('Merge ') && !line.startsWith('Auto merge ')) return undefined;
  const github = GITHUB_MERGE.exec(line)?.groups?.pr;
  if (github !== undefined) return withTitle('github-merge', github, firstLine(body), readTitle);
  const homu = HOMU.exec(line)?.groups?.pr;
  if (homu !== undefined) return withTitle('bors', homu, firstLine(body), readTitle);
  const borsNg = BORS_NG.exec(line)?.groups?.pr;
  if (borsNg !== undefined) return withTitle('bors', borsNg, borsTitle(body, borsNg), readTitle);
  return undefined;
}

function withTitle(
  format: 'github-merge' | 'bors',
  pr: string,
  title: string,
  readTitle: SubjectReader,
): SubjectReading {
  const inner = title === '' ? undefined : readTitle(title, undefined);
  const reading = inner ?? plainReading(format, '');
  return { ...reading, format, pr: Number(pr) };
}

function firstLine(body: string | undefined): string {
  return (
    (body ?? '')
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

function borsTitle(body: string | undefined, pr: string): string {
  const line = (body ?? '').split('\n').find((candidate) => candidate.startsWith(`${pr}: `));
  return (line ?? '')
    .slice(pr.length + 2)
    .replace(/(?:\s+[ra]=\S+)+\s*$/, '')
    .trim();
}
