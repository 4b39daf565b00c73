import { describe, expect, it } from '@jest/globals';
import { renderEntryCheckRun } from '../../../src/messages/index.js';
import type { EntryStatus, StagingPlace } from '../../../src/queue/describe-queue.js';
import { aCheck, aContext, aPlace, showCheckRun, stagingSha } from './builders.js';

type Testing = Extract<EntryStatus, { kind: 'testing' }>;

const pending: Testing['checks'] = { kind: 'pending', waitingOn: ['ci / test'], missing: [] };
const passed: Testing['checks'] = { kind: 'passed', checks: [aCheck()] };
const failed: Testing['checks'] = {
  kind: 'failed',
  failing: [aCheck({ conclusion: 'failure', url: 'https://github.com/acme/widgets/runs/9' })],
};

function testing(checks: Testing['checks'], place: Partial<StagingPlace> = {}): Testing {
  const where = aPlace(place);
  return {
    kind: 'testing',
    position: 2,
    queueLength: 5,
    priority: 'normal',
    stagingSha,
    checks,
    required: ['ci / test'],
    place: where,
  };
}

function render(status: Testing, ctx = aContext()) {
  return renderEntryCheckRun({ pr: 7, headSha: 'a'.repeat(40), status }, ctx);
}

describe('the Sluice check run of a pull request in a staging', () => {
  it.each<[string, Testing, string, string[]]>([
    [
      'alone in the only staging in flight keeps today’s title',
      testing(pending),
      'Testing 5ca1ab1: waiting for 1 required check',
      [
        'squashed onto `main` as staging commit',
        'It lands exactly that commit once every required check passes.',
      ],
    ],
    [
      'in a batch in the only staging names the others',
      testing(pending, { with: [3] }),
      'Testing with #3: waiting for 1 required check',
      ['together with #3,', 'They land exactly as tested, each as its own squash commit'],
    ],
    [
      'alone at the front of a chain gives its place',
      testing(pending, { index: 1, of: 2 }),
      'Testing in staging 1 of 2: waiting for 1 required check',
      ['squashed onto `main` as staging commit'],
    ],
    [
      'in a batch behind another staging names both',
      testing(pending, { index: 2, of: 3, with: [12, 15] }),
      'Testing with #12 and #15 in staging 2 of 3: waiting for 1 required check',
      [
        'together with #12 and #15, squashed onto `main` and the staging ahead of it',
        'each built on the one ahead of it',
        'If a staging ahead fails, Sluice rebuilds this one without it and tests it again.',
        'CI must run on pushes to `sluice/staging/main/*`',
      ],
    ],
    [
      'in a big batch lists the first few and counts the rest',
      testing(pending, { index: 3, of: 3, with: [1, 2, 3, 4, 5, 6, 8] }),
      'Testing with #1, #2, #3 and 4 more in staging 3 of 3: waiting for 1 required check',
      ['the 2 stagings ahead of it', 'together with #1, #2, #3, #4, #5, #6 and #8,'],
    ],
    [
      'that passed behind others lands after them',
      testing(passed, { index: 2, of: 3 }),
      'Testing in staging 2 of 3: all required checks passed',
      [
        '- ✅ `ci / test` passed',
        'It lands on `main` right after the stagings ahead of it, as soon as they pass.',
      ],
    ],
    [
      'that passed in a batch at the front is landing',
      testing(passed, { with: [4] }),
      'Testing with #4: all required checks passed',
      ['Sluice is landing them on `main`.'],
    ],
    [
      'in a failed batch says it is split',
      testing(failed, { with: [4, 5] }),
      'Testing with #4 and #5: ci / test failed',
      [
        '- ❌ [`ci / test`](https://github.com/acme/widgets/runs/9) failed (`failure`)',
        'the batch is split and its halves tested apart',
      ],
    ],
    [
      'whose tree already failed is judged without CI',
      testing({ kind: 'failed', failing: [] }, { with: [4, 5] }),
      'Testing with #4 and #5: required checks failed',
      ['already failed their required checks in an earlier staging', 'without running CI again'],
    ],
    [
      'that failed behind stagings still testing waits before it is judged',
      testing(failed, { index: 1, of: 2, failedWaitingForAhead: true }),
      'Testing 5ca1ab1: ci / test failed; waiting for the stagings ahead before judging',
      [
        'squashed onto `main` and the stagings ahead of it',
        'the failure may be theirs',
        'Sluice judges it once they pass; if one of them fails instead, Sluice tests this pull request again without it.',
        'it keeps its place',
      ],
    ],
    [
      'while bisecting, in a group, names the group and the batch size',
      testing(pending, { with: [3], bisecting: { batchSize: 8 } }),
      'Bisecting a failed batch of 8: testing with #3',
      [
        '**Finding the culprit.** A batch of 8 pull requests, this one among them, failed',
        'this pull request is tested with #3.',
      ],
    ],
    [
      'while bisecting, alone behind another staging, gives its place',
      testing(pending, { index: 2, of: 2, bisecting: { batchSize: 4 } }),
      'Bisecting a failed batch of 4: testing alone in staging 2 of 2',
      ['this pull request is tested alone.'],
    ],
    [
      'while bisecting, after its half passed, clears it',
      testing(passed, { with: [3], bisecting: { batchSize: 8 } }),
      'Bisecting: this half passed',
      ['This group passed, so it did not break the batch. Sluice is landing them on `main`.'],
    ],
    [
      'while bisecting, after it failed alone, names it the culprit',
      testing(failed, { bisecting: { batchSize: 2 } }),
      'Bisecting: this half failed',
      [
        'this pull request, failing on its own, is the one that broke the batch and leaves the queue',
      ],
    ],
    [
      'while bisecting, after it failed behind stagings still testing, waits',
      testing(failed, { bisecting: { batchSize: 2 }, failedWaitingForAhead: true }),
      'Bisecting: this half failed; waiting for the stagings ahead before judging',
      ['the failure may be theirs'],
    ],
  ])('%s', (_name, status, title, parts) => {
    const run = render(status);
    expect(run.status).toBe('in_progress');
    expect(run.title).toBe(title);
    for (const part of parts) expect(run.summary).toContain(part);
  });

  it('names a few failing checks in the title and lists them all below', () => {
    const failing = ['ci / a', 'ci / b', 'ci / c', 'ci / d'].map((name) =>
      aCheck({ name, conclusion: 'failure' }),
    );
    const run = render(testing({ kind: 'failed', failing }, { index: 2, of: 2 }));
    expect(run.title).toBe('Testing in staging 2 of 2: ci / a, ci / b and 2 more failed');
    expect(run.summary).toContain('- ❌ `ci / d` failed (`failure`)');
  });

  it('links the checks of its own staging, not those of another with the same names', () => {
    const ctx = aContext({
      stagingCheckUrls: {
        ['f'.repeat(40)]: { 'ci / test': 'https://github.com/acme/widgets/runs/1' },
        [stagingSha]: { 'ci / test': 'https://github.com/acme/widgets/runs/2' },
      },
    });
    const run = render(testing(pending, { index: 2, of: 2 }), ctx);
    expect(run.summary).toContain('- [`ci / test`](https://github.com/acme/widgets/runs/2)');
    expect(run.summary).not.toContain('runs/1');
  });

  it('tells the whole story of a batch in the middle of a chain', () => {
    expect(showCheckRun(render(testing(pending, { index: 2, of: 3, with: [12, 15] }))))
      .toMatchInlineSnapshot(`
     "[in_progress] Testing with #12 and #15 in staging 2 of 3: waiting for 1 required check
     buttons: Dequeue; annotations: 0
     --- summary
     Sluice is testing this pull request together with #12 and #15, squashed onto \`main\` and the staging ahead of it as staging commit [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000), pushed to a branch matching \`sluice/staging/main/*\`. CI tests the stagings in flight side by side, each built on the one ahead of it. They land exactly as tested, each as its own squash commit, once every required check passes, right after the stagings ahead of it. If a staging ahead fails, Sluice rebuilds this one without it and tests it again.

     **Required checks**

     - \`ci / test\`

     Their live status is on the staging commit's checks. A required check that has not started within \`checks.startTimeoutMinutes\` takes the pull request out of the queue, naming the check: CI must run on pushes to \`sluice/staging/main/*\`.

     Places among the stagings are as of when this was written: the stagings ahead of it land or are rebuilt without this check run being rewritten.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });
});
