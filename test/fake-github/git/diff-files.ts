import type { GitRunner } from './run-git.js';
import type { ChangedFile, FileStatus } from './types.js';

const DIFF_OPTIONS = ['-M', '--no-color', '--no-ext-diff', '--no-textconv'];

/**
 * The files of `compare`/`pulls/N/files`: names, blobs and statuses from `--raw -z` (exact
 * even for odd file names), counts and hunks from the patch. Both walk the same diff queue,
 * so the n-th raw record and the n-th `diff --git` section are the same file.
 */
export async function diffFiles(
  git: GitRunner,
  from: string,
  to: string,
  limit: number,
): Promise<ChangedFile[]> {
  const [raw, patch] = await Promise.all([
    git(['diff', '--raw', '-z', '--no-abbrev', ...DIFF_OPTIONS, from, to]),
    git(['diff', '--patch', ...DIFF_OPTIONS, from, to]),
  ]);
  const records = parseRaw(raw.stdout.toString('utf8'));
  const sections = splitPatch(patch.stdout.toString('utf8'));
  let cursor = 0;
  const files = records.map((record) => {
    // A type change (file <-> symlink) is printed as a deletion plus an addition.
    const count = record.status === 'changed' ? 2 : 1;
    const taken = sections.slice(cursor, cursor + count);
    cursor += count;
    return withCounts(record, taken);
  });
  if (cursor !== sections.length) {
    throw new Error(`diff ${from} ${to}: ${records.length} files but ${sections.length} patches`);
  }
  return files.slice(0, limit);
}

type RawRecord = Omit<ChangedFile, 'additions' | 'deletions' | 'changes' | 'patch'>;

function parseRaw(text: string): RawRecord[] {
  const fields = text.split('\0');
  const records: RawRecord[] = [];
  let i = 0;
  while (i < fields.length && fields[i] !== '') {
    // ":<old mode> <new mode> <old sha> <new sha> <letter>[score]"
    const [, , oldSha, newSha, letterAndScore] = fields[i]!.slice(1).split(' ');
    const status = statusOf(letterAndScore!);
    const paired = status === 'renamed' || status === 'copied';
    const first = fields[i + 1]!;
    const filename = paired ? fields[i + 2]! : first;
    records.push({
      filename,
      ...(paired ? { previousFilename: first } : {}),
      status,
      sha: status === 'removed' ? oldSha! : newSha!,
    });
    i += paired ? 3 : 2;
  }
  return records;
}

/** U (unmerged) and X (unknown) cannot come from a tree-to-tree diff: they fail closed. */
const STATUS_BY_LETTER: Record<string, FileStatus | undefined> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

function statusOf(letterAndScore: string): FileStatus {
  const status = STATUS_BY_LETTER[letterAndScore.slice(0, 1)];
  if (status === undefined) throw new Error(`Unexpected diff status ${letterAndScore}`);
  return status;
}

/** GitHub's `patch` starts at the first hunk header: no `diff --git`, index or ---/+++ lines. */
function hunksOf(section: string): string | undefined {
  const start = section.search(/^@@/m);
  return start === -1 ? undefined : section.slice(start).replace(/\n$/, '');
}

function splitPatch(text: string): string[] {
  if (text === '') return [];
  // Hunk lines start with ' ', '+', '-', '\\' or '@@', so a line-initial "diff --git" is a header.
  return text.split(/^(?=diff --git )/m);
}

function withCounts(record: RawRecord, sections: string[]): ChangedFile {
  const hunks = sections.map(hunksOf).filter((h) => h !== undefined);
  const patch = hunks.length === 0 ? undefined : hunks.join('\n');
  let additions = 0;
  let deletions = 0;
  for (const line of (patch ?? '').split('\n')) {
    if (line.startsWith('+')) additions += 1;
    else if (line.startsWith('-')) deletions += 1;
  }
  const counts = { additions, deletions, changes: additions + deletions };
  return { ...record, ...counts, ...(patch === undefined ? {} : { patch }) };
}
