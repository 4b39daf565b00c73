import type { ErrorObject } from 'ajv';

/**
 * Ajv errors as one line each for the engineer reading a failed test:
 * `/pull_request/head/sha: must be string (got 42)`.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const lines = pruneNoise(errors).map((error) => {
    const message = error.keyword === 'type' ? `must be ${typeNameOf(error)}` : error.message;
    return `${error.instancePath || '/'}: ${message ?? error.keyword}${detailOf(error)}`;
  });
  return [...new Set(lines)];
}

/**
 * The same errors worded the way GitHub words an invalid request, e.g.
 * `"sha" wasn't supplied.` and `For 'properties/issue', "517" is not an integer.`
 */
export function describeRequestErrors(errors: readonly ErrorObject[]): string[] {
  const lines = pruneNoise(errors).map((error) => {
    if (error.keyword === 'required') {
      return `"${String(error.params.missingProperty)}" wasn't supplied.`;
    }
    const where = `For '${schemaPathOf(error.instancePath)}', ${preview(error.data)}`;
    switch (error.keyword) {
      case 'type':
        return `${where} is not ${withArticle(typeNameOf(error))}.`;
      case 'enum':
        return `${where} is not one of ${JSON.stringify(error.params.allowedValues)}.`;
      default:
        return `${where} ${error.message ?? 'is not valid'}.`;
    }
  });
  return [...new Set(lines)];
}

/**
 * Nullable schemas become `anyOf: [X, {type: "null"}]`, so a bad value also reports "must
 * be null" and "must match a schema in anyOf"; neither tells the reader anything when the
 * branch's own errors are there.
 */
function pruneNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const informative = errors.filter(
    (error) => !(error.keyword === 'type' && error.params.type === 'null'),
  );
  return informative.filter(
    (error) =>
      error.keyword !== 'anyOf' ||
      !informative.some(
        (other) => other !== error && other.keyword !== 'anyOf' && isWithin(other, error),
      ),
  );
}

function isWithin(inner: ErrorObject, outer: ErrorObject): boolean {
  return (
    inner.instancePath === outer.instancePath ||
    inner.instancePath.startsWith(`${outer.instancePath}/`)
  );
}

function detailOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'type':
    case 'format':
    case 'const':
    case 'pattern':
      return ` (got ${preview(error.data)})`;
    case 'enum':
      return `: ${JSON.stringify(error.params.allowedValues)} (got ${preview(error.data)})`;
    case 'additionalProperties':
      return ` ('${String(error.params.additionalProperty)}')`;
    default:
      return '';
  }
}

/** GitHub names the failing value by schema path: `properties/labels/items`. */
function schemaPathOf(instancePath: string): string {
  if (instancePath === '') return 'body';
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? 'items' : `properties/${unescape(segment)}`))
    .join('/');
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Ajv joins a nullable's types with a comma: `string,null`. */
function typeNameOf(error: ErrorObject): string {
  return String(error.params.type).split(',').join(' or ');
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
