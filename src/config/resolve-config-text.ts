import type { ConfigDocument, ConfigError, ResolveConfigResult } from './types.js';
import { loadConfigDocument } from './load-config-document.js';
import { mergeConfigs } from './merge-configs.js';
import { parseExtends } from './parse-extends.js';
import { validateConfig } from './validate-config.js';

/** Probot's `_extends` chains; more than this is a loop or a mistake. */
const maxExtends = 5;

/** Where an owner keeps what its repositories share (GitHub's and Probot's convention). */
export const orgDefaultsRepo = '.github';

/**
 * Reads the files `_extends` names and the org-wide one: other repositories of the same
 * owner, default branch.
 */
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
  /**
   * The repository the file belongs to, for Probot's org-wide defaults (`context.config()`):
   * when it has no file (`text` undefined), `configPath` in the owner's `.github` repository
   * applies, `_extends` included. Left out (or offline), a missing file means the defaults.
   */
  orgDefaultsFor?: string;
}

type Chain = { ok: true; document: ConfigDocument } | { ok: false; errors: ConfigError[] };

/**
 * Validates one `.github/sluice.yml` after following Probot's `_extends` to the files it
 * builds on (`owner/.github` or any repository of the same owner), so the app, the CLI and
 * the Action read the same settings from the same file. With `orgDefaultsFor`, a missing
 * file is Probot's `context.config()` too: the owner's `.github` repository's file applies.
 */
export async function resolveConfigText(
  text: string | undefined,
  options: ResolveConfigOptions,
): Promise<ResolveConfigResult> {
  const applied = await orgDefaultsInstead(text, options);
  const path = applied?.path ?? options.path;
  const loaded = loadConfigDocument(applied?.text ?? text, { path });
  const appliedPath = text === undefined && applied === undefined ? undefined : path;
  if (!loaded.ok) return { ...loaded, appliedPath };
  const chain = await withBases(loaded.document, options, 0);
  if (!chain.ok) return { ...chain, appliedPath };
  return { ...validateConfig(chain.document), appliedPath };
}

/**
 * The owner's `.github` repository's file, when it stands in for a missing one. As in
 * Probot, only a missing file falls back (an empty one means the defaults), and the
 * `.github` repository itself has nothing to fall back to.
 */
async function orgDefaultsInstead(
  text: string | undefined,
  options: ResolveConfigOptions,
): Promise<{ path: string; text: string } | undefined> {
  const { reader, orgDefaultsFor: repo, configPath } = options;
  if (text !== undefined || reader === undefined || repo === undefined) return undefined;
  if (repo.toLowerCase() === orgDefaultsRepo) return undefined;
  const orgText = await reader.readFileIn(orgDefaultsRepo, configPath);
  if (orgText === undefined) return undefined;
  return { path: `${reader.owner}/${orgDefaultsRepo}:${configPath}`, text: orgText };
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
