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

  it('is emptied by a sweep, which keeps the config and the branch policy', () => {
    const c = cache();
    c.rememberChecks('s1', [passed], 0);
    c.rememberConfig({ ok: false, errors: [] });
    c.rememberPolicy('main', { checks: ['test'], approvals: 0, unreadable: [] });
    c.clearForSweep();
    expect(c.checks('s1')).toBeUndefined();
    expect(c.config()).toEqual({ ok: false, errors: [] });
    expect(c.policy('main')).toEqual({ checks: ['test'], approvals: 0, unreadable: [] });
    c.clear();
    expect(c.config()).toBeUndefined();
    expect(c.policy('main')).toBeUndefined();
  });

  describe("a check run's own report", () => {
    const run = (id: number, state: Partial<ObservedCheck>): ObservedCheck => ({
      ...pending,
      checkRunId: id,
      ...state,
    });
    const queued = run(7, { queued: true });
    const running = run(7, {});
    const green = run(7, { state: 'completed', conclusion: 'success' });
    const held = (c: RepoCache) => c.checks('s1');

    it('updates the checks held for its commit, so they are not read again', () => {
      at.now = 0;
      const c = cache();
      c.rememberChecks('s1', [], c.checksVersion('s1'));
      c.reportCheckRun('s1', queued);
      expect(held(c)).toEqual([queued]);
      c.reportRunStarted('s1', 7);
      expect(held(c)).toEqual([running]);
      c.reportCheckRun('s1', green);
      expect(held(c)).toEqual([green]);
      // The suite's report after its runs' changes nothing.
      c.reportSuiteCompleted('s1');
      expect(held(c)).toEqual([green]);
    });

    it('never moves a run backwards when reports arrive out of order', () => {
      const c = cache();
      c.rememberChecks('s1', [], 0);
      c.reportCheckRun('s1', green);
      c.reportCheckRun('s1', queued);
      c.reportRunStarted('s1', 7);
      expect(held(c)).toEqual([green]);
    });

    it('lets a re-run replace the run it supersedes, and ignores the superseded one later', () => {
      const c = cache();
      c.rememberChecks('s1', [run(7, { state: 'completed', conclusion: 'failure' })], 0);
      const rerun = run(9, { queued: true });
      c.reportCheckRun('s1', rerun);
      expect(held(c)).toEqual([rerun]);
      c.reportCheckRun('s1', run(7, { state: 'completed', conclusion: 'failure' }));
      expect(held(c)).toEqual([rerun]);
    });

    it('keeps the other checks held and adds a new name', () => {
      const c = cache();
      const lint = { ...green, name: 'lint', checkRunId: 3 };
      c.rememberChecks('s1', [lint], 0);
      c.reportCheckRun('s1', queued);
      expect(held(c)).toEqual([lint, queued]);
    });

    it('is read afresh when nothing is held, or when the report cannot be placed', () => {
      const c = cache();
      c.reportCheckRun('s1', queued);
      expect(held(c)).toBeUndefined();
      // A read that started before the report is not kept either.
      c.rememberChecks('s1', [], 0);
      expect(held(c)).toBeUndefined();
      c.rememberChecks('s1', [queued], c.checksVersion('s1'));
      c.reportRunStarted('s1', 8);
      expect(held(c)).toBeUndefined();
      c.rememberChecks('s1', [green], c.checksVersion('s1'));
      c.reportCheckRun('s1', run(7, { state: 'completed', conclusion: 'failure' }));
      expect(held(c)).toBeUndefined();
    });

    it('a suite that completes while a run held is pending has the checks read afresh', () => {
      const c = cache();
      c.rememberChecks('s1', [running], 0);
      c.reportSuiteCompleted('s1');
      expect(held(c)).toBeUndefined();
    });

    it('drops a read in flight when a report comes in meanwhile', () => {
      const c = cache();
      c.rememberChecks('s1', [queued], 0);
      const version = c.checksVersion('s1');
      c.reportRunStarted('s1', 7);
      c.rememberChecks('s1', [queued], version);
      expect(held(c)).toEqual([running]);
    });
  });
});
