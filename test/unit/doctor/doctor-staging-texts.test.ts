import { describe, expect, it } from '@jest/globals';
import { describeProblem } from '../../../src/messages/doctor-findings.js';
import { describeNoRepair } from '../../../src/messages/doctor-remedies.js';
import { sha } from './support/builders.js';

describe('doctor: what it says about stagings in flight', () => {
  it('says what is wrong with a chain of stagings and its branches', () => {
    const texts = [
      describeProblem({
        kind: 'staging-pr-duplicated',
        base: 'main',
        stagingId: 6,
        state: 'testing',
        shared: [{ number: 12, stagingId: 9 }],
      }),
      describeProblem({
        kind: 'staging-pr-duplicated',
        base: 'main',
        stagingId: 6,
        state: 'passed',
        shared: [
          { number: 12, stagingId: 9 },
          { number: 13, stagingId: 10 },
        ],
      }),
      describeProblem({
        kind: 'staging-chain-broken',
        base: 'main',
        stagingId: 6,
        position: 1,
        state: 'testing',
        builtOn: sha('b0'),
        expected: sha('e1'),
        aheadId: null,
        behind: [7, 8],
      }),
      describeProblem({
        kind: 'orphan-staging-branch',
        branch: 'sluice/staging/main',
        sha: sha('5c'),
        origin: { kind: 'pre-batches', base: 'main' },
      }),
      describeProblem({
        kind: 'orphan-staging-branch',
        branch: 'sluice/staging/main/4',
        sha: sha('e9'),
        origin: { kind: 'position', base: 'main', position: 4 },
      }),
    ];
    expect(texts).toMatchInlineSnapshot(`
     [
       "Staging #6 (main, testing) holds #12, which staging #9 holds too: a PR is tested in one staging at a time, so the newest keeps it.",
       "Staging #6 (main, passed) holds #12 (also in staging #9), #13 (also in staging #10): a PR is tested in one staging at a time, so the newest keeps it.",
       "Staging #6 (main, position 1, testing) is built on b0b0b0b, but the base is at e1e1e1e: it moved under the chain. The stagings behind it (#7, #8) go with it.",
       "sluice/staging/main (at 5c5c5c5) is the main queue's staging branch from before batches; each staging now has its own, sluice/staging/main/1, /2, ….",
       "sluice/staging/main/4 (at e9e9e9e) is the main queue's staging branch at position 4, but nothing in flight uses it and no staging record did.",
     ]
    `);
  });

  it('leaves a broken link of the chain to the app', () => {
    expect(describeNoRepair({ kind: 'app-abandons' })).toMatch(/^the app abandons/);
  });
});
