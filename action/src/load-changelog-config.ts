import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChangelogConfig } from '../../src/changelog/index.js';
import { changelogConfigFrom, describeConfigErrors } from '../../src/changelog/index.js';
import { resolveConfigText, type ExtendsReader } from '../../src/config/index.js';
import { DEFAULT_CONFIG_PATH } from './inputs.js';

/** A config file the Action cannot use: the message lists each problem and its fix. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/**
 * The repository's Sluice config, or the defaults when the file does not exist and was not
 * asked for by name (`required`: a path the workflow gave must exist). `_extends` is
 * followed through the API (`reader`, given a token), so the changelog uses the settings the
 * app uses; without a token such a file is an error rather than half its settings.
 */
export async function loadChangelogConfig(
  workspace: string,
  path: string,
  reader?: ExtendsReader,
  required = false,
): Promise<ChangelogConfig> {
  const text = await readFile(resolve(workspace, path), 'utf8').catch((error: unknown) => {
    const missing = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    if (missing && !required) return undefined;
    const reason = missing ? 'no such file' : (error as Error).message;
    throw new ConfigFileError(
      `config ${path}: cannot read it (${reason}). Fix the \`config\` input, or leave it out to use ${DEFAULT_CONFIG_PATH} when it exists.`,
    );
  });
  const parsed = await resolveConfigText(text, {
    path,
    configPath: DEFAULT_CONFIG_PATH,
    reader,
    offlineFix:
      'Give the Action a `token` (it reads the extended file through the API), or copy the settings into this file.',
  });
  if (!parsed.ok) throw new ConfigFileError(describeConfigErrors(parsed.errors));
  return changelogConfigFrom(parsed.config);
}
