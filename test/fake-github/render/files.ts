import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';
import type { ChangedFile } from '../git/index.js';

/** Path segments are escaped one by one: GitHub's file URLs keep the `/` between them. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** One `diff-entry` (pulls/list-files, compare, repos/get-commit), with URLs at the head commit. */
export function renderDiffEntry(
  world: World,
  repo: RepoState,
  headSha: string,
  file: ChangedFile,
): Record<string, unknown> {
  const path = encodePath(file.filename);
  const html = `${world.baseUrl}/${repo.fullName}`;
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${html}/blob/${headSha}/${path}`,
    raw_url: `${html}/raw/${headSha}/${path}`,
    contents_url: `${world.apiUrl}/repos/${repo.fullName}/contents/${path}?ref=${headSha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
  };
}
