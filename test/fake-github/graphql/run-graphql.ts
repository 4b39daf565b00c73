import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { GraphqlFailure, UnresolvedField, type GraphqlContext } from './graphql-context.js';
import {
  toGitHubSyntaxError,
  toGitHubValidationErrors,
  type GitHubGraphqlError,
} from './github-wording.js';
import type { ResolverTable } from './field-resolver.js';
import { connectionResolvers } from './field-resolver.js';
import { repositoryResolvers } from './resolve-repository.js';
import { pullRequestResolvers } from './resolve-pull-request.js';
import { commitResolvers } from './resolve-commit.js';
import { updateRefsResolvers } from './resolve-update-refs.js';
import { refResolvers } from './resolve-ref.js';
import { ruleResolvers } from './resolve-rules.js';
import { objectResolvers } from './resolve-object.js';
import { statusCheckRollupResolvers } from './resolve-status-check-rollup.js';
import { checkRunMutationResolvers } from './resolve-check-run-mutations.js';
import { labelResolvers } from './resolve-labels.js';

/** Exactly the fields Sluice reads (and their neighbours); anything else is answered as unresolved. */
const resolvers: ResolverTable = {
  ...repositoryResolvers,
  ...pullRequestResolvers,
  ...commitResolvers,
  ...updateRefsResolvers,
  ...refResolvers,
  ...ruleResolvers,
  ...objectResolvers,
  ...statusCheckRollupResolvers,
  ...checkRunMutationResolvers,
  ...labelResolvers,
  ...connectionResolvers(
    'LabelConnection',
    'PullRequestCommitConnection',
    'CommitConnection',
    'GitActorConnection',
    'RepositoryRuleConnection',
  ),
};

export interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** A request the schema accepted, ready to run; `operationId` names it in the request log. */
export type Prepared =
  | { kind: 'ready'; document: DocumentNode; operationId: string }
  | { kind: 'refused'; operationId: string; errors: GitHubGraphqlError[] };

export type Problem =
  | { kind: 'unresolved'; coordinate: string; path: string }
  | { kind: 'bad-query'; detail: string }
  | { kind: 'resolver-threw'; detail: string };

export interface Executed {
  body: { data?: unknown; errors?: GitHubGraphqlError[] };
  problems: Problem[];
}

/** Parses and validates against GitHub's schema, answering errors as GitHub words them. */
export function prepareGraphql(schema: GraphQLSchema, body: GraphqlBody): Prepared {
  if (typeof body.query !== 'string' || body.query.trim() === '')
    return refused('graphql', 'A query attribute must be specified and must be a string.');
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { kind: 'refused', operationId: 'graphql', errors: [toGitHubSyntaxError(error)] };
  }
  const invalid = validate(schema, document);
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  const topFields = (operation?.selectionSet.selections ?? []).flatMap((s) =>
    s.kind === Kind.FIELD ? [s.name.value] : [],
  );
  const operationId = operationIdOf(operation?.operation, topFields);
  if (invalid.length > 0)
    return { kind: 'refused', operationId, errors: toGitHubValidationErrors(document, invalid) };
  if (!operation)
    return refused(operationId, 'An operation name is required when the document holds several.');
  return { kind: 'ready', document, operationId };
}

/**
 * Queries are reads named by every top-level field (`graphql/repository+repository`). Mutations
 * are keyed apart, as the writes they are, and named by what they do: each distinct field once,
 * in first-seen order, so 16 aliased `updateCheckRun`s are `graphql-mutation/updateCheckRun`.
 */
function operationIdOf(kind: OperationTypeNode | undefined, topFields: string[]): string {
  if (topFields.length === 0) return 'graphql';
  if (kind !== OperationTypeNode.MUTATION) return `graphql/${topFields.join('+')}`;
  return `graphql-mutation/${[...new Set(topFields)].join('+')}`;
}

function refused(operationId: string, message: string): Prepared {
  return { kind: 'refused', operationId, errors: [{ message }] };
}

/** Runs a prepared query with the stand-in's resolvers; unresolved fields become errors, never nulls. */
export async function executeGraphql(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  body: GraphqlBody;
  context: GraphqlContext;
}): Promise<Executed> {
  const problems: Problem[] = [];
  const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext, Record<string, unknown>> = (
    source,
    args,
    ctx,
    info,
  ) => {
    const coordinate = `${info.parentType.name}.${info.fieldName}`;
    const resolve = resolvers[coordinate];
    if (!resolve) throw new UnresolvedField(`fake-github does not resolve ${coordinate}`);
    ctx.resolved.add(coordinate);
    return resolve(source, args, ctx, info);
  };
  const typeResolver: GraphQLTypeResolver<unknown, GraphqlContext> = (value) =>
    (value as { __typename?: string }).__typename;
  const result = await execute({
    schema: input.schema,
    document: input.document,
    contextValue: input.context,
    variableValues: (input.body.variables ?? {}) as Record<string, unknown>,
    operationName:
      typeof input.body.operationName === 'string' ? input.body.operationName : undefined,
    fieldResolver,
    typeResolver,
  });
  const errors = (result.errors ?? []).map((error) => {
    const cause = error.originalError;
    const path = error.path ? [...error.path] : undefined;
    if (cause instanceof UnresolvedField)
      problems.push({
        kind: 'unresolved',
        coordinate: cause.message.replace(/^fake-github does not resolve /, ''),
        path: (path ?? []).join('.'),
      });
    else if (cause instanceof GraphqlFailure) {
      if (cause.type === 'EXCESSIVE_PAGINATION' || cause.type === 'MISSING_PAGINATION_BOUNDARIES')
        problems.push({ kind: 'bad-query', detail: cause.message });
    } else if (cause)
      problems.push({ kind: 'resolver-threw', detail: cause.stack ?? cause.message });
    else problems.push({ kind: 'bad-query', detail: error.message });
    return {
      ...(cause instanceof GraphqlFailure ? { type: cause.type } : {}),
      ...(path ? { path } : {}),
      ...(error.locations
        ? { locations: error.locations.map(({ line, column }) => ({ line, column })) }
        : {}),
      message: error.message,
    } satisfies GitHubGraphqlError;
  });
  return {
    body: {
      // Variables that do not fit their types fail before execution: no `data` at all.
      ...(result.data === undefined ? {} : { data: result.data }),
      ...(errors.length > 0 ? { errors } : {}),
    },
    problems,
  };
}
