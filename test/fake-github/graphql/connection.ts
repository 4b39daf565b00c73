import { GraphqlFailure } from './graphql-context.js';

/** GitHub refuses more than this many nodes per connection. */
const maxPage = 100;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { node: T; cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const cursorOf = (index: number): string => Buffer.from(`cursor:v2:${index}`).toString('base64');

function indexOf(cursor: string, argument: 'after' | 'before', size: number): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  const index = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(index) || index < 0 || index >= Math.max(size, 1))
    throw new GraphqlFailure('INVALID_CURSOR_ARGUMENTS', `\`${argument}\` is not a valid cursor.`);
  return index;
}

function checkBounds(name: string, args: ConnectionArgs): void {
  if (args.first == null && args.last == null)
    throw new GraphqlFailure(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  for (const bound of ['first', 'last'] as const) {
    const value = args[bound];
    if (value != null && value > maxPage)
      throw new GraphqlFailure(
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${bound}\` limit of ${maxPage} records.`,
      );
  }
}

/** One page of `items` as GitHub's cursor connections answer it (`nodes`, `edges`, `pageInfo`). */
export function toConnection<T>(name: string, items: T[], args: ConnectionArgs): Connection<T> {
  checkBounds(name, args);
  let start = args.after == null ? 0 : indexOf(args.after, 'after', items.length) + 1;
  let end = args.before == null ? items.length : indexOf(args.before, 'before', items.length);
  if (args.first != null) end = Math.min(end, start + Math.max(args.first, 0));
  if (args.last != null) start = Math.max(start, end - Math.max(args.last, 0));
  const page = items.slice(start, end);
  return {
    nodes: page,
    edges: page.map((node, i) => ({ node, cursor: cursorOf(start + i) })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length > 0 ? cursorOf(start) : null,
      endCursor: page.length > 0 ? cursorOf(end - 1) : null,
    },
    totalCount: items.length,
  };
}
