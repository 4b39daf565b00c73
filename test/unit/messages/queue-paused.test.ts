import { describe, expect, it } from '@jest/globals';
import { renderEntryCheckRun } from '../../../src/messages/index.js';
import type { EntryStatus } from '../../../src/queue/describe-queue.js';
import type { QueuePause } from '../../../src/queue/types.js';
import { aCheck, aContext, aPlace, aWaiting, showCheckRun, stagingSha } from './builders.js';

const frozen: QueuePause = { reason: 'Release 2.4 is being cut', by: { kind: 'config' } };
const byOperator: QueuePause = { reason: 'incident #42', by: { kind: 'operator', login: 'ops' } };

function render(status: EntryStatus, paused: QueuePause | undefined): string {
  const ctx = aContext(paused ? { paused } : {});
  return showCheckRun(renderEntryCheckRun({ pr: 12, headSha: 'a'.repeat(40), status }, ctx));
}

const passedStaging: EntryStatus = {
  kind: 'testing',
  position: 1,
  queueLength: 2,
  priority: 'normal',
  stagingSha,
  checks: { kind: 'passed', checks: [aCheck()] },
  required: ['ci / test'],
  place: aPlace(),
};

describe('the Sluice check run while the queue is paused', () => {
  it('tells a waiting pull request the queue is frozen by the config, and why, before anything else', () => {
    const hold = { kind: 'approvals' as const, have: 0, need: 1 };
    expect(render(aWaiting({ position: 2, queueLength: 3, hold }), frozen)).toMatchInlineSnapshot(`
     "[queued] Merge queue frozen: Release 2.4 is being cut
     buttons: Dequeue; annotations: 0
     --- summary
     Number 2 of 3 in the merge queue for \`main\` when this was written. \`queue.freeze.reason\` in \`.github/sluice.yml\` freezes the merge queue for \`main\`: “Release 2.4 is being cut”. Sluice starts no new tests and lands nothing until \`queue.freeze.reason\` is removed from \`.github/sluice.yml\` on the default branch. This pull request keeps its place; pull requests can still be queued and dequeued.

     It needs 1 approving review of its current head and has 0. Until then it keeps its place without holding up the pull requests behind it.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('names the operator who paused it, without pinging them', () => {
    const run = render(aWaiting(), byOperator);
    expect(run).toContain('[queued] Merge queue paused: incident #42');
    expect(run).toContain('@{zwsp}ops paused the merge queue for `main`: “incident #42”.');
    expect(run).toContain('until it is resumed');
  });

  it('tells a pull request whose staging passed that it does not land until the queue is unfrozen', () => {
    expect(render(passedStaging, frozen)).toMatchInlineSnapshot(`
     "[in_progress] Testing 5ca1ab1: all required checks passed; merge queue frozen
     buttons: Dequeue; annotations: 0
     --- summary
     Sluice is testing this pull request squashed onto \`main\` as staging commit [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000), pushed to a branch matching \`sluice/staging/main/*\`. It lands exactly that commit once every required check passes.

     **Merge queue frozen.** \`queue.freeze.reason\` in \`.github/sluice.yml\` freezes the merge queue for \`main\`: “Release 2.4 is being cut”. CI may finish testing this staging, but it does not land until \`queue.freeze.reason\` is removed from \`.github/sluice.yml\` on the default branch; then it lands if its checks passed and nothing moved under it.

     **Required checks**

     - ✅ \`ci / test\` passed

     It lands on \`main\` once the merge queue is no longer frozen.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('says nothing of a pause once the queue runs again', () => {
    const run = render(passedStaging, undefined);
    expect(run).not.toMatch(/frozen|paused/i);
    expect(run).toContain('Sluice is landing it on `main`.');
  });

  it('keeps a reason written with markdown and mentions inert', () => {
    const run = render(aWaiting(), {
      reason: '@team **stop** [here](http://x)',
      by: { kind: 'config' },
    });
    expect(run).toContain('“@{zwsp}team \\*\\*stop\\*\\* \\[here\\](http://x)”');
  });
});
