import type { Handler, HandlerContext, HandlerResult } from './types.js';

/** A handler that needs no I/O; a throw still becomes a rejection the pipeline turns into an answer. */
export function answerNow(fn: (ctx: HandlerContext) => HandlerResult): Handler {
  return (ctx) => new Promise((resolve) => resolve(fn(ctx)));
}
