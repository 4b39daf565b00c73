/**
 * The parts of GitHub's OpenAPI 3.0 description this layer reads, typed loosely: the file
 * is 13 MB of generated JSON, so only what we walk is named.
 */

export type SchemaObject = Record<string, unknown>;

export interface Reference {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
  'x-multi-segment'?: boolean;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | Reference)[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject | Reference>;
  externalDocs?: { url?: string };
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = Partial<Record<HttpMethod, OperationObject>>;

export interface SpecDocument {
  info: { version: string };
  paths: Record<string, PathItem>;
  'x-webhooks': Record<string, PathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
  };
}

export function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** Follows a local `#/components/<kind>/<name>` reference; the spec never chains them. */
export function resolveReference<T>(document: SpecDocument, value: T | Reference): T {
  if (!isReference(value)) return value;
  const [, , kind, name] = value.$ref.split('/');
  const table = (document.components as Record<string, Record<string, unknown> | undefined>)[
    kind ?? ''
  ];
  const target = table?.[name ?? ''];
  if (target === undefined) throw new Error(`Unresolvable reference ${value.$ref} in the spec`);
  return target as T;
}
