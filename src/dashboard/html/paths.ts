/**
 * The dashboard's URLs, for links and form actions, under `basePath` (`/sluice`). Each segment
 * is percent-encoded on its own, so a base branch with a slash (`release/1.x`) is one segment
 * (`release%2F1.x`), as the routes decode it.
 */
export interface QueuePathKey {
  /** `owner/name`. */
  repo: string;
  base: string;
}

const segment = (value: string | number): string => encodeURIComponent(String(value));

function repoSegments(repo: string): string {
  const slash = repo.indexOf('/');
  const owner = slash === -1 ? repo : repo.slice(0, slash);
  const name = slash === -1 ? '' : repo.slice(slash + 1);
  return `${segment(owner)}/${segment(name)}`;
}

export function indexPath(basePath: string): string {
  return `${basePath}/`;
}

export function stylesheetPath(basePath: string): string {
  return `${basePath}/dashboard.css`;
}

export function signInPath(basePath: string): string {
  return `${basePath}/login`;
}

export function signOutPath(basePath: string): string {
  return `${basePath}/logout`;
}

export function repoPath(basePath: string, repo: string): string {
  return `${basePath}/repos/${repoSegments(repo)}`;
}

export function queuePath(basePath: string, queue: QueuePathKey): string {
  return `${repoPath(basePath, queue.repo)}/queues/${segment(queue.base)}`;
}

export function queueActionPath(
  basePath: string,
  queue: QueuePathKey,
  action: 'pause' | 'resume',
): string {
  return `${queuePath(basePath, queue)}/${action}`;
}

export function entryActionPath(
  basePath: string,
  queue: QueuePathKey,
  entryId: number,
  action: 'dequeue' | 'retry',
): string {
  return `${queuePath(basePath, queue)}/entries/${segment(entryId)}/${action}`;
}
