import { describe, expect, it } from '@jest/globals';
import { parseConfig, type SluiceConfig } from '../../../src/config/index.js';
import type { Staging } from '../../../src/queue/types.js';
import { messageContext, stagingBranch } from '../../../src/reconcile/message-context.js';
import { aCheck } from './builders.js';

function config(yaml = ''): SluiceConfig {
  const parsed = parseConfig(yaml, { path: '.github/sluice.yml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

function aStaging(sha: string, runUrl: string): Pick<Staging, 'sha' | 'checks'> {
  return { sha, checks: [aCheck({ url: runUrl }), aCheck({ name: 'ci / lint', url: null })] };
}

/** Only what the context reads: the queue's other facts do not change its words. */
function aSnapshot(stagings: Pick<Staging, 'sha' | 'checks'>[], cfg = config()) {
  return { baseBranch: 'main', config: { ok: true as const, config: cfg }, stagings };
}

const first = aStaging('1'.repeat(40), 'https://github.com/acme/widgets/runs/1');
const second = aStaging('2'.repeat(40), 'https://github.com/acme/widgets/runs/2');

describe('the context queue messages are written with', () => {
  it('names the staging branches as the pattern CI must match', () => {
    expect(messageContext(aSnapshot([]), config()).stagingBranch).toBe('sluice/staging/main/*');
    const custom = config('queue:\n  stagingBranchPrefix: ci/merge/\n');
    expect(messageContext(aSnapshot([], custom), custom).stagingBranch).toBe('ci/merge/main/*');
    expect(messageContext(aSnapshot([]), undefined).stagingBranch).toBe('sluice/staging/main/*');
  });

  it('names one staging’s branch by its place in line', () => {
    expect(stagingBranch(config(), 'main', 2)).toBe('sluice/staging/main/2');
  });

  it('keeps each staging’s check pages apart', () => {
    const ctx = messageContext(aSnapshot([first, second]), config());
    expect(ctx.stagingCheckUrls).toEqual({
      [first.sha]: { 'ci / test': 'https://github.com/acme/widgets/runs/1' },
      [second.sha]: { 'ci / test': 'https://github.com/acme/widgets/runs/2' },
    });
    // A name alone would not say which staging's check it is.
    expect(ctx.checkUrls).toBeUndefined();
  });

  it('links checks by name while a single staging is live', () => {
    const ctx = messageContext(aSnapshot([first]), config());
    expect(ctx.checkUrls).toEqual({ 'ci / test': 'https://github.com/acme/widgets/runs/1' });
  });
});
