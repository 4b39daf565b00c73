import { describe, expect, it } from '@jest/globals';
import { confirmChecks } from '../../../../src/reconcile/apply/landing/confirm-checks.js';
import type { ApplyContext } from '../../../../src/reconcile/apply/context.js';
import type { Land } from '../../../../src/reconcile/apply/landing/land.js';
import { RepoCache, defaultCacheTtl } from '../../../../src/reconcile/repo-cache.js';
import { defaultSettings } from '../../../../src/reconcile/types.js';
import type { ObservedCheck } from '../../../../src/queue/types.js';

const check = (name: string, conclusion: ObservedCheck['conclusion']): ObservedCheck => ({
  name,
  source: 'check-run',
  state: conclusion === null ? 'pending' : 'completed',
  conclusion,
  url: null,
});
const passed = [check('build', 'success'), check('test', 'success')];
const rerunFailed = [check('build', 'success'), check('test', 'failure')];
const rerunning = [check('build', 'success'), check('test', null)];

const tip = 'b'.repeat(40);
const land = {
  kind: 'land',
  method: 'squash',
  stagings: [
    { id: '1', sha: 'a'.repeat(40), prs: [] },
    { id: '2', sha: tip, prs: [] },
  ],
} as unknown as Land;

function context(rest: ObservedCheck[] = passed) {
  const cache = new RepoCache(defaultCacheTtl);
  const restReads: string[] = [];
  const silent = () => undefined;
  const ctx = {
    deps: {
      cache,
      settings: defaultSettings,
      log: { debug: silent, info: silent, warn: silent, error: silent },
      github: {
        checksOn: (sha: string) => {
          restReads.push(sha);
          return Promise.resolve(rest);
        },
      },
    },
    queue: { repo: 'acme/widgets', base: 'main' },
    observation: { snapshot: { requiredChecks: ['build', 'test'] } },
  } as unknown as ApplyContext;
  return { ctx, cache, restReads };
}

describe('confirming the checks of the commit a landing moves the base to', () => {
  it('lets the landing go when the fresh read still passes every required check', async () => {
    const { ctx, cache, restReads } = context();
    expect(await confirmChecks(ctx, land, passed)).toBe(true);
    expect(restReads).toEqual([]);
    expect(cache.checks(tip)).toEqual(passed);
  });

  it('stops it when a required check was re-run since the decision, failed or still running', async () => {
    for (const fresh of [rerunFailed, rerunning]) {
      const { ctx, cache } = context();
      // What the decision was made on: the cached pass.
      cache.rememberChecks(tip, passed, 0);
      expect(await confirmChecks(ctx, land, fresh)).toBe(false);
      // The fresh answer replaces the cached one: the next decision is made on it.
      expect(cache.checks(tip)).toEqual(fresh);
    }
  });

  it('reads the tip through REST when the landing view could not hold its checks', async () => {
    const { ctx, restReads } = context(rerunFailed);
    expect(await confirmChecks(ctx, land, undefined)).toBe(false);
    expect(restReads).toEqual([tip]);
  });
});
