import type { GitRunner } from './run-git.js';
import type { Ref } from './types.js';

/**
 * `GET git/matching-refs/{prefix}` matches by plain string prefix (`heads/feat` finds
 * `heads/feature-1`), while for-each-ref patterns stop at slashes: filter here instead.
 */
export async function listRefs(git: GitRunner, prefix = 'refs/'): Promise<Ref[]> {
  const format = '%(refname)%00%(objectname)%00%(objecttype)';
  const { stdout } = await git(['for-each-ref', `--format=${format}`, 'refs/']);
  return stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref, sha, type] = line.split('\0');
      return { ref: ref!, sha: sha!, type: type as Ref['type'] };
    })
    .filter((ref) => ref.ref.startsWith(prefix));
}
