import { normalizeSchema } from './normalize-schema.js';
import type { MediaTypeObject, PathItem, SpecDocument } from './spec-document.js';
import { HTTP_METHODS, isReference } from './spec-document.js';

/**
 * Normalises every schema position of the document in place (components, parameters,
 * bodies, responses, webhooks), walking schema keywords only so that a property that
 * happens to be called `format` or `nullable` is left alone.
 */
export function normalizeSpecDocument(document: SpecDocument): void {
  const { components } = document;
  for (const schema of Object.values(components.schemas)) normalizeSchema(schema);
  for (const parameter of Object.values(components.parameters)) normalizeSchema(parameter.schema);
  for (const response of Object.values(components.responses)) normalizeContent(response.content);
  normalizePathItems(document.paths);
  normalizePathItems(document['x-webhooks']);
}

function normalizePathItems(items: Record<string, PathItem>): void {
  for (const item of Object.values(items)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      for (const parameter of operation.parameters ?? []) {
        if (!isReference(parameter)) normalizeSchema(parameter.schema);
      }
      normalizeContent(operation.requestBody?.content);
      for (const response of Object.values(operation.responses ?? {})) {
        if (!isReference(response)) normalizeContent(response.content);
      }
    }
  }
}

function normalizeContent(content: Record<string, MediaTypeObject> | undefined): void {
  for (const media of Object.values(content ?? {})) normalizeSchema(media.schema);
}
