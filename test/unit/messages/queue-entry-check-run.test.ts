import { describe, expect, it } from '@jest/globals';
import { renderEntryCheckRun } from '../../../src/messages/index.js';
import type { EntryStatus } from '../../../src/queue/describe-queue.js';
import type { ConfigError } from '../../../src/config/types.js';
import { aCheck, aContext, aPlace, aWaiting, showCheckRun, stagingSha } from './builders.js';

function render(status: EntryStatus, ctx = aContext()): string {
  return showCheckRun(renderEntryCheckRun({ pr: 12, headSha: 'a'.repeat(40), status }, ctx));
}

function testing(
  checks: Extract<EntryStatus, { kind: 'testing' }>['checks'],
  required: string[],
): EntryStatus {
  const place = aPlace();
  return {
    kind: 'testing',
    position: 1,
    queueLength: 3,
    priority: 'normal',
    stagingSha,
    checks,
    required,
    place,
  };
}

describe('the Sluice check run of a waiting pull request', () => {
  it('says it is next when nothing holds it', () => {
    expect(render(aWaiting({ position: 1, queueLength: 1 }))).toMatchInlineSnapshot(`
     "[queued] Next in the merge queue
     buttons: Dequeue; annotations: 0
     --- summary
     Number 1 of 1 in the merge queue for \`main\` when this was written. Sluice starts testing it shortly.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('gives its position when it waits for its turn', () => {
    expect(render(aWaiting({ position: 3, queueLength: 4 }))).toMatchInlineSnapshot(`
     "[queued] Queued: 3 of 4
     buttons: Dequeue; annotations: 0
     --- summary
     Number 3 of 4 in the merge queue for \`main\` when this was written. It waits for its turn: Sluice starts testing pull requests in queue order, higher priority first.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('names a priority other than normal, in the title and the summary', () => {
    const high = render(aWaiting({ position: 2, queueLength: 5, priority: 'high' }));
    expect(high).toContain('[queued] Queued: 2 of 5 (high priority)');
    expect(high).toContain('Number 2 of 5 in the merge queue for `main`, at high priority');
    const next = render(aWaiting({ priority: 'low' }));
    expect(next).toContain('Next in the merge queue');
    expect(next).toContain('at low priority when this was written');
  });

  it('says when it already passed early and waits to join a batch', () => {
    const run = render(aWaiting({ position: 5, queueLength: 9, cleared: true }));
    expect(run).toContain(
      '[queued] Tested early and passed: it lands with a batch when its turn comes',
    );
    expect(run).toContain('in a probe beside the queue or in a staging that did not land');
  });

  it('counts the approvals it has and needs', () => {
    const hold = { kind: 'approvals' as const, have: 1, need: 2 };
    expect(render(aWaiting({ position: 2, queueLength: 3, hold }))).toMatchInlineSnapshot(`
     "[queued] Waiting for approval: 1 of 2
     buttons: Dequeue; annotations: 0
     --- summary
     Number 2 of 3 in the merge queue for \`main\` when this was written. It needs 2 approving reviews of its current head and has 1. Until then it keeps its place without holding up the pull requests behind it.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('says a reviewer requested changes', () => {
    const hold = { kind: 'changes-requested' as const };
    expect(render(aWaiting({ position: 2, queueLength: 2, hold }))).toMatchInlineSnapshot(`
     "[queued] Waiting: changes requested
     buttons: Dequeue; annotations: 0
     --- summary
     Number 2 of 2 in the merge queue for \`main\` when this was written. A reviewer requested changes; Sluice tests it once that review is approved or dismissed. Until then it keeps its place without holding up the pull requests behind it.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('says a draft waits to be marked ready', () => {
    const hold = { kind: 'draft' as const };
    expect(render(aWaiting({ position: 1, queueLength: 2, hold }))).toMatchInlineSnapshot(`
     "[queued] Waiting: draft pull request
     buttons: Dequeue; annotations: 0
     --- summary
     Number 1 of 2 in the merge queue for \`main\` when this was written. It is a draft; Sluice tests it once it is marked ready for review. Until then it keeps its place without holding up the pull requests behind it.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });
});

describe('the Sluice check run of a pull request under test', () => {
  it('names the required checks it waits for, linked when known, without a per-check tally that would go stale', () => {
    const checks = {
      kind: 'pending' as const,
      waitingOn: ['ci / test', 'ci / e2e'],
      missing: ['ci / e2e'],
    };
    const ctx = aContext({ checkUrls: { 'ci / build': 'https://github.com/acme/widgets/runs/1' } });
    expect(render(testing(checks, ['ci / build', 'ci / test', 'ci / e2e']), ctx))
      .toMatchInlineSnapshot(`
     "[in_progress] Testing 5ca1ab1: waiting for 3 required checks
     buttons: Dequeue; annotations: 0
     --- summary
     Sluice is testing this pull request squashed onto \`main\` as staging commit [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000), pushed to a branch matching \`sluice/staging/main/*\`. It lands exactly that commit once every required check passes.

     **Required checks**

     - [\`ci / build\`](https://github.com/acme/widgets/runs/1)
     - \`ci / test\`
     - \`ci / e2e\`

     Their live status is on the staging commit's checks. A required check that has not started within \`checks.startTimeoutMinutes\` takes the pull request out of the queue, naming the check: CI must run on pushes to \`sluice/staging/main/*\`.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('explains that every check counts when none is required', () => {
    const checks = { kind: 'pending' as const, waitingOn: [], missing: [] };
    expect(render(testing(checks, []))).toMatchInlineSnapshot(`
     "[in_progress] Testing 5ca1ab1: waiting for its checks
     buttons: Dequeue; annotations: 0
     --- summary
     Sluice is testing this pull request squashed onto \`main\` as staging commit [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000), pushed to a branch matching \`sluice/staging/main/*\`. It lands exactly that commit once every required check passes.

     No required checks are configured, so every check that reports on the staging commit must pass, and at least one must. Name them in \`checks.required\` of \`.github/sluice.yml\` or in branch protection.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('names the failing check while the failure is classified', () => {
    const failing = [
      aCheck({
        name: 'ci / test',
        conclusion: 'timed_out',
        url: 'https://github.com/acme/widgets/runs/9',
      }),
    ];
    expect(render(testing({ kind: 'failed', failing }, ['ci / test']))).toMatchInlineSnapshot(`
     "[in_progress] Testing 5ca1ab1: ci / test failed
     buttons: Dequeue; annotations: 0
     --- summary
     Sluice is testing this pull request squashed onto \`main\` as staging commit [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000), pushed to a branch matching \`sluice/staging/main/*\`. It lands exactly that commit once every required check passes.

     **Required checks**

     - ❌ [\`ci / test\`](https://github.com/acme/widgets/runs/9) failed (\`timed_out\`)

     Sluice is reading the failing logs to name the gate: it retries infrastructure failures; otherwise the pull request leaves the queue with the failure explained.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('says it is landing once every required check passed', () => {
    const checks = [aCheck({ name: 'ci / build' }), aCheck({ name: 'ci / test' })];
    expect(render(testing({ kind: 'passed', checks }, ['ci / build', 'ci / test'])))
      .toMatchInlineSnapshot(`
     "[in_progress] Testing 5ca1ab1: all required checks passed
     buttons: Dequeue; annotations: 0
     --- summary
     Sluice is testing this pull request squashed onto \`main\` as staging commit [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000), pushed to a branch matching \`sluice/staging/main/*\`. It lands exactly that commit once every required check passes.

     **Required checks**

     - ✅ \`ci / build\` passed
     - ✅ \`ci / test\` passed

     Sluice is landing it on \`main\`.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });

  it('shows the commit without a link when the repository address is unknown', () => {
    const checks = { kind: 'pending' as const, waitingOn: ['ci / test'], missing: [] };
    const run = renderEntryCheckRun(
      { pr: 12, headSha: 'a'.repeat(40), status: testing(checks, ['ci / test']) },
      aContext({ repoUrl: undefined }),
    );
    expect(run.summary).toContain('staging commit `5ca1ab1`, pushed to');
  });
});

describe('the Sluice check run while the config is broken', () => {
  const anError: ConfigError = {
    path: '.github/sluice.yml',
    line: 4,
    column: 3,
    keyPath: 'queue.label',
    kind: 'too-small',
    message: '`queue.label` must not be blank.',
    fix: 'Write a value, or delete the line to use the default.',
  };

  it('fails and points at the config file', () => {
    expect(render({ kind: 'config-broken' })).toMatchInlineSnapshot(`
     "[completed/failure] Sluice configuration is invalid
     buttons: Dequeue; annotations: 0
     --- summary
     \`.github/sluice.yml\` on the default branch is invalid, so Sluice tests and merges nothing until it is fixed. Queued pull requests keep their places and continue once a valid config is pushed to the default branch."
    `);
  });

  it('lists the problems when they are known', () => {
    expect(render({ kind: 'config-broken' }, aContext({ configErrors: [anError] })))
      .toMatchInlineSnapshot(`
     "[completed/failure] Invalid .github/sluice.yml (1 problem)
     buttons: Dequeue; annotations: 0
     --- summary
     \`.github/sluice.yml\` on the default branch is invalid, so Sluice tests and merges nothing until it is fixed. Queued pull requests keep their places and continue once a valid config is pushed to the default branch.
     --- text
     Sluice merges nothing in this repository until its configuration on the default branch is valid again.

     ### \`.github/sluice.yml\`

     1. **Line 4, column 3:** \`queue.label\` must not be blank.
        **Fix:** Write a value, or delete the line to use the default.

     Every setting is described in the [configuration reference](https://github.com/sluice-dev/sluice/blob/main/docs/config.md).
     "
    `);
  });
});
