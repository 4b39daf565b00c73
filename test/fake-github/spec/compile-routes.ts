import type { CatalogedOperation } from './catalog-operations.js';
import type { HttpMethod } from './spec-document.js';

export interface CompiledRoute {
  pathTemplate: string;
  operationIds: ReadonlyMap<HttpMethod, string>;
  parameterNames: readonly string[];
  /** Every parameter matches exactly one segment. */
  singleSegment: RegExp;
  /** Multi-segment parameters may also span raw `/`; undefined when the template has none. */
  multiSegment: RegExp | undefined;
}

/**
 * GitHub accepts raw `/` inside these even though Octokit percent-encodes them; the spec
 * marks most such parameters `x-multi-segment`, and these names are covered regardless.
 */
const MULTI_SEGMENT_NAMES = new Set(['ref', 'branch', 'path', 'basehead']);

const PARAMETER = /\{([^}]+)\}/g;

/**
 * GitHub answers `contents`, `contents/` and `contents/?ref=x` with the repository's root
 * directory (octokit/fixtures `get-content` records `GET .../contents/`): a `{path}` that
 * ends the template may be empty, its slash included.
 */
const MAY_BE_EMPTY_AT_END = new Set(['path']);

/**
 * One route per path template, most specific first: more literal segments win
 * (`/pulls/comments/{id}` before `/pulls/{pull_number}`); on a tie, fewer parameters win,
 * which sends `compare/a...b` to `{basehead}` rather than its deprecated `{base}...{head}`
 * alias (the two URLs are byte-identical, so only one operation can answer).
 */
export function compileRoutes(operations: Iterable<CatalogedOperation>): CompiledRoute[] {
  const byTemplate = new Map<string, CatalogedOperation[]>();
  for (const operation of operations) {
    const siblings = byTemplate.get(operation.pathTemplate) ?? [];
    siblings.push(operation);
    byTemplate.set(operation.pathTemplate, siblings);
  }
  const routes = [...byTemplate].map(([template, siblings]) => compileRoute(template, siblings));
  return routes.sort(
    (a, b) =>
      countLiteralSegments(b.pathTemplate) - countLiteralSegments(a.pathTemplate) ||
      a.parameterNames.length - b.parameterNames.length,
  );
}

function compileRoute(pathTemplate: string, siblings: CatalogedOperation[]): CompiledRoute {
  const multiSegmentNames = new Set(
    siblings.flatMap((operation) =>
      operation.parameters
        .filter(
          (p) =>
            p.in === 'path' && (p['x-multi-segment'] === true || MULTI_SEGMENT_NAMES.has(p.name)),
        )
        .map((p) => p.name),
    ),
  );
  const parameterNames = [...pathTemplate.matchAll(PARAMETER)].map((m) => m[1] ?? '');
  const hasMultiSegment = parameterNames.some((name) => multiSegmentNames.has(name));
  return {
    pathTemplate,
    operationIds: new Map(siblings.map((operation) => [operation.method, operation.operationId])),
    parameterNames,
    singleSegment: templateToRegExp(pathTemplate, new Set()),
    multiSegment: hasMultiSegment ? templateToRegExp(pathTemplate, multiSegmentNames) : undefined,
  };
}

function templateToRegExp(pathTemplate: string, multiSegmentNames: ReadonlySet<string>): RegExp {
  let source = '';
  let last = 0;
  for (const match of pathTemplate.matchAll(PARAMETER)) {
    const literal = escapeRegExp(pathTemplate.slice(last, match.index));
    const name = match[1] ?? '';
    last = match.index + match[0].length;
    const multiSegment = multiSegmentNames.has(name);
    const emptyAtEnd =
      multiSegment &&
      MAY_BE_EMPTY_AT_END.has(name) &&
      last === pathTemplate.length &&
      literal.endsWith('/');
    if (emptyAtEnd) source += `${literal.slice(0, -1)}(?:/(.*))?`;
    else source += literal + (multiSegment ? '(.+)' : '([^/]+?)');
  }
  source += escapeRegExp(pathTemplate.slice(last));
  return new RegExp(`^${source}$`);
}

function countLiteralSegments(pathTemplate: string): number {
  return pathTemplate.split('/').filter((segment) => segment !== '' && !segment.includes('{'))
    .length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
