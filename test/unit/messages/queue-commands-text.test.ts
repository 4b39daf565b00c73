import { describe, expect, it } from '@jest/globals';
import {
  renderHelpComment,
  renderPriorityComment,
  renderRefusedComment,
  renderUnknownCommandComment,
  type HelpContext,
} from '../../../src/messages/index.js';
import { aContext, readable } from './builders.js';

function aHelpContext(overrides: Partial<HelpContext> = {}): HelpContext {
  return {
    queueLabel: 'merge-queue',
    minimumPermission: 'write',
    priorityLabels: { high: null, low: null },
    configPath: '.github/sluice.yml',
    configBroken: false,
    ...overrides,
  };
}

describe('the answer to `/sluice help`', () => {
  it('lists every command and who may use it', () => {
    expect(renderHelpComment(aHelpContext())).toMatchInlineSnapshot(`
     "**Sluice commands.** Comment one on a line of its own in a pull request:

     | Command | What it does | Who may use it |
     | --- | --- | --- |
     | \`/sluice queue\` | Queues this pull request, as adding the \`merge-queue\` label does. | People with write permission or higher |
     | \`/sluice queue --priority high\` | Queues it at \`high\`, \`normal\` or \`low\` priority, or changes the priority of a queued pull request. A higher priority goes ahead of every pull request of a lower one that is not being tested yet; within a priority, queue order holds. | People with write permission or higher |
     | \`/sluice dequeue\` | Takes it out of the queue, as removing the \`merge-queue\` label or pressing **Dequeue** does. | People with write permission or higher, and its author |
     | \`/sluice retry\` | Queues it again after a failure, even when it is blocked after failing several times in a row. | People with write permission or higher |
     | \`/sluice help\` | Answers with this list. | Anyone |

     A line quoted from someone else (starting with \`>\`) is not a command, and an edited comment is not read again: write a new comment instead.
     "
    `);
  });

  it('names the repository’s own label, permission and priority labels', () => {
    const text = renderHelpComment(
      aHelpContext({
        queueLabel: 'ship-it',
        minimumPermission: 'maintain',
        priorityLabels: { high: 'ship-it:now', low: null },
      }),
    );
    expect(text).toContain('as adding the `ship-it` label does');
    expect(text).toContain('| People with maintain permission or higher |');
    expect(text).toContain('Labels set the priority too: `ship-it:now` gives high priority;');
    expect(text).not.toContain('low priority;');
  });

  it('says the defaults are shown when the config is broken', () => {
    expect(renderHelpComment(aHelpContext({ configBroken: true }))).toContain(
      '`.github/sluice.yml` on the default branch is invalid, so these are the defaults',
    );
  });

  it('starts no line with a command, so pasting it into a comment sends none', () => {
    const lines = renderHelpComment(aHelpContext()).split('\n');
    expect(lines.filter((line) => /^\s*\/sluice/i.test(line))).toEqual([]);
  });
});

describe('the answer to a command Sluice does not know', () => {
  it('suggests the closest command and points to help', () => {
    expect(renderUnknownCommandComment('qeue', '/sluice queue')).toMatchInlineSnapshot(`
     "**Not a command.** \`/sluice qeue\` is not a Sluice command. Did you mean \`/sluice queue\`?

     Comment \`/sluice help\` for the list of commands. An edited comment is not read again: write a new one.
     "
    `);
  });

  it('points to help alone when nothing is close', () => {
    const text = renderUnknownCommandComment('deploy now', null);
    expect(text).toContain('`/sluice deploy now` is not a Sluice command.');
    expect(text).not.toContain('Did you mean');
    expect(text).toContain('Comment `/sluice help`');
  });

  it('asks for a command after a bare `/sluice`', () => {
    expect(renderUnknownCommandComment('', null)).toContain('`/sluice` needs a command after it.');
  });

  it('shows what was written as code, so it cannot ping or format', () => {
    expect(readable(renderUnknownCommandComment('@everyone `x`', null))).toContain(
      '`` /sluice @{zwsp}everyone `x` ``',
    );
  });
});

describe('the answer to a priority change', () => {
  it('says the new priority, the old one, who set it and what it means', () => {
    expect(readable(renderPriorityComment({ by: 'carol', from: 'normal', to: 'high' })))
      .toMatchInlineSnapshot(`
     "**Priority: high** (was normal), set by @{zwsp}carol. It goes ahead of every normal and low priority pull request that is not being tested yet.
     "
    `);
  });

  it('refuses someone below the minimum permission, who keeps the PR’s priority', () => {
    const reason = {
      kind: 'priority-permission' as const,
      by: 'reader',
      has: 'read' as const,
      needs: 'write' as const,
    };
    expect(renderRefusedComment(reason, aContext())).toMatchInlineSnapshot(`
     "**Priority not changed.** @reader has read permission; changing the priority of a queued pull request needs write. It keeps its priority and its place in the queue.

     Anyone with write permission or higher on this repository can change it by commenting \`/sluice queue --priority high\`, \`normal\` or \`low\`.
     "
    `);
  });
});
