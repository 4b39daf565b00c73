import { describe, expect, it } from '@jest/globals';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import type { ObservedCheck } from '../../../src/queue/types.js';

const pending: ObservedCheck = {
  name: 'test',
  source: 'check-run',
  state: 'pending',
  conclusion: null,
  url: null,
};
const passed: ObservedCheck = { ...pending, state: 'completed', conclusion: 'success' };

describe("the cache of a staging commit's checks", () => {
  const at = { now: 0 };
  const cache = () => new RepoCache(defaultCacheTtl, () => at.now);

  it('keeps what a read found until a report about the commit, or until it expires', () => {
    at.now = 0;
    const c = cache();
    c.rememberChecks('s1', [pending], c.checksVersion('s1'));
    expect(c.checks('s1')).toEqual([pending]);
    c.forgetChecks('s1');
    expect(c.checks('s1')).toBeUndefined();
    c.rememberChecks('s1', [passed], c.checksVersion('s1'));
    at.now = defaultCacheTtl.checksMs;
    expect(c.checks('s1')).toBeUndefined();
  });

  it('drops a read that a report overtook: its answer may predate the change', () => {
    at.now = 0;
    const c = cache();
    const version = c.checksVersion('s1');
    // The read is in flight when CI reports on the commit...
    c.forgetChecks('s1');
    // ...so what it found is not kept, and the next look reads again.
    c.rememberChecks('s1', [pending], version);
    expect(c.checks('s1')).toBeUndefined();
    c.rememberChecks('s1', [passed], c.checksVersion('s1'));
    expect(c.checks('s1')).toEqual([passed]);
  });

  it('never keeps "nothing reported yet" for a commit CI already reported on', () => {
    const c = cache();
    c.forgetChecks('s2');
    c.rememberChecks('s2', [], 0);
    expect(c.checks('s2')).toBeUndefined();
  });

  it('is emptied by a sweep', () => {
    const c = cache();
    c.rememberChecks('s1', [passed], 0);
    c.clear();
    expect(c.checks('s1')).toBeUndefined();
  });
});
