import { dirname, resolve } from 'node:path';
import {
  configLimits,
  loadConfigDocument,
  parseConfig,
  parseExtends,
  resolveConfigText,
  type ParseConfigResult,
} from '../../config/index.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';
import { parseFlags } from '../parse-flags.js';
import { readConfigFile } from './config-read-file.js';
import {
  checkOrgDefaults,
  configPath,
  remoteReader,
  renderResult,
  withGitHubErrors,
  type CheckRequest,
} from './config-remote.js';

const usage = `Usage: sluice config check [--token TOKEN] [--repo OWNER/NAME] [FILE]

Validates a Sluice config before it is pushed, with the errors the app shows on the
\`Sluice config\` check run: each problem at its line and column, with its fix.
FILE defaults to ${configPath} in the current directory. When FILE is left out and
there is no such file, the app applies the owner's org-wide one (${configPath} in
its \`.github\` repository): with a token, that file is checked instead, and a line says so.

  --token TOKEN      a GitHub token to read the file \`_extends\` names, and the org-wide
                     file, through the API (default: GITHUB_TOKEN, or GH_TOKEN). Without
                     one, \`_extends\` is not followed: the rest of FILE is checked and a
                     line says so.
  --repo OWNER/NAME  the repository FILE belongs to, whose owner \`_extends\` and the
                     org-wide file are relative to (default: GITHUB_REPOSITORY, or the
                     origin remote of FILE's clone)

FILE must be UTF-8 text of at most ${configLimits.maxBytes / 1024} KB (counted in bytes, as the app counts it).
Exit status: 0 valid (warnings included), 1 invalid, 2 FILE or GitHub could not be read.`;

const options = {
  token: { type: 'string' },
  repo: { type: 'string' },
} as const;

function parseCommandLine(args: string[], env: NodeJS.ProcessEnv): CheckRequest {
  const { values, positionals } = parseFlags({
    args,
    options,
    allowPositionals: true,
    strict: true,
  });
  const [subcommand, file, extra] = positionals;
  if (subcommand === undefined) throw new UsageError('expected a subcommand: check');
  if (subcommand !== 'check')
    throw new UsageError(`unknown subcommand "${subcommand}" (only check)`);
  if (extra !== undefined) throw new UsageError(`unexpected "${extra}": check takes one FILE`);
  if (values.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(values.repo)) {
    throw new UsageError(`--repo must be OWNER/NAME, not "${values.repo}"`);
  }
  if (values.token === '') throw new UsageError('--token must not be empty');
  return {
    file: file ?? configPath,
    named: file !== undefined,
    token: values.token ?? (env.GITHUB_TOKEN || env.GH_TOKEN || undefined),
    repo: values.repo,
  };
}

/** The `_extends` value the resolver would follow; undefined when there is none to follow. */
function extendsTarget(text: string, file: string): string | undefined {
  const loaded = loadConfigDocument(text, { path: file });
  if (!loaded.ok) return undefined;
  const raw = loaded.document.value._extends;
  if (typeof raw !== 'string') return undefined;
  return parseExtends(raw, { owner: '', path: configPath }) ? raw : undefined;
}

export const configCommand: CliCommand = {
  name: 'config',
  summary: 'check a .github/sluice.yml before pushing it, with the errors the app shows',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const request = parseCommandLine(args, io.env);
    const { file } = request;
    const filePath = resolve(io.cwd, file);
    const read = await readConfigFile(filePath, file);
    if (!read.ok) {
      if ('errors' in read) {
        io.stdout.write(renderResult(read, file));
        return 1;
      }
      // As the app reads it, a repository without the file takes its owner's org-wide one.
      if (read.missing && !request.named && request.token !== undefined)
        return withGitHubErrors(io, () => checkOrgDefaults(request, io));
      io.stderr.write(`sluice config: ${read.problem}\n`);
      return read.exitCode;
    }
    const { text } = read;
    const target = extendsTarget(text, file);
    if (target !== undefined && request.token === undefined) {
      // Offline the app's resolver refuses the whole file; here the rest of it is still
      // worth checking, as long as the reader is told what was not.
      io.stderr.write(
        `sluice config: \`_extends: ${target}\` was not followed (no GITHUB_TOKEN or --token), so the file it names was not checked; ${file} was checked on its own.\n`,
      );
      return report(io, parseConfig(text, { path: file }), file);
    }
    return withGitHubErrors(io, async () => {
      const remote =
        target === undefined
          ? undefined
          : await remoteReader(request, io, {
              dir: dirname(filePath),
              ownerUnknown: `\`_extends: ${target}\` is relative to the repository's owner, which is unknown here`,
            });
      const result = await resolveConfigText(text, {
        path: file,
        configPath,
        reader: remote?.reader,
        offlineFix: 'Set GITHUB_TOKEN or pass --token.',
      });
      return report(io, result, file);
    });
  },
};

function report(io: CliIo, result: ParseConfigResult, file: string): number {
  io.stdout.write(renderResult(result, file));
  return result.ok ? 0 : 1;
}
