import { describeConfigErrors } from '../../changelog/messages.js';
import { GitHubRequestError } from '../../changelog-github/github-errors.js';
import {
  resolveConfigText,
  type ExtendsReader,
  type ParseConfigResult,
} from '../../config/index.js';
import { renderConfigErrors } from '../../messages/config-errors.js';
import { UsageError, type CliIo } from '../types.js';

/** Where the app reads its config, and what `_extends: repo` means without a path. */
export const configPath = '.github/sluice.yml';

export interface CheckRequest {
  file: string;
  /** Whether FILE was given, rather than the default `.github/sluice.yml`. */
  named: boolean;
  token: string | undefined;
  repo: string | undefined;
}

/** The report for a result: the app's check-run title, then one line per problem. */
export function renderResult(result: ParseConfigResult, file: string): string {
  if (!result.ok) {
    const { title } = renderConfigErrors(result.errors, {
      context: 'pull-request',
      annotatePath: file,
    });
    return `${title}\n${describeConfigErrors(result.errors)}\n`;
  }
  const warnings = result.warnings.map(
    (w) => `${w.path}:${w.line}:${w.column}: warning: ${w.message}\n`,
  );
  return `${warnings.join('')}${file}: ok\n`;
}

/**
 * Reads other repositories of the owner through the API, as the app does. `dir` is where
 * to look for the origin remote when neither --repo nor GITHUB_REPOSITORY names the
 * repository; `ownerUnknown` says why the owner is needed when nothing names it.
 */
export async function remoteReader(
  request: CheckRequest,
  io: CliIo,
  where: { dir: string; ownerUnknown: string },
): Promise<{ reader: ExtendsReader; repo: string | undefined }> {
  const { extendsReaderFromEnvironment } =
    await import('../../changelog-github/ports-from-environment.js');
  const fullName = request.repo ?? io.env.GITHUB_REPOSITORY ?? (await originOf(where.dir));
  const reader = await extendsReaderFromEnvironment(where.dir, {
    ...io.env,
    GITHUB_TOKEN: request.token,
    GITHUB_REPOSITORY: fullName,
  });
  if (reader === undefined) throw new UsageError(`${where.ownerUnknown}: pass --repo OWNER/NAME`);
  return { reader, repo: fullName?.split('/')[1] };
}

async function originOf(dir: string): Promise<string | undefined> {
  const { readGitHubRepository } = await import('../../git-history/index.js');
  const found = await readGitHubRepository(dir);
  return found && `${found.owner}/${found.repo}`;
}

/**
 * FILE is the default `.github/sluice.yml` and does not exist: the app then applies the
 * owner's `.github` repository's file (Probot's org-wide defaults), so that is the one to
 * check, and the report says it was that one.
 */
export async function checkOrgDefaults(request: CheckRequest, io: CliIo): Promise<number> {
  const { file } = request;
  const { reader, repo } = await remoteReader(request, io, {
    dir: io.cwd,
    ownerUnknown: `${file} does not exist, and the org-wide file that applies instead belongs to the repository's owner, which is unknown here`,
  });
  const result = await resolveConfigText(undefined, {
    path: file,
    configPath,
    reader,
    offlineFix: 'Set GITHUB_TOKEN or pass --token.',
    ...(repo === undefined ? {} : { orgDefaultsFor: repo }),
  });
  const applied = result.appliedPath;
  if (applied === undefined) {
    io.stdout.write(
      `${file}: ok (there is no such file, here or in ${reader.owner}/.github: Sluice uses the defaults)\n`,
    );
    return 0;
  }
  io.stderr.write(
    `sluice config: ${file} does not exist, so the app applies the org-wide ${applied}; checked that file.\n`,
  );
  io.stdout.write(renderResult(result, applied));
  return result.ok ? 0 : 1;
}

/** Runs `check`, turning a failed GitHub request into one line on stderr and exit 2. */
export async function withGitHubErrors(io: CliIo, check: () => Promise<number>): Promise<number> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof GitHubRequestError)) throw error;
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    io.stderr.write(`sluice config: ${error.message}${cause}\n`.replace(/\s*\n(?=.)/g, ' '));
    return 2;
  }
}
