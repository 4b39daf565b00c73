import { inlineCode } from './markdown.js';
import type { QueueMessageContext } from './queue-message-types.js';

/** The sentences that tell people what they can do next, worded the same everywhere. */
export function howToLeave(ctx: Pick<QueueMessageContext, 'queueLabel'>): string {
  return `To take it out of the queue, remove the ${inlineCode(ctx.queueLabel)} label, comment \`/sluice dequeue\` or press **Dequeue**.`;
}

/** `after` names what must happen first: "After pushing a fix, queue it again: …". */
export function howToQueueAgain(
  ctx: Pick<QueueMessageContext, 'queueLabel'>,
  after?: string,
): string {
  const how = `add the ${inlineCode(ctx.queueLabel)} label or comment \`/sluice queue\``;
  return after === undefined ? `To queue it again, ${how}.` : `${after}, queue it again: ${how}.`;
}

/** GitHub's permission levels as its settings page names them. */
export function permissionPhrase(permission: QueueMessageContext['minimumPermission']): string {
  switch (permission) {
    case 'admin':
      return 'admin permission';
    case 'maintain':
      return 'maintain permission or higher';
    case 'write':
      return 'write permission or higher';
    case 'triage':
      return 'triage permission or higher';
    case 'read':
      return 'read permission or higher';
    case 'none':
      return 'access';
  }
}
