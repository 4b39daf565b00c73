/**
 * The OpenAPI layer of the local GitHub: routes requests to GitHub's operationIds and
 * checks requests, responses and webhooks against @octokit/openapi, so the fake cannot
 * drift from the real API without a test failing.
 */
export { loadGitHubSpec } from './load-github-spec.js';
export {
  UnknownOperationError,
  type GitHubSpec,
  type LoadStats,
  type OperationSummary,
} from './create-github-spec.js';
export type { RouteMatch } from './match-route.js';
export {
  invalidRequestMessage,
  type RequestProblem,
  type RequestToValidate,
  type RequestValidation,
} from './validate-request.js';
export type { ResponseToValidate } from './validate-response.js';
export type { SchemaCheck } from './check-against-schema.js';
export type { CompileStats } from './create-schema-compiler.js';
export { webhookKey } from './validate-webhook.js';
export { KNOWN_SPEC_BUGS, type KnownSpecBug } from './known-spec-bugs.js';
export type { HttpMethod } from './spec-document.js';
export {
  coverageDirectory,
  createCoverageRecorder,
  fakeGitHubCoverage,
  type CoverageRecorder,
} from './coverage-recorder.js';
