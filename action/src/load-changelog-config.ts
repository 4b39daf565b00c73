import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChangelogConfig } from '../../src/changelog/index.js';
import { changelogConfigFrom, describeConfigErrors } from '../../src/changelog/index.js';
import { parseConfig } from '../../src/config/index.js';

/** A config file the Action cannot use: the message lists each problem and its fix. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/** The repository's Sluice config, or the defaults when the file does not exist. */
export async function loadChangelogConfig(
  workspace: string,
  path: string,
): Promise<ChangelogConfig> {
  const text = await readFile(resolve(workspace, path), 'utf8').catch(() => undefined);
  const parsed = parseConfig(text, { path });
  if (!parsed.ok) throw new ConfigFileError(describeConfigErrors(parsed.errors));
  return changelogConfigFrom(parsed.config);
}
