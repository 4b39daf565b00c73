import { describe, expect, it } from '@jest/globals';
import { renderDequeuedCheckRun, renderDequeuedComment } from '../../../src/messages/index.js';
import type { DequeueReason } from '../../../src/queue/effects.js';
import { aContext, showCheckRun } from './builders.js';

const carrier = 'c0ffee'.padEnd(40, '1');
const commitUrl = `https://github.com/acme/widgets/commit/${carrier}`;

describe('a pull request dequeued because its changes are already on the base', () => {
  it.each<[string, DequeueReason, ReturnType<typeof aContext>, string[], string[]]>([
    [
      'links the commit that carries them',
      { kind: 'empty', carriedBy: carrier },
      aContext(),
      [
        'this pull request changes nothing: `main` already has its changes, carried by commit ',
        `[\`c0ffee1\`](${commitUrl}). There is nothing left to merge.`,
        'If nothing is missing, close this pull request.',
        'Otherwise push what is missing; after that, queue it again: add the `merge-queue` label',
      ],
      [],
    ],
    [
      'names the commit without a link when the repository address is unknown',
      { kind: 'empty', carriedBy: carrier },
      aContext({ repoUrl: undefined }),
      ['carried by commit `c0ffee1`.'],
      ['https://'],
    ],
    [
      'says only that the base has them when no commit could be named',
      { kind: 'empty', carriedBy: null },
      aContext(),
      ['`main` already has its changes. There is nothing left to merge.'],
      ['carried by'],
    ],
    [
      'names another base branch',
      { kind: 'empty', carriedBy: null },
      aContext({ baseBranch: 'release/2.x' }),
      ['`release/2.x` already has its changes.'],
      [],
    ],
  ])('%s', (_name, reason, ctx, present, absent) => {
    const run = renderDequeuedCheckRun(reason, ctx);
    expect(run.title).toBe(`Dequeued: its changes are already on ${ctx.baseBranch}`);
    // Nothing failed, and a retry would build the same empty squash.
    expect(run.status).toBe('completed');
    expect(run.conclusion).toBe('neutral');
    expect(run.actions).toEqual([]);
    for (const part of present) expect(run.summary).toContain(part);
    for (const part of absent) expect(run.summary).not.toContain(part);
  });

  it('tells the author in a comment, the same way', () => {
    const comment = renderDequeuedComment({ kind: 'empty', carriedBy: carrier }, aContext());
    expect(comment).toMatchInlineSnapshot(`
     "**Dequeued.** Squashed onto \`main\`, this pull request changes nothing: \`main\` already has its changes, carried by commit [\`c0ffee1\`](https://github.com/acme/widgets/commit/c0ffee1111111111111111111111111111111111). There is nothing left to merge.

     If nothing is missing, close this pull request. Otherwise push what is missing; after that, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('shows the check run', () => {
    expect(showCheckRun(renderDequeuedCheckRun({ kind: 'empty', carriedBy: carrier }, aContext())))
      .toMatchInlineSnapshot(`
     "[completed/neutral] Dequeued: its changes are already on main
     buttons: none; annotations: 0
     --- summary
     Squashed onto \`main\`, this pull request changes nothing: \`main\` already has its changes, carried by commit [\`c0ffee1\`](https://github.com/acme/widgets/commit/c0ffee1111111111111111111111111111111111). There is nothing left to merge.

     If nothing is missing, close this pull request. Otherwise push what is missing; after that, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`."
    `);
  });
});
