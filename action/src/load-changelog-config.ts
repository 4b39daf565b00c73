import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChangelogConfig } from '../../src/changelog/index.js';
import { changelogConfigFrom, describeConfigErrors } from '../../src/changelog/index.js';
import { resolveConfigText, type ExtendsReader } from '../../src/config/index.js';

/** A config file the Action cannot use: the message lists each problem and its fix. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/**
 * The repository's Sluice config, or the defaults when the file does not exist. `_extends` is
 * followed through the API (`reader`, given a token), so the changelog uses the settings the
 * app uses; without a token such a file is an error rather than half its settings.
 */
export async function loadChangelogConfig(
  workspace: string,
  path: string,
  reader?: ExtendsReader,
): Promise<ChangelogConfig> {
  const text = await readFile(resolve(workspace, path), 'utf8').catch(() => undefined);
  const parsed = await resolveConfigText(text, {
    path,
    configPath: '.github/sluice.yml',
    reader,
    offlineFix:
      'Give the Action a `token` (it reads the extended file through the API), or copy the settings into this file.',
  });
  if (!parsed.ok) throw new ConfigFileError(describeConfigErrors(parsed.errors));
  return changelogConfigFrom(parsed.config);
}
