import type { Caller } from '../handlers/types.js';
import type { Services } from '../world/services.js';
import type { RaceTable } from '../http/races.js';

/** GitHub's `type` on execution errors, e.g. `NOT_FOUND`, `FORBIDDEN`, `EXCESSIVE_PAGINATION`. */
export type GraphqlErrorType =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNPROCESSABLE'
  | 'EXCESSIVE_PAGINATION'
  | 'MISSING_PAGINATION_BOUNDARIES'
  | 'INVALID_CURSOR_ARGUMENTS';

/**
 * A field GitHub answers with `null` plus an error carrying `type`; graphql-js adds the
 * path and locations of the field that threw it.
 */
export class GraphqlFailure extends Error {
  override name = 'GraphqlFailure';

  constructor(
    readonly type: GraphqlErrorType,
    message: string,
  ) {
    super(message);
  }
}

/** A field the stand-in has no resolver for: answered as an error, never as a made-up null. */
export class UnresolvedField extends Error {
  override name = 'UnresolvedField';
}

/** What every resolver of one GraphQL request sees. */
export interface GraphqlContext extends Services {
  caller: Caller;
  /** `Type.field` coordinates resolved by this request (for coverage). */
  resolved: Set<string>;
  /** Injected ref races, keyed by operation id (`graphql-mutation/updateRefs`). */
  races: RaceTable;
}
