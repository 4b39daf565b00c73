import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeConfigErrors } from '../../changelog/messages.js';
import { GitHubRequestError } from '../../changelog-github/github-errors.js';
import {
  configLimits,
  loadConfigDocument,
  parseConfig,
  parseExtends,
  resolveConfigText,
  type ConfigError,
  type ExtendsReader,
  type ParseConfigResult,
} from '../../config/index.js';
import { renderConfigErrors } from '../../messages/config-errors.js';
import { describeYamlProblem } from '../../messages/config-yaml-problem-text.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';

/** Where the app reads its config, and what `_extends: repo` means without a path. */
const configPath = '.github/sluice.yml';

const usage = `Usage: sluice config check [--token TOKEN] [--repo OWNER/NAME] [FILE]

Validates a Sluice config before it is pushed, with the errors the app shows on the
\`Sluice config\` check run: each problem at its line and column, with its fix.
FILE defaults to ${configPath} in the current directory.

  --token TOKEN      a GitHub token to read the file \`_extends\` names through the API
                     (default: GITHUB_TOKEN, or GH_TOKEN). Without one, \`_extends\` is
                     not followed: the rest of FILE is checked and a line says so.
  --repo OWNER/NAME  the repository FILE belongs to, whose owner \`_extends\` is relative to
                     (default: GITHUB_REPOSITORY, or the origin remote of FILE's clone)

FILE must be UTF-8 text of at most ${configLimits.maxBytes / 1024} KB (counted in bytes, as the app counts it).
Exit status: 0 valid (warnings included), 1 invalid, 2 FILE or GitHub could not be read.`;

const options = {
  token: { type: 'string' },
  repo: { type: 'string' },
} as const;

interface CheckRequest {
  file: string;
  token: string | undefined;
  repo: string | undefined;
}

function parseCommandLine(args: string[], env: NodeJS.ProcessEnv): CheckRequest {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
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
    token: values.token ?? (env.GITHUB_TOKEN || env.GH_TOKEN || undefined),
    repo: values.repo,
  };
}

type FileRead =
  | { ok: true; text: string }
  | { ok: false; errors: ConfigError[] }
  | { ok: false; problem: string; exitCode: 1 | 2 };

/**
 * The file's text, refused as the app would refuse it (too large, measured in the file's
 * bytes), or refused outright when it is not UTF-8 text: decoding it anyway would judge
 * replacement characters nobody wrote.
 */
async function readConfigFile(path: string, shown: string): Promise<FileRead> {
  let bytes: Buffer;
  try {
    // A regular file's size is known before reading it: a huge one is not read at all.
    const { size } = await stat(path);
    if (size > configLimits.maxBytes) return tooLarge(shown, size);
    bytes = await readFile(path);
  } catch (error) {
    const problem = describeReadError(error);
    if (problem === undefined) throw error;
    return { ok: false, problem: `cannot read ${shown}: ${problem}`, exitCode: 2 };
  }
  if (bytes.length > configLimits.maxBytes) return tooLarge(shown, bytes.length);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: describeNotUtf8(shown, bytes), exitCode: 1 };
  }
}

/** The app's own error for an oversized file, with the size in the file's bytes. */
function tooLarge(file: string, bytes: number): FileRead {
  const problem = { kind: 'too-large', bytes, limit: configLimits.maxBytes } as const;
  const { message, fix } = describeYamlProblem(problem, file);
  return {
    ok: false,
    errors: [{ path: file, line: 1, column: 1, keyPath: '', kind: problem.kind, message, fix }],
  };
}

function describeNotUtf8(file: string, bytes: Buffer): string {
  // Everything before the first replacement character that the file did not contain
  // itself decoded cleanly, so its UTF-8 length is the offset of the offending byte.
  const lossy = bytes.toString('utf8');
  let offset = 0;
  for (const char of lossy) {
    const written =
      bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (char === '\ufffd' && !written) break;
    offset += Buffer.byteLength(char);
  }
  const before = bytes.subarray(0, offset);
  const line = before.filter((byte) => byte === 0x0a).length + 1;
  // In characters, as editors count them: the line so far is valid UTF-8.
  const column = [...before.subarray(before.lastIndexOf(0x0a) + 1).toString('utf8')].length + 1;
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return (
    `${file} is not UTF-8 text (byte 0x${byte} at line ${line}, column ${column}); ` +
    'Sluice reads config files as UTF-8: save it in that encoding.'
  );
}

function describeReadError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return undefined;
}

/** The `_extends` value the resolver would follow; undefined when there is none to follow. */
function extendsTarget(text: string, file: string): string | undefined {
  const loaded = loadConfigDocument(text, { path: file });
  if (!loaded.ok) return undefined;
  const raw = loaded.document.value._extends;
  if (typeof raw !== 'string') return undefined;
  return parseExtends(raw, { owner: '', path: configPath }) ? raw : undefined;
}

async function extendsReader(
  request: CheckRequest,
  filePath: string,
  env: NodeJS.ProcessEnv,
  target: string,
): Promise<ExtendsReader> {
  const { extendsReaderFromEnvironment } =
    await import('../../changelog-github/ports-from-environment.js');
  const reader = await extendsReaderFromEnvironment(dirname(filePath), {
    ...env,
    GITHUB_TOKEN: request.token,
    GITHUB_REPOSITORY: request.repo ?? env.GITHUB_REPOSITORY,
  });
  if (reader === undefined) {
    throw new UsageError(
      `\`_extends: ${target}\` is relative to the repository's owner, which is unknown here: pass --repo OWNER/NAME`,
    );
  }
  return reader;
}

/** The report for a result: the app's check-run title, then one line per problem. */
function renderResult(result: ParseConfigResult, file: string): string {
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
      io.stderr.write(`sluice config: ${read.problem}\n`);
      return read.exitCode;
    }
    const { text } = read;
    const target = extendsTarget(text, file);
    let result: ParseConfigResult;
    if (target !== undefined && request.token === undefined) {
      // Offline the app's resolver refuses the whole file; here the rest of it is still
      // worth checking, as long as the reader is told what was not.
      io.stderr.write(
        `sluice config: \`_extends: ${target}\` was not followed (no GITHUB_TOKEN or --token), so the file it names was not checked; ${file} was checked on its own.\n`,
      );
      result = parseConfig(text, { path: file });
    } else {
      try {
        result = await resolveConfigText(text, {
          path: file,
          configPath,
          reader:
            target === undefined
              ? undefined
              : await extendsReader(request, filePath, io.env, target),
          offlineFix: 'Set GITHUB_TOKEN or pass --token.',
        });
      } catch (error) {
        if (!(error instanceof GitHubRequestError)) throw error;
        const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
        io.stderr.write(`sluice config: ${error.message}${cause}\n`.replace(/\s*\n(?=.)/g, ' '));
        return 2;
      }
    }
    io.stdout.write(renderResult(result, file));
    return result.ok ? 0 : 1;
  },
};
