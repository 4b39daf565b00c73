import type { CatalogedOperation, DocumentedResponse } from './catalog-operations.js';
import type { SchemaCompiler } from './create-schema-compiler.js';
import { checkAgainstSchema, type SchemaCheck } from './check-against-schema.js';
import type { KnownSpecBug } from './known-spec-bugs.js';

export interface ResponseToValidate {
  operationId: string;
  status: number;
  /** The parsed JSON body; undefined for an empty body. */
  body: unknown;
  /** Only needed for non-JSON bodies (logs, diffs), whose content the spec does not describe. */
  contentType?: string;
}

/**
 * GitHub's spec documents few error statuses (`checks/create` lists only 201), yet any
 * endpoint can answer these. They are accepted when the body looks like GitHub's errors.
 */
const COMMON_ERROR_STATUSES = new Set([
  301, 302, 304, 400, 401, 403, 404, 405, 409, 410, 422, 500, 502, 503,
]);
const BODYLESS_STATUSES = new Set([204, 304]);

export function validateResponse(
  compiler: SchemaCompiler,
  operation: CatalogedOperation,
  response: ResponseToValidate,
  knownSpecBugs: readonly KnownSpecBug[],
): SchemaCheck {
  const { status, body, contentType } = response;
  const documented = operation.responses.get(status);
  if (documented === undefined && !COMMON_ERROR_STATUSES.has(status)) {
    const statuses = [...operation.responses.keys()].join(', ');
    return failure(`status ${status} is not documented for ${operation.operationId} (${statuses})`);
  }
  if (isEmpty(body)) return checkEmptyBody(operation, status, documented);
  if (BODYLESS_STATUSES.has(status)) return failure(`status ${status} must not have a body`);
  if (contentType !== undefined && !isJson(contentType)) {
    return documented?.mediaTypes.includes(mediaTypeOf(contentType)) === true
      ? { ok: true, excused: [] }
      : failure(`${contentType} is not documented for ${operation.operationId} ${status}`);
  }
  // Some error statuses are documented without content (git/delete-ref 422, pulls/check-if-merged
  // 404), yet GitHub sends its usual error JSON there too.
  const bodylessError =
    documented?.jsonSchemaLocation === undefined &&
    status >= 400 &&
    COMMON_ERROR_STATUSES.has(status);
  if (documented === undefined || bodylessError) {
    return checkAgainstSchema(commonErrorValidator(compiler), body, undefined, knownSpecBugs);
  }
  if (documented.jsonSchemaLocation === undefined) {
    return failure(`status ${status} of ${operation.operationId} documents no JSON body`);
  }
  const subject = { kind: 'response', operationId: operation.operationId, status } as const;
  return checkAgainstSchema(
    compiler.validatorAt(documented.jsonSchemaLocation),
    body,
    subject,
    knownSpecBugs,
  );
}

/** A redirect, a 204 or a 304 carries nothing; a documented JSON body must be there. */
function checkEmptyBody(
  operation: CatalogedOperation,
  status: number,
  documented: DocumentedResponse | undefined,
): SchemaCheck {
  const expectsJson = documented?.jsonSchemaLocation !== undefined;
  const mayBeEmpty = documented === undefined ? status < 400 : !expectsJson;
  return mayBeEmpty
    ? { ok: true, excused: [] }
    : failure(`status ${status} of ${operation.operationId} needs a JSON body, got none`);
}

/** basic-error with `message` required; a 422's `errors` as validation-error has them. */
function commonErrorValidator(compiler: SchemaCompiler) {
  const errorItem = compiler.refTo([
    'components',
    'schemas',
    'validation-error',
    'properties',
    'errors',
    'items',
  ]);
  return compiler.validatorFor('common-error', {
    allOf: [{ $ref: compiler.refTo(['components', 'schemas', 'basic-error']) }],
    required: ['message'],
    properties: {
      errors: { type: 'array', items: { anyOf: [{ $ref: errorItem }, { type: 'string' }] } },
    },
  });
}

function failure(message: string): SchemaCheck {
  return { ok: false, errors: [message], excused: [] };
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === '';
}

function isJson(contentType: string): boolean {
  return /^application\/(.+\+)?json$/.test(mediaTypeOf(contentType));
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
