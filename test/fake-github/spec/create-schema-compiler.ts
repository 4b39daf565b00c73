import { performance } from 'node:perf_hooks';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SchemaObject, SpecDocument } from './spec-document.js';

// ajv-formats is CommonJS: under NodeNext the default import is `module.exports`.
const addFormats = addFormatsModule.default;

const DOCUMENT_ID = 'github-openapi';

export interface CompileStats {
  compiled: number;
  totalMs: number;
  slowestMs: number;
}

export interface SchemaCompiler {
  /** A validator for the schema at `location` (path segments into the spec document). */
  validatorAt(location: readonly string[]): ValidateFunction;
  /** A validator for a schema built here, which may `$ref` locations via `refTo`. */
  validatorFor(cacheKey: string, schema: SchemaObject): ValidateFunction;
  /** Like `validatorFor`, but coerces query/path strings in place and fills in defaults. */
  coercingValidatorFor(cacheKey: string, schema: SchemaObject): ValidateFunction;
  refTo(location: readonly string[]): string;
  stats(): CompileStats;
}

/**
 * The normalised document is registered with Ajv so `#/components/...` references resolve
 * inside it. Nothing compiles until first use: compiling all 1,200 operations up front
 * would cost seconds per Jest worker, while a test touches a handful.
 */
export function createSchemaCompiler(document: SpecDocument): SchemaCompiler {
  // `strict: false`: the spec carries `example`, `x-github` and other non-JSON-Schema keys.
  // `unicodeRegExp: false`: its `pattern`s are written for Ruby, not for the `u` flag.
  // `verbose`: errors carry the offending value, for messages and for known-bug matching.
  const base: Options = {
    strict: false,
    allErrors: true,
    verbose: true,
    validateSchema: false,
    unicodeRegExp: false,
    inlineRefs: false,
  };
  const strict = new Ajv(base);
  addFormats(strict, ['date-time', 'uri']);
  // Registered, never compiled as a whole: only the parts validators `$ref` get compiled.
  strict.addSchema(document, DOCUMENT_ID);
  // Parameter schemas arrive with their one `$ref` resolved and hold no others, so this
  // instance skips registering the document (the costliest step of loading).
  // No formats on parameters: `created` claims date-time, yet GitHub takes `>2024-01-01`.
  const coercing = new Ajv({
    ...base,
    coerceTypes: 'array',
    useDefaults: true,
    validateFormats: false,
  });
  const cache = new Map<string, ValidateFunction>();
  const stats: CompileStats = { compiled: 0, totalMs: 0, slowestMs: 0 };

  function compileOnce(key: string, compile: () => ValidateFunction): ValidateFunction {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const started = performance.now();
    const validate = compile();
    const elapsed = performance.now() - started;
    stats.compiled += 1;
    stats.totalMs += elapsed;
    stats.slowestMs = Math.max(stats.slowestMs, elapsed);
    cache.set(key, validate);
    return validate;
  }

  return {
    validatorAt(location) {
      const ref = refTo(location);
      return compileOnce(ref, () => strict.compile({ $ref: ref }));
    },
    validatorFor(cacheKey, schema) {
      return compileOnce(`strict:${cacheKey}`, () => strict.compile(schema));
    },
    coercingValidatorFor(cacheKey, schema) {
      return compileOnce(`coercing:${cacheKey}`, () => coercing.compile(schema));
    },
    refTo,
    stats: () => ({ ...stats }),
  };
}

function refTo(location: readonly string[]): string {
  return `${DOCUMENT_ID}#/${location.map(escapePointerSegment).join('/')}`;
}

/** JSON Pointer escaping, then URI escaping, since the pointer travels in a `$ref` URI. */
function escapePointerSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}
