import type { QueuePause } from '../queue/types.js';
import { escapeMarkdown, inlineCode, nameWithoutPing } from './markdown.js';
import type { QueueMessageContext } from './queue-message-types.js';
import type { HoldText } from './queue-waiting-for-text.js';

const freezeSetting = 'queue.freeze.reason';

/**
 * Why nothing moves: the queue is paused, by the config (`queue.freeze`, "frozen") or by an
 * operator. Told first on every waiting pull request, above any hold of its own.
 */
export function pausedText(pause: QueuePause, ctx: QueueMessageContext): HoldText {
  return {
    title: `${pausedTitle(pause)}: ${pause.reason}`,
    text:
      `${whoPaused(pause, ctx)}: ${quoted(pause.reason)}. ` +
      `Sluice starts no new tests and lands nothing until ${resumes(pause, ctx)}. ` +
      'This pull request keeps its place; pull requests can still be queued and dequeued.',
    blocks: [],
  };
}

/** What a staging under test is told while the queue is paused: its result does not land yet. */
export function pausedWhileTesting(pause: QueuePause, ctx: QueueMessageContext): string {
  return (
    `**${pausedTitle(pause)}.** ${whoPaused(pause, ctx)}: ${quoted(pause.reason)}. ` +
    `CI may finish testing this staging, but it does not land until ${resumes(pause, ctx)}; ` +
    'then it lands if its checks passed and nothing moved under it.'
  );
}

/** "Merge queue frozen" (config) or "Merge queue paused" (an operator): check run titles. */
export function pausedTitle(pause: QueuePause): string {
  switch (pause.by.kind) {
    case 'config':
      return 'Merge queue frozen';
    case 'operator':
      return 'Merge queue paused';
  }
}

function whoPaused(pause: QueuePause, ctx: QueueMessageContext): string {
  const queue = `the merge queue for ${inlineCode(ctx.baseBranch)}`;
  switch (pause.by.kind) {
    case 'config':
      return `${inlineCode(freezeSetting)} in ${inlineCode(ctx.configPath)} freezes ${queue}`;
    case 'operator':
      return `${nameWithoutPing(pause.by.login)} paused ${queue}`;
  }
}

function resumes(pause: QueuePause, ctx: QueueMessageContext): string {
  switch (pause.by.kind) {
    case 'config':
      return `${inlineCode(freezeSetting)} is removed from ${inlineCode(ctx.configPath)} on the default branch`;
    case 'operator':
      return 'it is resumed';
  }
}

function quoted(reason: string): string {
  return `“${escapeMarkdown(reason, 300)}”`;
}
