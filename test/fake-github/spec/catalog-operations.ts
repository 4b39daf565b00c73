import type {
  HttpMethod,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SpecDocument,
} from './spec-document.js';
import { HTTP_METHODS, isReference, resolveReference } from './spec-document.js';

const JSON_MEDIA_TYPE = 'application/json';

export interface DocumentedResponse {
  /** Where the JSON body schema sits in the document; undefined when no JSON body is documented. */
  jsonSchemaLocation: readonly string[] | undefined;
  mediaTypes: readonly string[];
}

export interface CatalogedOperation {
  operationId: string;
  method: HttpMethod;
  pathTemplate: string;
  documentationUrl: string | undefined;
  parameters: readonly ParameterObject[];
  requestBody:
    | { required: boolean; jsonSchemaLocation: readonly string[] | undefined; mediaTypes: string[] }
    | undefined;
  responses: ReadonlyMap<number, DocumentedResponse>;
}

/** Every operation of the document by operationId, with references already followed. */
export function catalogOperations(document: SpecDocument): Map<string, CatalogedOperation> {
  const catalog = new Map<string, CatalogedOperation>();
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const location = ['paths', pathTemplate, method];
      catalog.set(operation.operationId, {
        operationId: operation.operationId,
        method,
        pathTemplate,
        documentationUrl: operation.externalDocs?.url,
        parameters: (operation.parameters ?? []).map((p) => resolveReference(document, p)),
        requestBody: describeRequestBody(operation, location),
        responses: describeResponses(document, operation, location),
      });
    }
  }
  return catalog;
}

function describeRequestBody(
  operation: OperationObject,
  location: readonly string[],
): CatalogedOperation['requestBody'] {
  const body = operation.requestBody;
  if (body === undefined) return undefined;
  const content = body.content ?? {};
  return {
    required: body.required === true,
    jsonSchemaLocation: content[JSON_MEDIA_TYPE]?.schema
      ? [...location, 'requestBody', 'content', JSON_MEDIA_TYPE, 'schema']
      : undefined,
    mediaTypes: Object.keys(content),
  };
}

function describeResponses(
  document: SpecDocument,
  operation: OperationObject,
  location: readonly string[],
): Map<number, DocumentedResponse> {
  const responses = new Map<number, DocumentedResponse>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    // Shared responses (`not_found`, `validation_failed`) live under components.
    const responseLocation = isReference(response)
      ? response.$ref.replace(/^#\//, '').split('/')
      : [...location, 'responses', status];
    const resolved = resolveReference<ResponseObject>(document, response);
    const content = resolved.content ?? {};
    responses.set(Number(status), {
      jsonSchemaLocation: content[JSON_MEDIA_TYPE]?.schema
        ? [...responseLocation, 'content', JSON_MEDIA_TYPE, 'schema']
        : undefined,
      mediaTypes: Object.keys(content),
    });
  }
  return responses;
}
