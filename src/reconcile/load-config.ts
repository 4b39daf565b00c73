import {
  loadConfigDocument,
  mergeConfigs,
  parseExtends,
  validateConfig,
  type ParseConfigResult,
} from '../config/index.js';
import type { ConfigDocument } from '../config/index.js';
import type { RepoGitHub } from '../github/port.js';

export const configPath = '.github/sluice.yml';
/** Probot's `_extends` chains; more than this is a loop or a mistake. */
const maxExtends = 5;

/**
 * Reads `.github/sluice.yml` from the default branch only — a pull request cannot loosen its
 * own gate — following Probot's `_extends` to org-wide defaults (`owner/.github` or any repo
 * of the same owner). A missing file means the defaults.
 */
export async function loadConfig(github: RepoGitHub, ref?: string): Promise<ParseConfigResult> {
  const branch = ref ?? (await github.defaultBranch());
  const text = await github.readFile(configPath, branch);
  return resolve(github, text ?? '', `${github.owner}/${github.repo}:${configPath}`, 0);
}

/** Validates config text as if it were on the default branch (following its `_extends`). */
export function loadConfigText(github: RepoGitHub, text: string): Promise<ParseConfigResult> {
  return resolve(github, text, `${github.owner}/${github.repo}:${configPath}`, 0);
}

async function resolve(
  github: RepoGitHub,
  text: string,
  path: string,
  depth: number,
): Promise<ParseConfigResult> {
  const loaded = loadConfigDocument(text, { path });
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const chain = await withBases(github, loaded.document, depth);
  if (!chain.ok) return chain;
  return validateConfig(chain.document);
}

async function withBases(
  github: RepoGitHub,
  document: ConfigDocument,
  depth: number,
): Promise<{ ok: true; document: ConfigDocument } | Extract<ParseConfigResult, { ok: false }>> {
  const raw = document.value._extends;
  // The schema reports a malformed `_extends` with its line; here only a usable one is followed.
  const target =
    typeof raw === 'string'
      ? parseExtends(raw, { owner: github.owner, path: configPath })
      : undefined;
  if (!target) return { ok: true, document };
  const location = { path: document.path, line: 1, column: 1, keyPath: '_extends' };
  if (depth >= maxExtends || target.owner !== github.owner) {
    const message =
      depth >= maxExtends
        ? `\`_extends\` chains more than ${maxExtends} files deep.`
        : `\`_extends\` may only name repositories of ${github.owner}.`;
    return {
      ok: false,
      errors: [
        {
          ...location,
          kind: 'invalid-extends',
          message,
          fix: 'Point `_extends` at a config file in a repository of the same owner, without cycles.',
        },
      ],
    };
  }
  const basePath = `${target.owner}/${target.repo}:${target.path}`;
  const baseText = await github.readFileIn(target.repo, target.path);
  if (baseText === undefined) {
    return {
      ok: false,
      errors: [
        {
          ...location,
          kind: 'invalid-extends',
          message: `\`_extends\` names ${basePath}, which does not exist.`,
          fix: `Create ${target.path} in ${target.owner}/${target.repo}, or remove \`_extends\`.`,
        },
      ],
    };
  }
  const base = loadConfigDocument(baseText, { path: basePath });
  if (!base.ok) return { ok: false, errors: base.errors };
  const resolvedBase = await withBases(github, base.document, depth + 1);
  if (!resolvedBase.ok) return resolvedBase;
  return { ok: true, document: mergeConfigs(resolvedBase.document, document) };
}
