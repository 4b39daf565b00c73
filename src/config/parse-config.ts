import type { ParseConfigResult } from './types.js';
import { loadConfigDocument } from './load-config-document.js';
import { validateConfig } from './validate-config.js';

/**
 * Reads and validates one `.github/sluice.yml`. `text` is undefined when the file is
 * missing, which like an empty file yields the defaults. For a file that may use `_extends`,
 * `resolveConfigText` follows it first.
 */
export function parseConfig(
  text: string | undefined,
  options: { path: string },
): ParseConfigResult {
  const loaded = loadConfigDocument(text, options);
  if (!loaded.ok) return loaded;
  return validateConfig(loaded.document);
}
