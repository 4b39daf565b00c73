import type { CatalogedOperation } from './catalog-operations.js';
import type { SchemaCompiler } from './create-schema-compiler.js';
import { describeRequestErrors } from './describe-schema-errors.js';
import type { ParameterObject, SchemaObject, SpecDocument } from './spec-document.js';
import { resolveReference } from './spec-document.js';

export interface RequestToValidate {
  operationId: string;
  /** Decoded path parameters, as `match` returns them. */
  pathParams: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
}

export interface RequestProblem {
  in: 'path' | 'query' | 'body';
  /** Worded as GitHub words it: `"sha" wasn't supplied.` */
  message: string;
}

export type RequestValidation =
  | {
      ok: true;
      /** Coerced by schema (`"12"` -> 12, `"true"` -> true, `"a,b"` -> ["a", "b"]), defaults filled. */
      pathParams: Record<string, unknown>;
      query: Record<string, unknown>;
      body: unknown;
    }
  | { ok: false; problems: RequestProblem[] };

interface RequestContext {
  document: SpecDocument;
  compiler: SchemaCompiler;
}

export function validateRequest(
  context: RequestContext,
  operation: CatalogedOperation,
  request: RequestToValidate,
): RequestValidation {
  const pathParams: Record<string, unknown> = { ...request.pathParams };
  const query = readDeclaredQuery(context.document, operation, request.query);
  const problems = [
    ...checkParameters(context, operation, 'path', pathParams),
    ...checkParameters(context, operation, 'query', query),
    ...checkBody(context.compiler, operation, request.body),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, pathParams, query, body: request.body };
}

/** The 422 message GitHub sends for a request that fails its schema. */
export function invalidRequestMessage(problems: readonly RequestProblem[]): string {
  return `Invalid request.\n\n${problems.map((problem) => problem.message).join('\n')}`;
}

function checkParameters(
  { document, compiler }: RequestContext,
  operation: CatalogedOperation,
  location: 'path' | 'query',
  values: Record<string, unknown>,
): RequestProblem[] {
  const declared = operation.parameters.filter((parameter) => parameter.in === location);
  const schema: SchemaObject = {
    type: 'object',
    properties: Object.fromEntries(declared.map((p) => [p.name, parameterSchema(document, p)])),
    required: declared.filter((p) => p.required === true).map((p) => p.name),
  };
  const validate = compiler.coercingValidatorFor(`${operation.operationId}:${location}`, schema);
  if (validate(values)) return [];
  return describeRequestErrors(validate.errors ?? []).map((message) => ({ in: location, message }));
}

function checkBody(
  compiler: SchemaCompiler,
  operation: CatalogedOperation,
  body: unknown,
): RequestProblem[] {
  const location = operation.requestBody?.jsonSchemaLocation;
  if (location === undefined) return [];
  if (body === undefined && operation.requestBody?.required !== true) return [];
  // GitHub reads a missing required body as `{}` and then names the missing fields.
  const validate = compiler.validatorAt(location);
  if (validate(body ?? {})) return [];
  return describeRequestErrors(validate.errors ?? []).map((message) => ({ in: 'body', message }));
}

/**
 * Only declared parameters, so unknown ones are ignored as GitHub ignores them. Arrays
 * arrive as `a,b` (Octokit), repeated keys, or `key[]=`; a repeated scalar keeps the last.
 */
function readDeclaredQuery(
  document: SpecDocument,
  operation: CatalogedOperation,
  query: URLSearchParams,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query') continue;
    const raw = [...query.getAll(parameter.name), ...query.getAll(`${parameter.name}[]`)];
    if (raw.length === 0) continue;
    values[parameter.name] =
      parameterSchema(document, parameter).type === 'array'
        ? raw.flatMap((value) => value.split(','))
        : raw.at(-1);
  }
  return values;
}

/** Inlined rather than `$ref`ed, because Ajv fills in defaults only from inline schemas. */
function parameterSchema(document: SpecDocument, parameter: ParameterObject): SchemaObject {
  return resolveReference<SchemaObject>(document, parameter.schema ?? {});
}
