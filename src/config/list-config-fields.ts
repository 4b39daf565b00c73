import { configJsonSchema, type JsonSchemaNode } from './config-json-schema.js';

/** One setting as the reference documents it. */
export interface ConfigField {
  /** `gates.rules[].class`, `changelog.types.<type>`. */
  keyPath: string;
  /** Sections hold other fields; the reference gives them headings, not rows. */
  kind: 'section' | 'setting';
  title?: string;
  description: string;
  type: string;
  /** The allowed values, when the setting is a choice. */
  options?: string[];
  /** Absent when the field has no default (it is optional, or required in a list entry). */
  default?: unknown;
  /** Only list entries have required fields: every top-level setting has a default. */
  required: boolean;
}

/** Every section and setting of the schema, depth first, in declaration order. */
export function listConfigFields(root: JsonSchemaNode = configJsonSchema): ConfigField[] {
  return listChildren('', root);
}

function listChildren(prefix: string, parent: JsonSchemaNode): ConfigField[] {
  const required = Array.isArray(parent.required) ? (parent.required as string[]) : [];
  return Object.entries(parent.properties ?? {}).flatMap(([key, node]) =>
    listField(`${prefix}${key}`, node, required.includes(key)),
  );
}

function listField(keyPath: string, node: JsonSchemaNode, required: boolean): ConfigField[] {
  const base = {
    keyPath,
    description: node.description ?? '',
    type: describeType(node),
    required,
    ...(node.title === undefined ? {} : { title: node.title }),
    ...(node.enum === undefined ? {} : { options: node.enum.map(String) }),
    ...('default' in node ? { default: node.default } : {}),
  };
  if (node.properties !== undefined) {
    const { default: _sectionDefault, ...section } = base;
    return [{ ...section, kind: 'section' }, ...listChildren(`${keyPath}.`, node)];
  }
  const entry = node.items;
  if (entry?.properties !== undefined) {
    return [{ ...base, kind: 'setting' }, ...listChildren(`${keyPath}[].`, entry)];
  }
  return [{ ...base, kind: 'setting' }];
}

/** A short human type: `fast-forward | merge-api`, `list of text`, `text or null`. */
export function describeType(node: JsonSchemaNode): string {
  if (node.enum !== undefined) return node.enum.map(String).join(' | ');
  // zod writes a nullable value with length limits as `anyOf: [{ type: 'string' }, { type: 'null' }]`.
  if (Array.isArray(node.anyOf))
    return (node.anyOf as JsonSchemaNode[]).map(describeType).join(' or ');
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  const names = types.map((type) => {
    switch (type) {
      case 'array':
        return `list of ${node.items === undefined ? 'values' : plural(describeType(node.items))}`;
      case 'object':
        return typeof node.additionalProperties === 'object'
          ? `mapping of text to ${describeType(node.additionalProperties)}`
          : 'mapping';
      case 'string':
        return 'text';
      case 'integer':
        return 'whole number';
      case 'null':
        return 'null';
      default:
        return type;
    }
  });
  return names.join(' or ') || 'any';
}

function plural(type: string): string {
  if (type === 'text' || type.includes('|')) return type;
  return type === 'mapping' ? 'mappings' : `${type}s`;
}
