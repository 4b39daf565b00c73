import { describeSchemaProblem } from '../messages/config-schema-problem-text.js';
import type { ConfigDocument, ConfigError, ParseConfigResult } from './types.js';
import { collectConfigWarnings } from './collect-config-warnings.js';
import { formatKeyPath } from './format-key-path.js';
import { locateKeyPath } from './locate-key-path.js';
import { sluiceConfigSchema } from './sluice-config-schema.js';
import { toSchemaProblems, type PlacedProblem } from './to-schema-problems.js';

/**
 * Judges a loaded (possibly merged) document against the schema. Errors point at the file
 * and line each offending key or value came from, in reading order.
 */
export function validateConfig(document: ConfigDocument): ParseConfigResult {
  const result = sluiceConfigSchema.safeParse(document.value);
  if (result.success) {
    return {
      ok: true,
      config: result.data,
      warnings: collectConfigWarnings(result.data, document),
    };
  }
  const errors = result.error.issues
    .flatMap((issue) => toSchemaProblems(issue, document.value))
    .map((placed) => toConfigError(placed, document));
  return { ok: false, errors: sortInReadingOrder(errors, document.path) };
}

function toConfigError(placed: PlacedProblem, document: ConfigDocument): ConfigError {
  const { file, line, column } = locateKeyPath(document.locations, placed.path, placed.at);
  const keyPath = formatKeyPath(placed.path);
  const last = placed.path.at(-1);
  const place = {
    keyPath,
    leaf: last === undefined ? '' : String(last),
    parentPath: formatKeyPath(placed.path.slice(0, -1)),
  };
  const { message, fix } = describeSchemaProblem(placed.problem, place);
  return { path: file, line, column, keyPath, kind: placed.problem.kind, message, fix };
}

/** The repository's own file first, then inherited ones; by position within each. */
function sortInReadingOrder(errors: ConfigError[], mainFile: string): ConfigError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        Number(a.error.path !== mainFile) - Number(b.error.path !== mainFile) ||
        a.error.path.localeCompare(b.error.path) ||
        a.error.line - b.error.line ||
        a.error.column - b.error.column ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}
