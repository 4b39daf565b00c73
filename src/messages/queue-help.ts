import type { Permission } from '../queue/types.js';
import { inlineCode } from './markdown.js';
import { permissionPhrase } from './queue-instructions.js';

/** What `/sluice help` needs to know about the repository it answers in. */
export interface HelpContext {
  queueLabel: string;
  minimumPermission: Permission;
  priorityLabels: { high: string | null; low: string | null };
  configPath: string;
  /** The config on the default branch is invalid: the defaults are listed, and the queue is stopped. */
  configBroken: boolean;
}

/**
 * The answer to `/sluice help`: every command and who may use it. The commands sit in a table
 * (each line starts with `|`), so a person who pastes the answer into a comment sends none.
 */
export function renderHelpComment(ctx: HelpContext): string {
  const queuers = `People with ${permissionPhrase(ctx.minimumPermission)}`;
  const label = inlineCode(ctx.queueLabel);
  const rows = [
    ['`/sluice queue`', `Queues this pull request, as adding the ${label} label does.`, queuers],
    [
      '`/sluice queue --priority high`',
      'Queues it at `high`, `normal` or `low` priority, or changes the priority of a queued pull request. ' +
        'A higher priority goes ahead of every pull request of a lower one that is not being tested yet; within a priority, queue order holds.',
      queuers,
    ],
    [
      '`/sluice dequeue`',
      `Takes it out of the queue, as removing the ${label} label or pressing **Dequeue** does.`,
      `${queuers}, and its author`,
    ],
    [
      '`/sluice retry`',
      'Queues it again after a failure, even when it is blocked after failing several times in a row.',
      queuers,
    ],
    ['`/sluice help`', 'Answers with this list.', 'Anyone'],
  ];
  const table = [
    '| Command | What it does | Who may use it |',
    '| --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  return `${[
    '**Sluice commands.** Comment one on a line of its own in a pull request:',
    table,
    ...priorityLabelsNote(ctx),
    'A line quoted from someone else (starting with `>`) is not a command, and an edited comment is not read again: write a new comment instead.',
    ...(ctx.configBroken
      ? [
          `${inlineCode(ctx.configPath)} on the default branch is invalid, so these are the defaults, and the queue is stopped until it is fixed.`,
        ]
      : []),
  ].join('\n\n')}\n`;
}

function priorityLabelsNote(ctx: HelpContext): string[] {
  const { high, low } = ctx.priorityLabels;
  const labels = [
    ...(high === null ? [] : [`${inlineCode(high)} gives high priority`]),
    ...(low === null ? [] : [`${inlineCode(low)} gives low priority`]),
  ];
  if (labels.length === 0) return [];
  return [
    `Labels set the priority too: ${labels.join(', ')}; removing it gives normal priority again. The latest change, by label or by command, wins.`,
  ];
}
