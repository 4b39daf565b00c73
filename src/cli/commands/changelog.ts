import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as ChangelogCore from '../../changelog/index.js';
import type { ChangelogConfig } from '../../changelog/index.js';
import { parseRepositoryUrl } from '../../changelog/repository-links.js';
// Not the git-history index: every module loaded before git starts delays it.
import { readRange } from '../../git-history/read-range.js';
import { GitError } from '../../git-history/run-git.js';
import { describeEmptyRange, describeGitFailure, describeMissingTag } from '../git-problems.js';
import type { CliCommand, CliIo } from '../types.js';
import { UsageError } from '../types.js';
import { parseFlags } from '../parse-flags.js';

type Core = typeof ChangelogCore;

const usage = `Usage: sluice changelog [--from REF] [--to REF] [--repo DIR] [--format md|json]
                        [--write FILE] [--repo-url URL] [--config FILE]
       sluice changelog parse [-z] [--config FILE] < subjects

Turns the merge subjects between two refs into changelog entries.

  --from REF       exclusive start (default: the newest tag before --to)
  --to REF         end (default: HEAD); a tagged --to files entries under that version
  --repo DIR       the git repository (default: the current directory)
  --format FMT     md (default) or json
  --write FILE     also upsert the entries into FILE (Keep a Changelog; re-runs are no-ops)
  --repo-url URL   the repository's web address, so that --write links each entry to its
                   pull request and a new version to its comparison on GitHub (default:
                   $GITHUB_SERVER_URL/$GITHUB_REPOSITORY, else the origin remote when it is
                   on github.com; '' writes no links)
  --config FILE    Sluice config (default: .github/sluice.yml in the repository, if any)

parse reads one subject per line (with -z: one full message per NUL-separated record)
and prints one JSON object per line.

With GITHUB_TOKEN set, bare ids such as "bot: merge 123" are named from GitHub.`;

const options = {
  from: { type: 'string' },
  to: { type: 'string' },
  repo: { type: 'string' },
  format: { type: 'string' },
  write: { type: 'string' },
  'repo-url': { type: 'string' },
  config: { type: 'string' },
  z: { type: 'boolean', short: 'z' },
} as const;

/**
 * Start-up is most of this command's time, so git starts first and the changelog core
 * loads while git works; zod, yaml and Octokit load only when a config file exists or
 * a title must be fetched.
 */
export const changelogCommand: CliCommand = {
  name: 'changelog',
  summary: 'turn the merge subjects between two refs into changelog entries',
  usage,
  async run(args, io) {
    // A run lasts a fraction of a second: optimising hot functions (TurboFan) costs more
    // than it saves, and V8's baseline tier halves the time to parse a 5,000-commit release
    // (docs/benchmarks.md). Only when the command owns the process (the `sluice` binary
    // writes to the real stdout), never inside a test runner or another host.
    if (io.stdout === process.stdout) setFlagsFromString('--max-opt=1');
    const { values, positionals } = parseChangelogArgs(args);
    const repoDir = resolve(io.cwd, values.repo ?? '.');
    const format = values.format ?? 'md';
    if (format !== 'md' && format !== 'json') throw new UsageError('--format must be md or json');
    const [subcommand, extra] = positionals;
    const repoUrl = values['repo-url'];
    if (repoUrl !== undefined && repoUrl !== '' && parseRepositoryUrl(repoUrl) === undefined) {
      throw new UsageError(
        `--repo-url must be the repository's web address, such as https://github.com/owner/repo, not "${repoUrl}"`,
      );
    }
    if ((subcommand !== undefined && subcommand !== 'parse') || extra !== undefined) {
      throw new UsageError(`unexpected "${extra ?? subcommand}"`);
    }
    const history =
      subcommand === 'parse' ? undefined : readRange({ repoDir, from: values.from, to: values.to });
    // Observed here, awaited below: it may fail while the core is still loading.
    history?.catch(() => undefined);
    const core = await import('../../changelog/index.js');
    const config = await loadConfig(core, repoDir, values.config, io);
    if (!config) return 1;
    if (!history) return parseSubjects(core, io, config, values.z);
    try {
      const { range, commits } = await history;
      const titles = await titleLookup(repoDir, io.env);
      const result = await core.buildChangelog({ commits, config, titles });
      if (result.entries.length === 0 && range.from !== undefined) {
        const problem = await describeEmptyRange(repoDir, range.from, range.to);
        if (problem !== undefined) {
          io.stderr.write(`sluice changelog: ${problem}\n`);
          return 1;
        }
      }
      if (range.from === undefined) {
        io.stderr.write(`sluice changelog: ${await describeMissingTag(repoDir, range.to)}\n`);
      }
      for (const line of core.summariseWarnings(result.warnings).lines) {
        io.stderr.write(`warning: ${line}\n`);
      }
      if (values.write !== undefined) {
        const path = resolve(io.cwd, values.write);
        // The Markdown parser loads only now: most runs print and write nothing.
        const [existing, { upsertChangelog }, repositoryUrl] = await Promise.all([
          readFile(path, 'utf8').catch(() => undefined),
          import('../../changelog/upsert-changelog.js'),
          repositoryUrlOf(repoDir, values['repo-url'], io.env),
        ]);
        const { target, from } = range;
        const upsert = { ...result, existing, target, config, repositoryUrl, from };
        const { text, added } = upsertChangelog(upsert);
        if (text !== existing) await writeFile(path, text);
        io.stderr.write(`${values.write}: ${added} entries added\n`);
      }
      io.stdout.write(core.renderChangelogOutput({ format, range, result, config }));
      return 0;
    } catch (error) {
      // A ref that does not exist is the user's to fix: say so without a stack trace.
      if (!(error instanceof GitError)) throw error;
      io.stderr.write(`sluice changelog: ${await describeGitFailure(repoDir, error)}\n`);
      return 1;
    }
  },
};

function parseChangelogArgs(args: string[]) {
  return parseFlags({ args, options, allowPositionals: true, strict: true });
}

async function loadConfig(
  core: Core,
  repoDir: string,
  given: string | undefined,
  io: CliIo,
): Promise<ChangelogConfig | undefined> {
  const text = await readFile(resolve(repoDir, given ?? '.github/sluice.yml'), 'utf8').catch(
    () => undefined,
  );
  if (text === undefined) {
    if (given === undefined) return core.DEFAULT_CHANGELOG_CONFIG;
    io.stderr.write(`sluice changelog: cannot read ${given}\n`);
    return undefined;
  }
  const { resolveConfigText } = await import('../../config/index.js');
  const parsed = await resolveConfigText(text, {
    path: given ?? '.github/sluice.yml',
    configPath: '.github/sluice.yml',
    // Octokit loads only for a file that builds on another one.
    reader: text.includes('_extends') ? await extendsReader(repoDir, io.env) : undefined,
    offlineFix:
      'Set GITHUB_TOKEN (the extended file is read through the API), or pass --config with a file that does not extend another.',
  });
  if (parsed.ok) return core.changelogConfigFrom(parsed.config);
  io.stderr.write(`${core.describeConfigErrors(parsed.errors)}\n`);
  return undefined;
}

async function extendsReader(repoDir: string, env: NodeJS.ProcessEnv) {
  if (!env.GITHUB_TOKEN && !env.GH_TOKEN) return undefined;
  const { extendsReaderFromEnvironment } =
    await import('../../changelog-github/ports-from-environment.js');
  return extendsReaderFromEnvironment(repoDir, env);
}

/** `--repo-url` as given ('' for none), else found as its help says. */
async function repositoryUrlOf(
  repoDir: string,
  given: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  if (given !== undefined) return given === '' ? undefined : parseRepositoryUrl(given);
  const { repositoryUrlFromEnvironment } =
    await import('../../changelog-github/repository-url-from-environment.js');
  return repositoryUrlFromEnvironment(repoDir, env);
}

async function titleLookup(repoDir: string, env: NodeJS.ProcessEnv) {
  if (!env.GITHUB_TOKEN && !env.GH_TOKEN) return undefined;
  const { titleLookupFromEnvironment } =
    await import('../../changelog-github/ports-from-environment.js');
  return titleLookupFromEnvironment(repoDir, env);
}

async function parseSubjects(core: Core, io: CliIo, config: ChangelogConfig, z?: boolean) {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk));
  // Decoded once at the end, so a character split across two chunks survives.
  for (const record of Buffer.concat(chunks)
    .toString('utf8')
    .split(z ? '\0' : '\n')) {
    if (record.trim() === '') continue;
    io.stdout.write(`${JSON.stringify(core.describeMessage(record.trim(), config))}\n`);
  }
  return 0;
}
