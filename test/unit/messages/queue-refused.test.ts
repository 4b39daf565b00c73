import { describe, expect, it } from '@jest/globals';
import { renderRefusedCheckRun, renderRefusedComment } from '../../../src/messages/index.js';
import type { Refusal } from '../../../src/queue/effects.js';
import { aContext, readable, showCheckRun } from './builders.js';

function comment(reason: Refusal): string {
  return readable(renderRefusedComment(reason, aContext()));
}

describe('the comment on a pull request that was not queued', () => {
  it('tells the requester which permission they have and who can queue instead', () => {
    expect(comment({ kind: 'permission', by: 'mallory', has: 'read', needs: 'write' }))
      .toMatchInlineSnapshot(`
     "**Not queued.** @mallory has read permission; queueing needs write.

     Anyone with write permission or higher on this repository can queue it by adding the \`merge-queue\` label or commenting \`/sluice queue\`.
     "
    `);
  });

  it('does not ping a name that is not a GitHub login', () => {
    const text = comment({ kind: 'permission', by: '@everyone <b>', has: 'none', needs: 'write' });
    expect(text).toContain(
      '@{zwsp}everyone \\<b\\> has no access to this repository; queueing needs write.',
    );
  });

  it('asks for a draft to be marked ready first', () => {
    expect(comment({ kind: 'draft' })).toMatchInlineSnapshot(`
     "**Not queued.** This pull request is a draft.

     Once it is marked ready for review, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('asks for a closed pull request to be reopened first', () => {
    expect(comment({ kind: 'closed' })).toMatchInlineSnapshot(`
     "**Not queued.** This pull request is closed.

     After reopening it, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('says how to unblock a blocked head', () => {
    expect(comment({ kind: 'blocked', failures: 3 })).toMatchInlineSnapshot(`
     "**Not queued.** This head failed in the queue 3 times in a row, so Sluice does not test it again as it is.

     To unblock it, push a new commit (a new head starts the count again), or someone with write permission or higher can comment \`/sluice retry\`.
     "
    `);
  });

  it('shows the title and the grammar it must follow', () => {
    expect(comment({ kind: 'title-grammar', title: 'Fix the `parser` for @alice' }))
      .toMatchInlineSnapshot(`
     "**Not queued.** The title \`\`Fix the \`parser\` for @{zwsp}alice\`\` is not a conventional commit, and this repository requires one (\`mergeMessage.requireConventionalTitle\`) because the landed commit's subject feeds the changelog.

     Write the title as \`type(scope): description\`, for example \`feat(api): add pagination to the list endpoint\` or \`fix: handle an empty config file\`. After editing it, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });

  it('points at the broken config', () => {
    expect(comment({ kind: 'config-broken' })).toMatchInlineSnapshot(`
     "**Not queued.** \`.github/sluice.yml\` on the default branch is invalid, so Sluice tests and merges nothing until it is fixed. Queued pull requests keep their places and continue once a valid config is pushed to the default branch.

     Once the configuration is fixed, queue it again: add the \`merge-queue\` label or comment \`/sluice queue\`.
     "
    `);
  });
});

describe('the Sluice check run of a pull request that was not queued', () => {
  it('asks for action when only someone else can queue it', () => {
    const reason: Refusal = { kind: 'permission', by: 'mallory', has: 'triage', needs: 'maintain' };
    expect(showCheckRun(renderRefusedCheckRun(reason, aContext()))).toMatchInlineSnapshot(`
     "[completed/action_required] Not queued: mallory has triage permission; queueing needs maintain
     buttons: none; annotations: 0
     --- summary
     @mallory has triage permission; queueing needs maintain.

     Anyone with maintain permission or higher on this repository can queue it by adding the \`merge-queue\` label or commenting \`/sluice queue\`."
    `);
  });

  const cases: Array<[Refusal, string, string]> = [
    [{ kind: 'permission', by: 'm', has: 'read', needs: 'write' }, 'action_required', ''],
    [{ kind: 'draft' }, 'neutral', ''],
    [{ kind: 'closed' }, 'neutral', ''],
    [{ kind: 'blocked', failures: 3 }, 'failure', 'Retry'],
    [{ kind: 'title-grammar', title: 'x' }, 'failure', ''],
    [{ kind: 'config-broken' }, 'failure', ''],
  ];

  it.each(cases)('for %j concludes %s with buttons [%s]', (reason, conclusion, buttons) => {
    const run = renderRefusedCheckRun(reason, aContext());
    expect(run.conclusion).toBe(conclusion);
    expect(run.actions.map((a) => a.label).join(',')).toBe(buttons);
  });
});
