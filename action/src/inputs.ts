import { getInput } from '@actions/core';
import { normalize, resolve } from 'node:path';
import { parseRepositoryUrl } from '../../src/changelog/index.js';

/** The config file read when the workflow names none; it may be missing. */
export const DEFAULT_CONFIG_PATH = '.github/sluice.yml';

/** Everything the Action reads from its environment, read once. */
export interface ActionInputs {
  workspace: string;
  from: string | undefined;
  to: string;
  /** `undefined` when no changelog file should be written. */
  changelogPath: string | undefined;
  configPath: string;
  /** A path other than the default was given: the file must exist, as with the CLI. */
  configRequired?: boolean;
  token: string | undefined;
  dryRun: boolean;
  releaseTag: string | undefined;
  commit: boolean;
  repository: { owner: string; repo: string } | undefined;
  /** Set on GitHub Enterprise Server. */
  apiUrl: string | undefined;
  /** The repository's web address for CHANGELOG.md's links; unknown outside Actions. */
  repositoryUrl: string | undefined;
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const [owner, repo] = env.GITHUB_REPOSITORY?.split('/') ?? [];
  const configPath = optional(getInput('config')) ?? DEFAULT_CONFIG_PATH;
  return {
    workspace: resolve(env.GITHUB_WORKSPACE ?? process.cwd()),
    from: optional(getInput('from')),
    to: optional(getInput('to')) ?? 'HEAD',
    changelogPath: optional(getInput('changelog')),
    configPath,
    configRequired: normalize(configPath) !== normalize(DEFAULT_CONFIG_PATH),
    token: optional(getInput('token')),
    dryRun: readBoolean('dry-run'),
    releaseTag: optional(getInput('release-tag')),
    commit: readBoolean('commit'),
    repository: owner && repo ? { owner, repo } : undefined,
    apiUrl: optional(env.GITHUB_API_URL ?? ''),
    repositoryUrl:
      env.GITHUB_SERVER_URL && owner && repo
        ? parseRepositoryUrl(`${env.GITHUB_SERVER_URL}/${owner}/${repo}`)
        : undefined,
  };
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Like `getBooleanInput`, but an unset input is false: the runner fills in action.yml's
 * defaults, a local run with only some `INPUT_*` variables does not.
 */
function readBoolean(name: string): boolean {
  const value = getInput(name).trim();
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (value === '' || /^(false|False|FALSE)$/.test(value)) return false;
  throw new TypeError(`Input "${name}" must be true or false, not "${value}"`);
}
