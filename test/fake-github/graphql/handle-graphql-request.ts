import { performance } from 'node:perf_hooks';
import type { Caller } from '../handlers/types.js';
import type { EventInput } from '../webhooks/bus.js';
import type { Services } from '../world/services.js';
import type { FaultRule, FaultTable } from '../http/faults.js';
import type { RaceTable } from '../http/races.js';
import type { Handled } from '../http/pipeline.js';
import type { CoverageRecorder } from '../spec/index.js';
import { GitHubError } from '../http/github-error.js';
import { apiHeaders } from '../http/api-headers.js';
import { authenticate, describeCaller } from '../auth/authenticate.js';
import { loadGraphqlSchema } from './load-graphql-schema.js';
import { executeGraphql, prepareGraphql, type GraphqlBody, type Problem } from './run-graphql.js';
import {
  hideUnavailableTypes,
  unavailableFieldErrors,
  type HostFeatures,
} from './host-features.js';

export interface GraphqlDeps extends Services {
  faults: FaultTable;
  races: RaceTable;
  coverage: CoverageRecorder;
  /** Read per request: the control plane may switch a feature off mid-run. */
  host: HostFeatures;
}

const docs = 'https://docs.github.com/graphql';
const graphqlPaths = new Set(['/api/graphql', '/graphql']);

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * `POST /api/graphql` (and `/graphql`): installation-token auth as for REST, the query checked
 * against GitHub's schema and run with the stand-in's resolvers over the same world and git
 * data as the REST handlers. Errors are GraphQL errors with HTTP 200, as GitHub answers them;
 * only credentials get a 401.
 */
export async function handleGraphqlRequest(deps: GraphqlDeps, request: Request): Promise<Handled> {
  const { world } = deps;
  const started = performance.now();
  const url = new URL(request.url);
  let caller: Caller | undefined;
  let body: GraphqlBody | undefined;
  let operationId = 'graphql';
  let fault: FaultRule | undefined;
  let held: EventInput[] = [];
  const record = (
    kind: 'unimplemented' | 'app-bad-request' | 'fake-bad-response',
    subject: string,
    detail: string,
  ) => world.recordViolation({ kind, subject, detail, at: world.clock.now() });

  const answer = await (async (): Promise<Answer> => {
    if (request.method.toUpperCase() !== 'POST' || !graphqlPaths.has(url.pathname)) {
      world.recordViolation({
        kind: 'unknown-endpoint',
        subject: `${request.method} ${url.pathname}`,
        detail: 'GraphQL answers POST /api/graphql only',
        at: world.clock.now(),
      });
      return { status: 404, body: { message: 'Not Found', documentation_url: docs } };
    }
    try {
      caller = authenticate(world, 'graphql', request.headers.get('authorization'));
      body = await readBody(request);
      const { schema } = await loadGraphqlSchema();
      const prepared = prepareGraphql(schema, body);
      operationId = prepared.operationId;
      fault = deps.faults.take(operationId, 'POST');
      if (fault && (fault.when ?? 'before') === 'before' && replacesAnswer(fault))
        return faultAnswer(fault);
      if (prepared.kind === 'refused') {
        record('app-bad-request', operationId, prepared.errors.map((e) => e.message).join('\n'));
        return { status: 200, body: { errors: prepared.errors } };
      }
      const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
      const unavailable = unavailableFieldErrors(prepared.document, operationName, deps.host);
      if (unavailable.length > 0) return { status: 200, body: { errors: unavailable } };
      await deps.webhooks.outsideRequest(() => deps.races.run(`arrival:${operationId}`));
      const context = { ...deps, caller, resolved: new Set<string>() };
      const run = await deps.webhooks.hold(() =>
        executeGraphql({ schema, document: prepared.document, body: body!, context }),
      );
      held = run.held;
      hideUnavailableTypes(prepared.document, operationName, deps.host, run.result.body.data);
      for (const problem of run.result.problems) recordProblem(record, operationId, problem);
      for (const coordinate of context.resolved)
        deps.coverage.recordOperation(`graphql:${coordinate}`, 200);
      // `when: 'after'`: the mutation happened (and its webhooks go out); the answer is lost.
      if (fault && replacesAnswer(fault)) return faultAnswer(fault);
      return { status: 200, body: run.result.body };
    } catch (error) {
      if (error instanceof GitHubError) return errorAnswer(error);
      record(
        'fake-bad-response',
        operationId,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      return {
        status: 500,
        body: { message: `fake-github GraphQL error: ${String(error)}`, documentation_url: docs },
      };
    }
  })();

  deps.coverage.recordOperation(operationId, answer.status);
  if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault!.delayMs));
  world.requests.push({
    seq: world.requests.length + 1,
    method: request.method.toUpperCase(),
    path: `${url.pathname}${url.search}`,
    operationId,
    status: answer.status,
    caller: describeCaller(caller),
    body,
    faulted: fault !== undefined,
    ms: Math.round(performance.now() - started),
    at: world.clock.now(),
    arrivedAtMs: performance.timeOrigin + started,
  });
  const headers = {
    ...apiHeaders(world, null),
    'x-ratelimit-resource': 'graphql',
    ...answer.headers,
  };
  const response = new Response(JSON.stringify(answer.body), { status: answer.status, headers });
  return { response, held, drop: fault?.drop === true };
}

function recordProblem(
  record: (
    kind: 'unimplemented' | 'app-bad-request' | 'fake-bad-response',
    subject: string,
    detail: string,
  ) => void,
  operationId: string,
  problem: Problem,
): void {
  switch (problem.kind) {
    case 'unresolved':
      return record('unimplemented', `graphql ${problem.coordinate}`, `at ${problem.path}`);
    case 'bad-query':
      return record('app-bad-request', operationId, problem.detail);
    case 'resolver-threw':
      return record('fake-bad-response', operationId, `resolver threw: ${problem.detail}`);
  }
}

async function readBody(request: Request): Promise<GraphqlBody> {
  try {
    const parsed: unknown = JSON.parse(await request.text());
    if (parsed !== null && typeof parsed === 'object') return parsed;
  } catch {
    // answered below, as GitHub does for a body that is not a JSON object
  }
  throw new GitHubError(400, 'Problems parsing JSON', { documentationUrl: docs });
}

/** GraphQL's own wording for a request without credentials; the rest as REST words it. */
function errorAnswer(error: GitHubError): Answer {
  const message =
    error.message === 'Requires authentication'
      ? 'This endpoint requires you to be authenticated.'
      : error.message;
  const answer = new GitHubError(error.status, message, { documentationUrl: docs });
  return { status: error.status, body: answer.body(), headers: error.extra.headers };
}

/** As for REST: a rule with only a delay slows the real answer down; anything else replaces it. */
function replacesAnswer(fault: FaultRule): boolean {
  return fault.status !== undefined || fault.message !== undefined || fault.delayMs === undefined;
}

function faultAnswer(fault: FaultRule): Answer {
  return {
    status: fault.status ?? 500,
    body: { message: fault.message ?? 'Server Error', documentation_url: docs },
    headers: fault.headers,
  };
}
