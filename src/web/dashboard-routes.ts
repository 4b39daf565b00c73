import { isRepoName } from '../dashboard/github-links.js';

/**
 * The dashboard's URLs under `/sluice/`. Each path segment is decoded on its own, so a base
 * branch with a slash (`release/1.x`, sent as `release%2F1.x`) stays one segment.
 */
export type DashboardRoute =
  | { kind: 'index' }
  | { kind: 'stylesheet' }
  | { kind: 'sign-in' }
  | { kind: 'callback' }
  | { kind: 'sign-out' }
  | { kind: 'repo'; repo: string }
  | { kind: 'queue'; repo: string; base: string }
  | { kind: 'pause' | 'resume'; repo: string; base: string }
  | { kind: 'dequeue' | 'retry'; repo: string; base: string; entryId: number };

export type RouteMatch =
  | { kind: 'route'; route: DashboardRoute }
  /** The path is the dashboard's, the method is not: 405 with the one that is. */
  | { kind: 'wrong-method'; allow: 'GET' | 'POST' }
  /** Under `/sluice/repos/` but no page: the dashboard's own 404. */
  | { kind: 'not-found' }
  /** Not the dashboard's: health, readiness and test hooks share the prefix. */
  | { kind: 'other' };

function segments(path: string): string[] | undefined {
  try {
    return path.split('/').slice(2).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function expect(method: string, wanted: 'GET' | 'POST', route: DashboardRoute): RouteMatch {
  const same = method === wanted || (wanted === 'GET' && method === 'HEAD');
  return same ? { kind: 'route', route } : { kind: 'wrong-method', allow: wanted };
}

export function matchDashboardRoute(method: string, pathname: string): RouteMatch {
  if (!pathname.startsWith('/sluice/')) return { kind: 'other' };
  const parts = segments(pathname);
  if (!parts) return { kind: 'not-found' };
  const [first = '', ...rest] = parts;
  if (rest.length === 0) {
    if (first === '') return expect(method, 'GET', { kind: 'index' });
    if (first === 'dashboard.css') return expect(method, 'GET', { kind: 'stylesheet' });
    if (first === 'login') return expect(method, 'GET', { kind: 'sign-in' });
    if (first === 'callback') return expect(method, 'GET', { kind: 'callback' });
    if (first === 'logout') return expect(method, 'POST', { kind: 'sign-out' });
  }
  if (first !== 'repos') return { kind: 'other' };
  const [owner = '', name = '', queues, base, action, entryId, entryAction, ...extra] = rest;
  const repo = `${owner}/${name}`;
  // The same check the pages' links are built with: a name GitHub could have.
  if (!isRepoName(repo)) return { kind: 'not-found' };
  if (queues === undefined) return expect(method, 'GET', { kind: 'repo', repo });
  if (queues !== 'queues' || !base || extra.length > 0) return { kind: 'not-found' };
  if (action === undefined) return expect(method, 'GET', { kind: 'queue', repo, base });
  if ((action === 'pause' || action === 'resume') && entryId === undefined)
    return expect(method, 'POST', { kind: action, repo, base });
  if (action === 'entries' && entryId !== undefined && /^[1-9][0-9]{0,15}$/.test(entryId)) {
    if (entryAction === 'dequeue' || entryAction === 'retry')
      return expect(method, 'POST', {
        kind: entryAction,
        repo,
        base,
        entryId: Number(entryId),
      });
  }
  return { kind: 'not-found' };
}
