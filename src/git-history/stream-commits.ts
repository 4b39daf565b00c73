import { spawn } from 'node:child_process';
import type { CommitRecord } from '../changelog/index.js';
import type { CommitRange } from './read-commits.js';
import { GitError } from './run-git.js';

/**
 * The commits of a range as `git log` prints them, newest first, handed over in batches
 * (one per chunk of output) while git is still walking history, so the caller's parsing
 * overlaps git's work. git starts at once; a failure is thrown at the end of the iteration.
 */
export function streamCommits(range: CommitRange): AsyncIterable<CommitRecord[]> {
  const revisions = range.from === undefined ? range.to : `${range.from}..${range.to}`;
  // First parents only: on a branch that lands merge commits, the merge is the entry, not
  // the pull request's own work-in-progress commits. NUL separates records safely: git
  // refuses NUL bytes in commit messages.
  const args = ['log', '--first-parent', '-z', '--format=%H%n%B', revisions, '--'];
  const child = spawn('git', args, { cwd: range.repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  // Node discards the output of a child that exits before anyone listens (it resumes
  // unobserved pipes on exit); a `readable` listener keeps it until the iteration reads it.
  child.stdout.on('readable', () => undefined);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  exited.catch(() => undefined); // observed below; never an unhandled rejection meanwhile
  return {
    async *[Symbol.asyncIterator]() {
      let pending = '';
      for await (const chunk of child.stdout as AsyncIterable<string>) {
        const records = (pending + chunk).split('\0');
        pending = records.pop() ?? '';
        // A batch per chunk, not a record per step: an await per commit costs more than
        // parsing it.
        if (records.length > 0) yield records.map(toCommitRecord);
      }
      const code = await exited.catch((error: unknown) => {
        throw new GitError(args, '', { cause: error });
      });
      if (code !== 0) throw new GitError(args, stderr, { cause: `exit code ${code}` });
      if (pending !== '') yield [toCommitRecord(pending)];
    },
  };
}

function toCommitRecord(record: string): CommitRecord {
  const newline = record.indexOf('\n');
  const message = record.slice(newline + 1);
  const end = message.indexOf('\n');
  return {
    sha: record.slice(0, newline),
    subject: (end === -1 ? message : message.slice(0, end)).trim(),
    body: end === -1 ? '' : message.slice(end + 1).trim(),
  };
}
