import type { CatalogedOperation } from './catalog-operations.js';
import type { CompileStats, SchemaCompiler } from './create-schema-compiler.js';
import type { SchemaCheck } from './check-against-schema.js';
import type { CompiledRoute } from './compile-routes.js';
import type { KnownSpecBug } from './known-spec-bugs.js';
import { matchRoute, type RouteMatch } from './match-route.js';
import type { HttpMethod, SpecDocument } from './spec-document.js';
import {
  validateRequest,
  type RequestToValidate,
  type RequestValidation,
} from './validate-request.js';
import { validateResponse, type ResponseToValidate } from './validate-response.js';
import { validateWebhook } from './validate-webhook.js';

export interface OperationSummary {
  operationId: string;
  method: HttpMethod;
  pathTemplate: string;
  documentedStatuses: number[];
  /** For the `documentation_url` of error bodies. */
  documentationUrl: string | undefined;
}

export interface LoadStats {
  readMs: number;
  normalizeMs: number;
  indexMs: number;
  totalMs: number;
}

/** GitHub's REST API as @octokit/openapi describes it, ready to route and validate. */
export interface GitHubSpec {
  /** The @octokit/openapi version the description came from. */
  readonly version: string;
  readonly loadStats: LoadStats;
  /** `target` is the raw request target, optional `/api/v3` prefix and query included. */
  match(method: string, target: string): RouteMatch;
  hasOperation(operationId: string): boolean;
  /** Throws `UnknownOperationError` for an operationId the spec lacks. */
  operation(operationId: string): OperationSummary;
  validateRequest(request: RequestToValidate): RequestValidation;
  validateResponse(response: ResponseToValidate): SchemaCheck;
  validateWebhook(event: string, action: string | undefined, payload: unknown): SchemaCheck;
  compileStats(): CompileStats;
}

export class UnknownOperationError extends Error {
  constructor(readonly operationId: string) {
    super(`GitHub's REST API has no operation "${operationId}" (@octokit/openapi)`);
    this.name = 'UnknownOperationError';
  }
}

export interface GitHubSpecParts {
  document: SpecDocument;
  operations: ReadonlyMap<string, CatalogedOperation>;
  routes: readonly CompiledRoute[];
  compiler: SchemaCompiler;
  knownSpecBugs: readonly KnownSpecBug[];
  loadStats: LoadStats;
}

export function createGitHubSpec(parts: GitHubSpecParts): GitHubSpec {
  const { document, operations, routes, compiler, knownSpecBugs } = parts;
  const lookup = (operationId: string): CatalogedOperation => {
    const operation = operations.get(operationId);
    if (operation === undefined) throw new UnknownOperationError(operationId);
    return operation;
  };
  return {
    version: document.info.version,
    loadStats: parts.loadStats,
    match: (method, target) => matchRoute(routes, method, target),
    hasOperation: (operationId) => operations.has(operationId),
    operation: (operationId) => summarize(lookup(operationId)),
    validateRequest: (request) =>
      validateRequest({ document, compiler }, lookup(request.operationId), request),
    validateResponse: (response) =>
      validateResponse(compiler, lookup(response.operationId), response, knownSpecBugs),
    validateWebhook: (event, action, payload) =>
      validateWebhook({ document, compiler, knownSpecBugs }, event, action, payload),
    compileStats: () => compiler.stats(),
  };
}

function summarize(operation: CatalogedOperation): OperationSummary {
  return {
    operationId: operation.operationId,
    method: operation.method,
    pathTemplate: operation.pathTemplate,
    documentedStatuses: [...operation.responses.keys()].sort((a, b) => a - b),
    documentationUrl: operation.documentationUrl,
  };
}
