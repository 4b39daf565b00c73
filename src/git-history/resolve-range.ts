import type { ReleaseTarget } from '../changelog/index.js';
import { GitError, runGit, tryGit } from './run-git.js';

export interface RangeRequest {
  repoDir: string;
  from?: string | undefined;
  to?: string | undefined;
  /** Forces the version the entries are filed under (the Action's release tag). */
  version?: string | undefined;
}

export interface ResolvedRange {
  from: string | undefined;
  to: string;
  target: ReleaseTarget;
}

/**
 * Fills in what the user left out: `to` is HEAD; `from` is the newest tag before `to`
 * (from `to`'s parent, so a tagged `to` gets the previous release); the entries belong to
 * the version `to` is tagged with, else to Unreleased.
 */
export async function resolveRange(request: RangeRequest): Promise<ResolvedRange> {
  const { repoDir } = request;
  const to = request.to ?? 'HEAD';
  // Independent questions, asked at once: each git process costs a few milliseconds.
  const [tags, from] = await Promise.all([
    request.version === undefined ? tagsAt(repoDir, to) : [request.version],
    request.from ?? previousTag(repoDir, to),
  ]);
  const version = tags[0];
  if (version === undefined) return { from, to, target: { kind: 'unreleased' } };
  // The commit date of `to`, not today's: a re-run on another day must write the same file.
  const date = (await runGit(repoDir, ['log', '-1', '--format=%cs', to, '--'])).trim();
  return { from, to, target: { kind: 'version', version, date } };
}

/**
 * The tags on `to`, highest version first; one git process both checks that `to` exists
 * and says whether it is a release.
 */
async function tagsAt(repoDir: string, to: string): Promise<string[]> {
  const args = ['for-each-ref', '--points-at', to, '--sort=-version:refname'];
  const output = await runGit(repoDir, [...args, '--format=%(refname:short)', 'refs/tags']).catch(
    (error: unknown) => {
      if (!(error instanceof GitError)) throw error;
      // Named after the command that ran; git's "malformed object name" means no such ref.
      const unknown = /malformed object name/.test(error.stderr);
      const reason = unknown ? `unknown revision '${to}'` : error.stderr;
      throw new GitError(['for-each-ref', '--points-at', to], reason, { cause: error });
    },
  );
  return output.split('\n').filter((tag) => tag !== '');
}

async function previousTag(repoDir: string, to: string): Promise<string | undefined> {
  const tag = await tryGit(repoDir, ['describe', '--tags', '--abbrev=0', `${to}^`]);
  return tag?.trim() || undefined;
}
