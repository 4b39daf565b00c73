import { z } from 'zod';
import { configSchemaUrl } from './config-urls.js';
import type { KeyPath } from './format-key-path.js';
import { sluiceConfigSchema } from './sluice-config-schema.js';

/** The subset of JSON Schema that `z.toJSONSchema` produces for this config. */
export interface JsonSchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  additionalProperties?: JsonSchemaNode | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  [keyword: string]: unknown;
}

/**
 * The JSON schema editors use to complete and check `.github/sluice.yml`. It describes
 * what a user may write (every field optional), so it is generated from the input side.
 */
export function buildConfigJsonSchema(): JsonSchemaNode {
  const generated = z.toJSONSchema(sluiceConfigSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as JsonSchemaNode;
  const { $schema, title, description, ...rest } = generated;
  return { $schema, $id: configSchemaUrl, title, description, ...rest };
}

export const configJsonSchema: JsonSchemaNode = buildConfigJsonSchema();

/** The schema of the value at `path`, or undefined below what the schema describes. */
export function jsonSchemaAt(
  path: KeyPath,
  root: JsonSchemaNode = configJsonSchema,
): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') node = node.items;
    // hasOwn: a key such as `constructor` must not find Object.prototype's.
    else if (node.properties !== undefined)
      node = Object.hasOwn(node.properties, segment) ? node.properties[segment] : undefined;
    else
      node = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  }
  return node;
}
