import { describe, expect, it } from '@jest/globals';
import { matchDashboardRoute } from '../../../src/web/dashboard-routes.js';

describe('matchDashboardRoute', () => {
  it('leaves health, readiness and test hooks to their handlers', () => {
    for (const path of ['/sluice/health', '/sluice/ready', '/sluice/test/sweep', '/metrics'])
      expect(matchDashboardRoute('GET', path)).toEqual({ kind: 'other' });
  });

  it('reads a base branch with a slash as one segment', () => {
    expect(matchDashboardRoute('GET', '/sluice/repos/acme/widgets/queues/release%2F1.x')).toEqual({
      kind: 'route',
      route: { kind: 'queue', repo: 'acme/widgets', base: 'release/1.x' },
    });
  });

  it('takes actions by POST only, and says which method the page answers', () => {
    expect(matchDashboardRoute('POST', '/sluice/repos/acme/widgets/queues/main/pause')).toEqual({
      kind: 'route',
      route: { kind: 'pause', repo: 'acme/widgets', base: 'main' },
    });
    expect(matchDashboardRoute('GET', '/sluice/repos/acme/widgets/queues/main/pause')).toEqual({
      kind: 'wrong-method',
      allow: 'POST',
    });
    expect(
      matchDashboardRoute('POST', '/sluice/repos/acme/widgets/queues/main/entries/12/dequeue'),
    ).toEqual({
      kind: 'route',
      route: { kind: 'dequeue', repo: 'acme/widgets', base: 'main', entryId: 12 },
    });
    expect(matchDashboardRoute('POST', '/sluice/')).toEqual({ kind: 'wrong-method', allow: 'GET' });
  });

  it('answers its own 404 for malformed names, ids and encodings', () => {
    for (const path of [
      '/sluice/repos/acme/wid%gets',
      '/sluice/repos/..%2F..%2Fetc/x',
      '/sluice/repos/acme/widgets/queues/main/entries/0/dequeue',
      '/sluice/repos/acme/widgets/queues/main/entries/12/merge',
      '/sluice/repos/acme/widgets/elsewhere',
    ])
      expect(matchDashboardRoute('POST', path)).toEqual({ kind: 'not-found' });
  });
});
