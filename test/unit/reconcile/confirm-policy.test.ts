import { describe, expect, it } from '@jest/globals';
import { confirmPolicy } from '../../../src/reconcile/apply/landing/confirm-policy.js';
import { loadConfigText } from '../../../src/reconcile/load-config.js';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import type { ApplyContext } from '../../../src/reconcile/apply/context.js';
import type { LandingView, RepoGitHub } from '../../../src/github/port.js';

const configText = 'checks:\n  required: [build]\n';
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined };

/** A landing decided under `build` required, confirmed against a view whose policy says `policy`. */
async function confirm(policy: LandingView['policy']) {
  const github = {} as RepoGitHub;
  const decidedConfig = await loadConfigText(github, configText, {});
  let now = 0;
  const cache = new RepoCache(defaultCacheTtl, () => now);
  const ctx = {
    deps: { github, cache, log: silent },
    queue: { repo: 'acme/widgets', base: 'main' },
    observation: {
      snapshot: { config: decidedConfig, requiredChecks: ['build'], requiredApprovals: 0 },
    },
  } as unknown as ApplyContext;
  const view = { policy, configText, orgConfigText: null } as unknown as LandingView;
  const stands = await confirmPolicy(ctx, view);
  now = defaultCacheTtl.policyMs - 1;
  return { stands, cache };
}

describe('confirming the policy right before a landing', () => {
  it('lets the decision stand under the same policy, and keeps what it read fresh', async () => {
    const policy = { checks: ['build'], approvals: 0, unreadable: [] };
    const { stands, cache } = await confirm(policy);
    expect(stands).toBe(true);
    // The next observation needs no policy or config read: they were read a moment ago.
    expect(cache.policy('main')).toEqual(policy);
    expect(cache.config()).toMatchObject({ ok: true });
  });

  it('decides again under a policy tightened since, and holds the tightened one', async () => {
    const policy = { checks: ['build', 'lint'], approvals: 0, unreadable: [] };
    const { stands, cache } = await confirm(policy);
    expect(stands).toBe(false);
    expect(cache.policy('main')).toEqual(policy);
  });
});
