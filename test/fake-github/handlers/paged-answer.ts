import type { HandlerContext, HandlerResult } from './types.js';
import { paginate } from '../http/paginate.js';

/** A 200 list answer, one page of it, with the `Link` header `octokit.paginate` follows. */
export function pagedAnswer<T>(
  ctx: HandlerContext,
  all: T[],
  render: (item: T) => unknown,
): HandlerResult {
  const page = paginate(all, ctx.query, ctx.url);
  return {
    status: 200,
    body: page.items.map(render),
    ...(page.link ? { headers: { link: page.link } } : {}),
  };
}
