/**
 * Rewrites one OpenAPI 3.0 schema, in place, into JSON Schema that Ajv accepts and that
 * judges GitHub's real payloads fairly.
 */

type Schema = Record<string, unknown>;

/** Formats worth checking: the rest are either not JSON Schema (`int64`, `uri-template`,
 * `repo.nwo`) or wrong for real data (`email` rejects `name[bot]@users.noreply.github.com`). */
const CHECKED_FORMATS = new Set(['date-time', 'uri']);

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

export function normalizeSchema(schema: unknown): void {
  if (!isSchema(schema)) return;
  for (const child of Object.values(asSchemaMap(schema.properties))) normalizeSchema(child);
  for (const child of Object.values(asSchemaMap(schema.patternProperties))) normalizeSchema(child);
  normalizeSchema(schema.items);
  normalizeSchema(schema.additionalProperties);
  normalizeSchema(schema.not);
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach(normalizeSchema);
  }
  relaxFormat(schema);
  completeAppEvents(schema);
  relaxOneOf(schema);
  rewriteNullable(schema);
}

function relaxFormat(schema: Schema): void {
  if (typeof schema.format === 'string' && !CHECKED_FORMATS.has(schema.format)) {
    delete schema.format;
  }
}

/**
 * Events GitHub delivers (and lists in an app's `events`) that the enum of app events in its
 * published description does not name yet: an app subscribed to them would fail validation of
 * every `check_suite`/`check_run` payload that embeds the app.
 */
const EVENTS_MISSING_FROM_ENUM = ['repository_ruleset'];

function completeAppEvents(schema: Schema): void {
  const values = schema.enum;
  if (!Array.isArray(values) || !values.includes('check_suite') || !values.includes('push')) return;
  for (const event of EVENTS_MISSING_FROM_ENUM) if (!values.includes(event)) values.push(event);
}

/**
 * GitHub's `oneOf` branches overlap (validation-error `value` is string|integer|array, each
 * nullable, so `null` matches all three), and `discriminator` mappings name schemas that
 * cannot carry the property (`content-directory` is an array). Exclusive matching would
 * reject real payloads, so any matching branch is enough.
 */
function relaxOneOf(schema: Schema): void {
  delete schema.discriminator;
  const branches = schema.oneOf;
  if (!Array.isArray(branches)) return;
  delete schema.oneOf;
  if (schema.anyOf === undefined) {
    schema.anyOf = branches;
    return;
  }
  const allOf = Array.isArray(schema.allOf) ? (schema.allOf as unknown[]) : [];
  schema.allOf = [...allOf, { anyOf: branches }];
}

/**
 * OpenAPI 3.0 `nullable: true` has no JSON Schema meaning; Ajv rejects it without `type`.
 * With a `type`, null joins the type (and the enum, which would reject it otherwise);
 * without one (`allOf`/`anyOf`/`$ref` wrappers) the schema becomes "this, or null".
 */
function rewriteNullable(schema: Schema): void {
  if (!('nullable' in schema)) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
    letNullPastSubschemas(schema);
    return;
  }
  if (!hasConstraint(schema)) return;
  const constrained: Schema = {};
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key)) {
      constrained[key] = schema[key];
      delete schema[key];
    }
  }
  schema.anyOf = [constrained, { type: 'null' }];
}

/** A typed nullable schema that also has `allOf`/`anyOf` must let null past those too. */
function letNullPastSubschemas(schema: Schema): void {
  const subschemas: Schema = {};
  for (const key of SUBSCHEMA_LISTS) {
    if (schema[key] === undefined) continue;
    subschemas[key] = schema[key];
    delete schema[key];
  }
  if (Object.keys(subschemas).length > 0) schema.anyOf = [subschemas, { type: 'null' }];
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'readOnly',
  'deprecated',
]);

function hasConstraint(schema: Schema): boolean {
  return Object.keys(schema).some((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchemaMap(value: unknown): Record<string, unknown> {
  return isSchema(value) ? value : {};
}
