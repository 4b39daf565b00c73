import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { noticeRows } from '../reconcile/outbox/notice.js';

/**
 * Answers a comment (`/sluice help`, a mistyped command) through the outbox, like everything
 * Sluice tells: the row is recorded now and delivered by the queue's next reconcile, scheduled
 * here (or by the sweep after a crash). Its dedupe key is the comment's, so the same comment
 * handled twice is answered once, and an answer whose send went unanswered is looked for by
 * its marker before it is sent again. Each answer is also a `help` or `unknown-command` event
 * in the queue's history.
 */
export async function answerComment(
  runtime: SluiceRuntime,
  input: {
    repo: string;
    base: string;
    number: number;
    commentId: number;
    /** Who asked. */
    by: string;
    /** What the answer is to, for people reading the outbox and its key: `help`, `unknown`. */
    about: string;
    body: string;
  },
): Promise<void> {
  const queue = { repo: input.repo, base: input.base };
  const cause = {
    pr: input.number,
    headSha: '',
    cause: `comment ${input.commentId} (${input.about})`,
    entryId: null,
    key: `comment:${input.repo}#${input.commentId}:${input.about}`,
  };
  const now = runtime.now();
  // The answer and its line in the queue's history commit together, once per comment.
  await runtime.store.transaction(async (store) => {
    const recorded = await store.outbox.record(
      noticeRows(queue, cause, [{ kind: 'comment', body: input.body }]),
      now,
    );
    if (recorded > 0)
      await store.queueEvents.record({
        ...queue,
        kind: input.about === 'help' ? 'help' : 'unknown-command',
        actor: input.by,
        detail: { number: input.number, commentId: input.commentId },
        now,
      });
  });
  void runtime.reconcile(queue, `comment ${input.about}`);
}
