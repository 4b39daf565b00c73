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
