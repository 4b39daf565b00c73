import {
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
} from 'graphql';
import { toGitHubValidationErrors, type GitHubGraphqlError } from './github-wording.js';

/**
 * What the modelled host's GraphQL API offers beyond the schema the stand-in loads (GitHub.com's):
 * GitHub Enterprise Server before 3.16 has no `updateRefs` mutation.
 */
export interface HostFeatures {
  updateRefs: boolean;
}

/**
 * A host without a mutation answers a request for it as for any field its schema lacks: a
 * validation error (`undefinedField`), HTTP 200, no `data`. The caller asked reasonably (it is
 * probing the host), so this is not the app's mistake.
 */
export function unavailableFieldErrors(
  document: DocumentNode,
  operationName: string | undefined,
  host: HostFeatures,
): GitHubGraphqlError[] {
  if (host.updateRefs) return [];
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== OperationTypeNode.MUTATION) return [];
  const missing = operation.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'updateRefs',
  );
  // Worded as graphql-js says it, so the rewording GitHub's validation errors get applies.
  const errors = missing.map(
    (node) =>
      new GraphQLError('Cannot query field "updateRefs" on type "Mutation".', { nodes: node }),
  );
  return toGitHubValidationErrors(document, errors);
}

const updateRefsTypes = new Set(['UpdateRefsInput', 'UpdateRefsPayload', 'RefUpdate']);

/**
 * Introspection agrees with validation: on a host without `updateRefs`, `__type(name:
 * "UpdateRefsInput")` and its siblings are `null`, as on a GHES that never had them (how
 * `sluice doctor` tells the two kinds of host apart without writing anything).
 */
export function hideUnavailableTypes(
  document: DocumentNode,
  operationName: string | undefined,
  host: HostFeatures,
  data: unknown,
): void {
  if (host.updateRefs || typeof data !== 'object' || data === null) return;
  const operation = getOperationAST(document, operationName);
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '__type') continue;
    const name = selection.arguments?.find((a) => a.name.value === 'name')?.value;
    if (name?.kind === Kind.STRING && updateRefsTypes.has(name.value))
      (data as Record<string, unknown>)[selection.alias?.value ?? '__type'] = null;
  }
}
