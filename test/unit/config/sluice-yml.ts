import { parseConfig } from '../../../src/config/parse-config.js';
import type {
  ConfigError,
  ConfigWarning,
  ParseConfigResult,
  SluiceConfig,
} from '../../../src/config/types.js';

export const sluiceYml = '.github/sluice.yml';

/**
 * YAML written indented inside a test, with the common indentation removed, so line
 * numbers in assertions count from the first line of the literal.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce(
    (text, part, i) => text + part + (i < values.length ? String(values[i]) : ''),
    '',
  );
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ ]*$/, '\n')
    .split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)![0].length);
  const common = Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

export function parse(text: string | undefined): ParseConfigResult {
  return parseConfig(text, { path: sluiceYml });
}

/** The config a valid file yields; fails the test with the errors when it is invalid. */
export function configOf(text: string | undefined): SluiceConfig {
  const result = parse(text);
  if (!result.ok)
    throw new Error(`expected a valid config, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.config;
}

/** The errors an invalid file yields; fails the test when it is valid. */
export function errorsOf(text: string): ConfigError[] {
  const result = parse(text);
  if (result.ok) throw new Error('expected config errors, but the file is valid');
  return result.errors;
}

/** The one error an invalid file yields. */
export function onlyErrorOf(text: string): ConfigError {
  const errors = errorsOf(text);
  if (errors.length !== 1)
    throw new Error(`expected one error, got ${JSON.stringify(errors, null, 2)}`);
  return errors[0]!;
}

/** Where and what, without the prose: what most location tests compare. */
export function located(
  error: ConfigError,
): Pick<ConfigError, 'line' | 'column' | 'keyPath' | 'kind'> {
  return { line: error.line, column: error.column, keyPath: error.keyPath, kind: error.kind };
}

/** The warnings of a valid file; fails the test when it is invalid. */
export function warningsOf(text: string): ConfigWarning[] {
  const result = parse(text);
  if (!result.ok)
    throw new Error(`expected a valid config, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.warnings;
}
