import type { ConfigDocument, ConfigError, ParseConfigResult } from './types.js';
import { loadConfigDocument } from './load-config-document.js';
import { mergeConfigs } from './merge-configs.js';
import { parseExtends } from './parse-extends.js';
import { validateConfig } from './validate-config.js';

/** Probot's `_extends` chains; more than this is a loop or a mistake. */
const maxExtends = 5;

/** Reads the files `_extends` names: other repositories of the same owner, default branch. */
export interface ExtendsReader {
  owner: string;
  /** Undefined when the file does not exist (or the credentials cannot see it). */
  readFileIn(repo: string, path: string): Promise<string | undefined>;
}

export interface ResolveConfigOptions {
  /** Where the text came from, for error locations (`acme/widgets:.github/sluice.yml`). */
  path: string;
  /** The path `_extends: repo` means when it names no path of its own. */
  configPath: string;
  /** Undefined offline: a file with `_extends` is then an error, never half a config. */
  reader: ExtendsReader | undefined;
  /** What to do when `_extends` cannot be followed offline (it differs for the CLI and the Action). */
  offlineFix: string;
}

type Chain = { ok: true; document: ConfigDocument } | { ok: false; errors: ConfigError[] };

/**
 * Validates one `.github/sluice.yml` after following Probot's `_extends` to the files it
 * builds on (`owner/.github` or any repository of the same owner), so the app, the CLI and
 * the Action read the same settings from the same file.
 */
export async function resolveConfigText(
  text: string | undefined,
  options: ResolveConfigOptions,
): Promise<ParseConfigResult> {
  const loaded = loadConfigDocument(text, { path: options.path });
  if (!loaded.ok) return loaded;
  const chain = await withBases(loaded.document, options, 0);
  if (!chain.ok) return chain;
  return validateConfig(chain.document);
}

async function withBases(
  document: ConfigDocument,
  options: ResolveConfigOptions,
  depth: number,
): Promise<Chain> {
  const raw = document.value._extends;
  const { reader, configPath } = options;
  // The schema reports a malformed `_extends` with its line; here only a usable one is followed.
  const target =
    typeof raw === 'string'
      ? parseExtends(raw, { owner: reader?.owner ?? '', path: configPath })
      : undefined;
  if (!target) return { ok: true, document };
  const refuse = (message: string, fix: string): Chain => ({
    ok: false,
    errors: [
      {
        path: document.path,
        line: 1,
        column: 1,
        keyPath: '_extends',
        kind: 'invalid-extends',
        message,
        fix,
      },
    ],
  });
  if (!reader)
    return refuse(
      `\`_extends\` names ${raw as string}, which cannot be read without GitHub.`,
      options.offlineFix,
    );
  if (depth >= maxExtends || target.owner !== reader.owner) {
    const message =
      depth >= maxExtends
        ? `\`_extends\` chains more than ${maxExtends} files deep.`
        : `\`_extends\` may only name repositories of ${reader.owner}.`;
    return refuse(
      message,
      'Point `_extends` at a config file in a repository of the same owner, without cycles.',
    );
  }
  const basePath = `${target.owner}/${target.repo}:${target.path}`;
  const baseText = await reader.readFileIn(target.repo, target.path);
  if (baseText === undefined)
    return refuse(
      `\`_extends\` names ${basePath}, which does not exist (or these credentials cannot read it).`,
      `Create ${target.path} in ${target.owner}/${target.repo}, or remove \`_extends\`.`,
    );
  const base = loadConfigDocument(baseText, { path: basePath });
  if (!base.ok) return base;
  const resolvedBase = await withBases(base.document, options, depth + 1);
  if (!resolvedBase.ok) return resolvedBase;
  return { ok: true, document: mergeConfigs(resolvedBase.document, document) };
}
