import type { GraphQLResolveInfo } from 'graphql';
import { isPermitted } from '../auth/permissions.js';
import { GraphqlFailure, type GraphqlContext } from './graphql-context.js';

export type FieldResolver = (
  source: unknown,
  args: Record<string, unknown>,
  ctx: GraphqlContext,
  info: GraphQLResolveInfo,
) => unknown;

/** Resolvers keyed by schema coordinate, `Type.field` (the runtime type for interface fields). */
export type ResolverTable = Record<string, FieldResolver>;

/** Types one resolver's source and arguments; the table itself stays untyped. */
export function field<S, A = Record<string, unknown>>(
  resolve: (source: S, args: A, ctx: GraphqlContext, info: GraphQLResolveInfo) => unknown,
): FieldResolver {
  return resolve as FieldResolver;
}

/** A plain property of the source object, for value types the stand-in builds whole. */
export function property<S extends object>(key: keyof S & string): FieldResolver {
  return field<S>((source) => source[key]);
}

/**
 * An installation token needs the permission of the REST operation that reads the same data
 * (pulls/get for a pull request, git/get-commit for git objects); GitHub answers the field
 * `null` with a FORBIDDEN error otherwise. People's tokens are limited by visibility only.
 */
export function requirePermissionOf(ctx: GraphqlContext, operationId: string): void {
  if (ctx.caller.kind === 'installation' && !isPermitted(operationId, ctx.caller.permissions))
    throw new GraphqlFailure('FORBIDDEN', 'Resource not accessible by integration');
}

/** Resolvers for the connections the stand-in builds with `toConnection`, and their edges. */
export function connectionResolvers(...connections: string[]): ResolverTable {
  const table: ResolverTable = {};
  for (const connection of connections) {
    for (const key of ['nodes', 'edges', 'pageInfo', 'totalCount'] as const)
      table[`${connection}.${key}`] = property<Record<typeof key, unknown>>(key);
    const edge = connection.replace(/Connection$/, 'Edge');
    table[`${edge}.node`] = property<{ node: unknown }>('node');
    table[`${edge}.cursor`] = property<{ cursor: unknown }>('cursor');
  }
  for (const key of ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'] as const)
    table[`PageInfo.${key}`] = property<Record<typeof key, unknown>>(key);
  return table;
}
