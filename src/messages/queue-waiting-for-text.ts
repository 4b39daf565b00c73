import type { EntryStatus } from '../queue/describe-queue.js';
import { inlineCode } from './markdown.js';
import { fileListMarkdown, fileListTitle, filesNoun, pullRequestList } from './queue-lists.js';
import type { QueueMessageContext } from './queue-message-types.js';

type WaitingFor = NonNullable<Extract<EntryStatus, { kind: 'waiting' }>['waitingFor']>;

/** Why a waiting entry is held, in parts: a title, the sentences, and blocks such as lists. */
export interface HoldText {
  title: string;
  text: string;
  blocks: string[];
}

export const keepsPlace =
  'Until then it keeps its place without holding up the pull requests behind it.';

/**
 * It could not be built on the PRs ahead of it: it conflicts with them, or (`empty`) they
 * already carry its changes. It waits for them and is tried again on what landed.
 */
export function waitingForText(waitingFor: WaitingFor, ctx: QueueMessageContext): HoldText {
  const { prs, files } = waitingFor;
  const titled = pullRequestList(prs, 3);
  const named = pullRequestList(prs, 10);
  const [only] = prs;
  const them = prs.length === 1 && only !== undefined ? `#${only}` : 'them';
  const base = inlineCode(ctx.baseBranch);
  const after = `it waits until ${prs.length === 1 ? `${them} has` : 'they have'} landed or left the queue, then Sluice tries it again on ${base}`;
  if (waitingFor.empty) {
    const have = prs.length === 1 ? `${them} already carries` : 'they already carry';
    return {
      title: `Waiting for ${titled} to land (${have} its changes)`,
      text:
        `Squashed on top of ${named}, ahead of it in the queue, this pull request changes nothing: ${have} its changes. ` +
        `So ${after}; if ${base} has its changes by then, it leaves the queue with nothing to merge. ` +
        `If it only repeats ${named}, you can close it. ${keepsPlace}`,
      blocks: [],
    };
  }
  const where = files.length === 0 ? '.' : `, in ${filesNoun(files.length)}:`;
  return {
    title: `Waiting for ${titled} to land (${files.length === 0 ? `conflicts with ${prs.length === 1 ? 'it' : 'them'}` : `conflicts in ${fileListTitle(files)}`})`,
    text: `It conflicts with ${named}, ahead of it in the queue${where}`,
    blocks: [
      ...(files.length === 0 ? [] : [fileListMarkdown(files)]),
      `Sluice cannot build it on top of ${them}, so ${after}. If it still conflicts then, it leaves the queue, ` +
        `and you can rebase it onto ${base}, resolve the conflicts and queue it again. ${keepsPlace}`,
    ],
  };
}
