import { describe, expect, it } from '@jest/globals';
import { renderDequeuedCheckRun, renderDequeuedComment } from '../../../src/messages/index.js';
import type { DequeueReason } from '../../../src/queue/effects.js';
import { aContext, aVerdict, readable, showCheckRun } from './builders.js';

function comment(reason: DequeueReason): string {
  return readable(renderDequeuedComment(reason, aContext()) ?? '(no comment)');
}

const testVerdict = aVerdict({
  check: 'ci / test',
  class: 'test',
  reason: 'cargo test reported 1 failing test.',
  job: 'test',
  step: 'Run cargo test',
  signature: 'cargo-test/failed',
  line: 1203,
  context: [
    'test parser::tests::empty ... FAILED',
    "thread 'parser::tests::empty' panicked at src/parser.rs:88:5:",
    'assertion failed: out.is_empty()',
  ],
  fix: 'cargo test',
  annotations: [
    {
      path: 'src/parser.rs',
      line: 88,
      message: 'assertion failed: out.is_empty()',
      tool: 'cargo-test',
    },
  ],
});

describe('the comment on a pull request that left the queue', () => {
  it('is not written when the timeline already shows the label removal or the close', () => {
    expect(renderDequeuedComment({ kind: 'unlabeled' }, aContext())).toBeNull();
    expect(renderDequeuedComment({ kind: 'closed' }, aContext())).toBeNull();
  });

  it('names who dequeued it without notifying them', () => {
    expect(comment({ kind: 'command', by: 'bob' })).toMatchInlineSnapshot(`
     "**Left the merge queue.** @{zwsp}bob dequeued it.

     To queue it again, add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('says the head moved and how to queue the new one', () => {
    expect(comment({ kind: 'head-moved', from: 'a'.repeat(40), to: 'b'.repeat(40) }))
      .toMatchInlineSnapshot(`
     "**Left the merge queue.** Its head moved from [\`aaaaaaa\`](https://github.com/acme/widgets/commit/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) to [\`bbbbbbb\`](https://github.com/acme/widgets/commit/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) after it was queued, and Sluice only lands the commit that was queued and approved.

     To test the new head, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('lists the conflicting files', () => {
    expect(comment({ kind: 'conflict', files: ['src/lib.rs', 'Cargo.lock'] }))
      .toMatchInlineSnapshot(`
     "**Dequeued.** This pull request conflicts with \`main\` in these 2 files, so Sluice could not build its staging commit:

     - \`src/lib.rs\`
     - \`Cargo.lock\`

     Rebase the branch onto \`main\` (or merge \`main\` into it), resolve the conflicts and push. To queue it again, add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('caps a long list of conflicting files with how many more there are', () => {
    const files = Array.from({ length: 23 }, (_, i) => `src/module-${i + 1}.ts`);
    const text = comment({ kind: 'conflict', files });
    expect(text).toContain('- `src/module-20.ts`\n- and 3 more');
    expect(text).not.toContain('module-21');
  });

  it('shows each failing check with its gate, evidence and fix', () => {
    expect(comment({ kind: 'checks-failed', verdicts: [aVerdict(), testVerdict] }))
      .toMatchInlineSnapshot(`
     "**Dequeued.** Required checks failed on the staging commit (this pull request squashed onto \`main\`).

     #### [\`ci / fmt\`](https://github.com/acme/widgets/runs/11): a formatter would rewrite the code (\`fmt\` gate)

     In job \`fmt\`, step \`Run cargo fmt --check\`: rustfmt reported code it would reformat. (confidence 95%)

     Matched \`rustfmt/diff-in\` at line 42 of the log:

     \`\`\`text
     Diff in /home/runner/work/widgets/src/lib.rs at line 3:
     -fn main(){
     +fn main() {
     \`\`\`

     **Fix:** run \`cargo fmt\` locally, commit the result and push.

     #### [\`ci / test\`](https://github.com/acme/widgets/runs/11): tests failed (\`test\` gate)

     In job \`test\`, step \`Run cargo test\`: cargo test reported 1 failing test. (confidence 95%)

     Matched \`cargo-test/failed\` at line 1203 of the log:

     \`\`\`text
     test parser::tests::empty ... FAILED
     thread 'parser::tests::empty' panicked at src/parser.rs:88:5:
     assertion failed: out.is_empty()
     \`\`\`

     **Fix:** reproduce it locally with \`cargo test\`, fix it and push.

     After pushing a fix, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('names the required check that never started and how long Sluice waited', () => {
    expect(comment({ kind: 'check-missing', check: 'ci / e2e', waitedMinutes: 30 }))
      .toMatchInlineSnapshot(`
     "**Dequeued.** The required check \`ci / e2e\` had not started on the staging commit after 30 minutes.

     This usually means CI does not run on pushes to \`sluice/staging/main/*\`: add that pattern to the workflow's \`on: push: branches\`, or stop requiring the check. To queue it again, add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('asks for checks.required when no check reported at all', () => {
    expect(comment({ kind: 'no-checks', waitedMinutes: 30 })).toMatchInlineSnapshot(`
     "**Dequeued.** No check reported on the staging commit within 30 minutes, and no required checks are configured: nothing tested it, and Sluice lands nothing untested.

     Name the checks that must pass in \`checks.required\` of \`.github/sluice.yml\` (or require them in branch protection), and make sure CI runs on pushes to \`sluice/staging/main/*\`. To queue it again, add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('gives the reason landing failed', () => {
    expect(comment({ kind: 'land-failed', reason: 'main moved while landing (expected b0b0b0b)' }))
      .toMatchInlineSnapshot(`
     "**Dequeued.** Every required check passed, but Sluice could not land the tested commit on \`main\`: main moved while landing (expected b0b0b0b). Nothing was merged.

     To queue it again, add the \`merge-queue\` label or comment \`/sluice queue\`. Sluice builds and tests it again from the current \`main\`.
     "
    `);
  });

  it('says how to unblock a pull request blocked after repeated failures', () => {
    expect(comment({ kind: 'blocked', failures: 3, verdicts: [testVerdict] }))
      .toMatchInlineSnapshot(`
     "**Blocked.** This pull request failed in the queue 3 times in a row, so Sluice stopped testing it. The last failure:

     #### [\`ci / test\`](https://github.com/acme/widgets/runs/11): tests failed (\`test\` gate)

     In job \`test\`, step \`Run cargo test\`: cargo test reported 1 failing test. (confidence 95%)

     Matched \`cargo-test/failed\` at line 1203 of the log:

     \`\`\`text
     test parser::tests::empty ... FAILED
     thread 'parser::tests::empty' panicked at src/parser.rs:88:5:
     assertion failed: out.is_empty()
     \`\`\`

     **Fix:** reproduce it locally with \`cargo test\`, fix it and push.

     To unblock it, push a new commit (a new head starts the count again), or someone with write permission or higher can comment \`/sluice retry\`.
     "
    `);
  });
});

describe('the Sluice check run of a pull request that left the queue', () => {
  it('fails with the verdicts as text, the tools’ findings as annotations and a Retry button', () => {
    const run = renderDequeuedCheckRun(
      { kind: 'checks-failed', verdicts: [aVerdict(), testVerdict] },
      aContext(),
    );
    expect(showCheckRun(run)).toMatchInlineSnapshot(`
     "[completed/failure] Dequeued: 2 required checks failed (fmt, test)
     buttons: Retry; annotations: 2
     --- summary
     Required checks failed on the staging commit (this pull request squashed onto \`main\`).

     After pushing a fix, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     --- text
     #### [\`ci / fmt\`](https://github.com/acme/widgets/runs/11): a formatter would rewrite the code (\`fmt\` gate)

     In job \`fmt\`, step \`Run cargo fmt --check\`: rustfmt reported code it would reformat. (confidence 95%)

     Matched \`rustfmt/diff-in\` at line 42 of the log:

     \`\`\`text
     Diff in /home/runner/work/widgets/src/lib.rs at line 3:
     -fn main(){
     +fn main() {
     \`\`\`

     **Fix:** run \`cargo fmt\` locally, commit the result and push.

     #### [\`ci / test\`](https://github.com/acme/widgets/runs/11): tests failed (\`test\` gate)

     In job \`test\`, step \`Run cargo test\`: cargo test reported 1 failing test. (confidence 95%)

     Matched \`cargo-test/failed\` at line 1203 of the log:

     \`\`\`text
     test parser::tests::empty ... FAILED
     thread 'parser::tests::empty' panicked at src/parser.rs:88:5:
     assertion failed: out.is_empty()
     \`\`\`

     **Fix:** reproduce it locally with \`cargo test\`, fix it and push."
    `);
    expect(run.annotations).toMatchInlineSnapshot(`
     [
       [
         {
           "annotation_level": "failure",
           "end_line": 3,
           "message": "would reformat",
           "path": "src/lib.rs",
           "start_line": 3,
           "title": "rustfmt in ci / fmt",
         },
         {
           "annotation_level": "failure",
           "end_line": 88,
           "message": "assertion failed: out.is_empty()",
           "path": "src/parser.rs",
           "start_line": 88,
           "title": "cargo-test in ci / test",
         },
       ],
     ]
    `);
  });

  const cases: Array<[DequeueReason, string, string]> = [
    [{ kind: 'unlabeled' }, 'neutral', ''],
    [{ kind: 'closed' }, 'neutral', ''],
    [{ kind: 'command', by: 'bob' }, 'neutral', 'Retry'],
    [{ kind: 'head-moved', from: 'a', to: 'b' }, 'neutral', ''],
    [{ kind: 'conflict', files: [] }, 'failure', 'Retry'],
    [{ kind: 'checks-failed', verdicts: [] }, 'failure', 'Retry'],
    [{ kind: 'check-missing', check: 'ci', waitedMinutes: 1 }, 'failure', 'Retry'],
    [{ kind: 'no-checks', waitedMinutes: 30 }, 'failure', 'Retry'],
    [{ kind: 'land-failed', reason: 'x' }, 'failure', 'Retry'],
    [{ kind: 'blocked', failures: 3, verdicts: [] }, 'failure', 'Retry'],
  ];

  it.each(cases)('for %j concludes %s with buttons [%s]', (reason, conclusion, buttons) => {
    const run = renderDequeuedCheckRun(reason, aContext());
    expect(run.status).toBe('completed');
    expect(run.conclusion).toBe(conclusion);
    expect(run.actions.map((a) => a.label).join(',')).toBe(buttons);
  });

  it('tells the check run the same story as the comment', () => {
    const reason: DequeueReason = { kind: 'check-missing', check: 'ci / e2e', waitedMinutes: 30 };
    expect(renderDequeuedCheckRun(reason, aContext()).summary).toMatchInlineSnapshot(`
     "The required check \`ci / e2e\` had not started on the staging commit after 30 minutes.

     This usually means CI does not run on pushes to \`sluice/staging/main/*\`: add that pattern to the workflow's \`on: push: branches\`, or stop requiring the check. To queue it again, add the \`merge-queue\` label or comment \`/sluice queue\`."
    `);
  });
});
