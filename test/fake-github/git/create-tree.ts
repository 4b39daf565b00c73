import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError, ObjectNotFoundError } from './errors.js';
import { validateTreePath } from './validate-tree-path.js';
import type { GitRunner } from './run-git.js';
import type { TreeEntryInput } from './types.js';

const ZERO_SHA = '0000000000000000000000000000000000000000';

export type CreateTreeInput = { baseTree?: string; entries: readonly TreeEntryInput[] };

/**
 * `POST git/trees`: build in a throwaway index so concurrent trees never share state.
 * Works in a bare repository, where `update-index --force-remove` refuses to run
 * ("must be run in a work tree"): deletions are index-info lines with mode 0 instead.
 */
export async function createTree(
  git: GitRunner,
  gitDir: string,
  input: CreateTreeInput,
): Promise<string> {
  for (const entry of input.entries) validateTreePath(entry.path);
  const indexFile = join(gitDir, `index-${randomUUID()}.tmp`);
  const inIndex: GitRunner = (args, options) =>
    git(args, { ...options, env: { ...options?.env, GIT_INDEX_FILE: indexFile } });
  try {
    await readBase(inIndex, input.baseTree);
    await removeReplacedPaths(inIndex, input.entries);
    const lines = await Promise.all(input.entries.map((entry) => indexLine(git, entry)));
    const info = lines.filter((line) => line !== undefined).join('');
    if (info !== '') {
      await inIndex(['update-index', '-z', '--add', '--replace', '--index-info'], { input: info });
    }
    const { stdout } = await inIndex(['write-tree']).catch((cause: unknown) => {
      // "invalid object 100644 <sha> for '<path>'": update-index accepts any sha, write-tree checks.
      const stderr = cause instanceof GitCommandError ? cause.stderr : '';
      const missing = /invalid object \d+ ([0-9a-f]+)/.exec(stderr)?.[1];
      throw missing ? new ObjectNotFoundError(missing, { cause }) : cause;
    });
    return stdout.toString('utf8').trim();
  } finally {
    await rm(indexFile, { force: true });
  }
}

async function readBase(inIndex: GitRunner, baseTree: string | undefined): Promise<void> {
  if (baseTree === undefined) {
    await inIndex(['read-tree', '--empty']);
    return;
  }
  await inIndex(['read-tree', baseTree]).catch((cause) => {
    throw new ObjectNotFoundError(baseTree, { cause });
  });
}

/**
 * An index holds files only, so a mode-0 line for a directory path removes nothing: delete
 * (or replace, for a subtree entry) everything the pathspec covers first.
 */
async function removeReplacedPaths(
  inIndex: GitRunner,
  entries: readonly TreeEntryInput[],
): Promise<void> {
  const replaced = entries.filter((e) => 'sha' in e && (e.sha === null || e.mode === '040000'));
  if (replaced.length === 0) return;
  const { stdout } = await inIndex(['ls-files', '-z', '--', ...replaced.map((e) => e.path)]);
  const paths = stdout.toString('utf8').split('\0').filter(Boolean);
  if (paths.length === 0) return;
  const removal = paths.map((path) => `0 ${ZERO_SHA}\t${path}\0`).join('');
  await inIndex(['update-index', '-z', '--index-info'], { input: removal });
}

async function indexLine(git: GitRunner, entry: TreeEntryInput): Promise<string | undefined> {
  if (entry.mode === '040000') {
    const graft = 'sha' in entry ? entry.sha : null;
    return graft === null ? undefined : subtreeLines(git, { path: entry.path, sha: graft });
  }
  if ('content' in entry) {
    const { stdout } = await git(['hash-object', '-w', '--stdin'], { input: entry.content });
    return `${entry.mode} ${stdout.toString('utf8').trim()}\t${entry.path}\0`;
  }
  return entry.sha === null ? undefined : `${entry.mode} ${entry.sha}\t${entry.path}\0`;
}

/**
 * A subtree entry becomes its files: the index holds no trees, and `read-tree --prefix`
 * refuses to run in a bare repository ("must be run in a work tree").
 */
async function subtreeLines(git: GitRunner, entry: { path: string; sha: string }): Promise<string> {
  const { stdout } = await git(['ls-tree', '-r', '-z', '--full-tree', entry.sha]).catch((cause) => {
    throw new ObjectNotFoundError(entry.sha, { cause });
  });
  const files = stdout.toString('utf8').split('\0').filter(Boolean);
  // "<mode> <type> <sha>\t<path>" -> "<mode> <sha>\t<prefix>/<path>"
  return files
    .map((line) => line.replace(/^(\d+) \w+ ([0-9a-f]+)\t/, `$1 $2\t${entry.path}/`) + '\0')
    .join('');
}
