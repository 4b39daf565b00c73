import type { CompiledRoute } from './compile-routes.js';
import type { HttpMethod } from './spec-document.js';
import { HTTP_METHODS } from './spec-document.js';

export type RouteMatch =
  | {
      kind: 'operation';
      operationId: string;
      pathTemplate: string;
      /** Percent-decoded path parameters, still strings (validation coerces them). */
      pathParams: Record<string, string>;
      query: URLSearchParams;
    }
  /** No template matches: GitHub answers 404. */
  | { kind: 'unknown-path'; path: string }
  /** The path exists, the method does not. GitHub answers 404 here too, not 405. */
  | { kind: 'method-not-allowed'; pathTemplate: string; allowedMethods: HttpMethod[] }
  /** A template matched but a parameter's percent-encoding is broken (`%E0%A4%A`). */
  | { kind: 'malformed-path'; pathTemplate: string; reason: string };

const API_PREFIX = /^\/api\/v3(?=\/)/;

/**
 * Routes `method` and a raw request target (`/api/v3/repos/o/r/git/ref/heads%2Fx?x=1`, as
 * received, still percent-encoded). Matching happens on the encoded path so an encoded
 * `/` never splits a segment; captures are decoded afterwards. A second pass lets
 * multi-segment parameters (`{ref}`, `{path}`, ...) contain raw `/`.
 */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  target: string,
): RouteMatch {
  const queryStart = target.indexOf('?');
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
  const path = rawPath.replace(API_PREFIX, '');
  // GitHub serves HEAD wherever it serves GET.
  const lowered = method.toLowerCase();
  const wanted = lowered === 'head' ? 'get' : HTTP_METHODS.find((known) => known === lowered);
  let pathOnlyMatch: CompiledRoute | undefined;
  for (const pass of ['singleSegment', 'multiSegment'] as const) {
    for (const route of routes) {
      const captures = route[pass]?.exec(path);
      if (!captures) continue;
      pathOnlyMatch ??= route;
      const operationId = wanted === undefined ? undefined : route.operationIds.get(wanted);
      if (operationId === undefined) continue;
      return decodeMatch(route, operationId, captures.slice(1), query);
    }
  }
  if (pathOnlyMatch === undefined) return { kind: 'unknown-path', path };
  return {
    kind: 'method-not-allowed',
    pathTemplate: pathOnlyMatch.pathTemplate,
    allowedMethods: HTTP_METHODS.filter((m) => pathOnlyMatch.operationIds.has(m)),
  };
}

function decodeMatch(
  route: CompiledRoute,
  operationId: string,
  captures: string[],
  query: URLSearchParams,
): RouteMatch {
  const pathParams: Record<string, string> = {};
  for (const [index, name] of route.parameterNames.entries()) {
    const raw = captures[index] ?? '';
    try {
      pathParams[name] = decodeURIComponent(raw);
    } catch {
      return {
        kind: 'malformed-path',
        pathTemplate: route.pathTemplate,
        reason: `The ${name} parameter "${raw}" is not valid percent-encoding.`,
      };
    }
  }
  return { kind: 'operation', operationId, pathTemplate: route.pathTemplate, pathParams, query };
}
