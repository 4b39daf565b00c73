import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import {
  buildRepository,
  makeTempDir,
  removeTempDirs,
} from '../changelog/support/build-repository.js';
import { parseHistoryFixture } from '../changelog/support/history-fixture.js';
import { fixtures } from '../changelog/support/run-history.js';
import { largeRepository } from './support/large-repository.js';

afterAll(removeTempDirs);

const bundle = fileURLToPath(new URL('../../../action/dist/index.js', import.meta.url));
const actionYml = new URL('../../../action/action.yml', import.meta.url);

/** `name<<delimiter` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const [, name = '', , value = ''] of readFileSync(path, 'utf8').matchAll(pattern)) {
    outputs[name] = value;
  }
  return outputs;
}

/** Runs the committed bundle the way the runner does: a bare `node`, inputs in the env. */
function runAction(
  workspace: string,
  inputs: Record<string, string>,
  variables: NodeJS.ProcessEnv = {},
) {
  const files = makeTempDir('action-files');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // An empty home and no system config: no git identity, as on a fresh runner.
    HOME: files,
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    ...variables,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [bundle], { cwd: files, env, encoding: 'utf8' });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: readOutputs(output),
    summary: readFileSync(summary, 'utf8'),
  };
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

function mixedRepository(): string {
  const text = readFileSync(new URL('mixed.history', fixtures), 'utf8');
  const { dir } = buildRepository(parseHistoryFixture(text).steps);
  mkdirSync(join(dir, '.github'));
  copyFileSync(new URL('mixed.sluice.yml', fixtures), join(dir, '.github/sluice.yml'));
  return dir;
}

describe('the Action, run from its committed bundle', () => {
  it('writes and commits the changelog, sets outputs and the summary; a second run changes nothing', () => {
    const dir = mixedRepository();
    const inputs = { from: 'v1.0.0', to: 'v2.0.0', changelog: 'CHANGELOG.md', commit: 'true' };
    const first = runAction(dir, inputs);
    expect(first.status).toBe(0);
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toBe(readFileSync(new URL('action-run.expected.md', fixtures), 'utf8'));
    expect(first.outputs).toMatchObject({
      bump: 'major',
      'next-version': 'v2.0.0',
      'release-url': '',
      'release-id': '',
      version: 'v2.0.0',
      'changelog-updated': 'true',
      commit: git(dir, 'rev-parse', 'HEAD'),
    });
    expect(first.outputs.markdown).toContain(
      '### Breaking changes\n\n- Rework the settings page (#824)\n',
    );
    const entries = JSON.parse(first.outputs.entries ?? '') as { status: string }[];
    expect(entries).toHaveLength(9);
    expect(first.summary).toContain('## Changelog: v2.0.0\n');
    expect(first.summary).toContain(
      '9 listed, 0 hidden by type, 0 ignored as housekeeping, 0 cancelled by reverts. Suggested version bump: **major**. Next version: **v2.0.0**.',
    );
    expect(first.stdout).toContain('::warning::');
    expect(git(dir, 'log', '-1', '--format=%an|%s')).toBe(
      'github-actions[bot]|chore(release): update CHANGELOG.md for v2.0.0',
    );

    const head = git(dir, 'rev-parse', 'HEAD');
    const second = runAction(dir, inputs);
    expect(second.status).toBe(0);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(changelog);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain', '--', 'CHANGELOG.md')).toBe('');
    expect(second.outputs).toMatchObject({ 'changelog-updated': 'false', commit: '' });
    expect(second.outputs.markdown).toBe(first.outputs.markdown);
  });

  it('writes nothing on a dry run', () => {
    const dir = mixedRepository();
    const run = runAction(dir, { changelog: 'CHANGELOG.md', commit: 'true', 'dry-run': 'true' });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ 'changelog-updated': 'false', version: 'Unreleased' });
    expect(git(dir, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(spawnSync('test', ['-e', join(dir, 'CHANGELOG.md')]).status).toBe(1);
  });

  it('fails the step with the file, line and fix of a broken config', () => {
    const dir = mixedRepository();
    writeFileSync(join(dir, '.github/sluice.yml'), 'changelog:\n  hidden: 3\n');
    const run = runAction(dir, {});
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::\.github\/sluice\.yml:2:\d+: /m);
  });
});

describe('the Action with a `from` that is not a version tag', () => {
  it('lists the range from a commit hash, but counts no next version from it and says why', () => {
    const dir = mixedRepository();
    const start = git(dir, 'rev-parse', 'v1.0.0');
    const inputs = { from: start, to: 'v2.0.0', changelog: 'CHANGELOG.md' };
    const run = runAction(dir, inputs, {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/widgets',
    });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({
      bump: 'major',
      'next-version': '',
      version: 'v2.0.0',
      'changelog-updated': 'true',
    });
    expect(JSON.parse(run.outputs.entries ?? '')).toHaveLength(9);
    expect(run.stdout).toContain(
      `::warning::No next version: ${start}, where the range starts, is not a semver version (such as 1.2.3 or v1.2.3), so there is no version to count from; the suggested bump is major.\n`,
    );
    expect(run.summary).toContain(`No next version: ${start}, where the range starts`);
    // The heading compares with the commit the range starts at: that is what the entries cover.
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(
      `\n## [2.0.0](https://github.com/acme/widgets/compare/${start}...v2.0.0) - 2023-11-14\n`,
    );
  });

  it('fails naming the range when `from` is a branch already at `to`, and writes nothing', () => {
    const dir = mixedRepository();
    const run = runAction(dir, { from: 'main', to: 'HEAD', changelog: 'CHANGELOG.md' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::The range main\.\.HEAD holds no commits: HEAD is main or one of its ancestors, so there is nothing to list and nothing was written\. Set `from` to an older ref/m,
    );
    expect(run.outputs).toEqual({});
    expect(spawnSync('test', ['-e', join(dir, 'CHANGELOG.md')]).status).toBe(1);
  });
});

/** A clone of the mixed history at v2.0.0, one commit deep, as `actions/checkout` leaves it. */
function shallowClone(): { origin: string; clone: string } {
  const origin = mixedRepository();
  const clone = join(makeTempDir('shallow'), 'clone');
  const args = [
    'clone',
    '--quiet',
    '--depth',
    '1',
    '--branch',
    'v2.0.0',
    `file://${origin}`,
    clone,
  ];
  execFileSync('git', ['-c', 'advice.detachedHead=false', ...args], { stdio: 'ignore' });
  expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
  return { origin, clone };
}

describe('the Action never skips what it was asked to do in silence', () => {
  it('defaults `token` to the workflow token, as release-please does', () => {
    const manifest = load(readFileSync(actionYml, 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    expect(manifest.inputs.token?.default).toBe('${{ github.token }}');
  });

  it('fails, before writing anything, when `release-tag` is given without a token', () => {
    const dir = mixedRepository();
    const run = runAction(dir, { 'release-tag': 'v2.0.0', token: '', changelog: 'CHANGELOG.md' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::release-tag v2\.0\.0 .*`token`/m);
    expect(run.outputs).toEqual({});
    expect(spawnSync('test', ['-e', join(dir, 'CHANGELOG.md')]).status).toBe(1);
  });

  it('fails when a `config` given explicitly does not exist; the default may be missing', () => {
    const dir = mixedRepository();
    const missing = runAction(dir, { config: '.github/changelog.yml', 'dry-run': 'true' });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/^::error::.*\.github\/changelog\.yml/m);
    rmSync(join(dir, '.github/sluice.yml'));
    const defaulted = runAction(dir, { config: '.github/sluice.yml', 'dry-run': 'true' });
    expect(defaulted.status).toBe(0);
  });
});

describe('the Action on a shallow checkout', () => {
  it('fetches the rest of the history when it has a remote, then lists the whole range', () => {
    const { clone } = shallowClone();
    const run = runAction(clone, { to: 'v2.0.0', changelog: 'CHANGELOG.md' });
    expect(run.status).toBe(0);
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('false');
    expect(JSON.parse(run.outputs.entries ?? '')).toHaveLength(9);
    expect(run.summary).toContain('9 listed,');
  });

  it('fails in one line naming `fetch-depth: 0` when the remote is gone, and writes nothing', () => {
    const { origin, clone } = shallowClone();
    rmSync(origin, { recursive: true, force: true });
    const run = runAction(clone, { to: 'v2.0.0', changelog: 'CHANGELOG.md' });
    expect(run.status).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shallow');
    expect(errors[0]).toContain('fetch-depth: 0');
    // @actions/core escapes a newline in the message as %0A: the error is a single line.
    expect(errors[0]).not.toContain('%0A');
    expect(run.outputs).toEqual({});
    expect(spawnSync('test', ['-e', join(clone, 'CHANGELOG.md')]).status).toBe(1);
  });

  it('fails naming `fetch-depth: 0` when there is no remote to deepen from', () => {
    const { clone } = shallowClone();
    git(clone, 'remote', 'remove', 'origin');
    const run = runAction(clone, { to: 'v2.0.0' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*shallow.*fetch-depth: 0/m);
    expect(run.outputs).toEqual({});
  });
});

describe('the Action over a large history', () => {
  const OUTPUT_LIMIT = 1_000_000;
  const SUMMARY_LIMIT = 1024 * 1024;

  it('keeps every output under 1 MB and the summary under 1 MiB, saying what it cut', () => {
    const dir = largeRepository(30_000);
    const run = runAction(dir, { changelog: '', 'dry-run': 'true' });
    expect(run.status).toBe(0);
    for (const [name, value] of Object.entries(run.outputs)) {
      expect([name, Buffer.byteLength(value) <= OUTPUT_LIMIT]).toEqual([name, true]);
    }
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);

    // Cut at entry boundaries: still a JSON array of whole records, in the range's order.
    const entries = JSON.parse(run.outputs.entries ?? '') as { subject: string }[];
    expect(entries.length).toBeGreaterThan(1_000);
    expect(entries.length).toBeLessThan(30_000);
    expect(entries[0]?.subject).toMatch(/number 1 to the settings page \(#1\)$/);
    const markdown = run.outputs.markdown ?? '';
    expect(markdown.split('\n').filter((line) => line.startsWith('- ')).length).toBeGreaterThan(
      1_000,
    );
    expect(markdown).toMatch(
      /\(#\d+\)\n\n_… and [\d,]+ more entries not shown: GitHub limits an output to 1 MB\._\n$/,
    );

    // Said in the summary and as warnings.
    expect(run.summary).toContain('30000 listed, 0 hidden by type');
    expect(run.summary).toMatch(/more entries not shown: GitHub limits a job summary to 1 MiB/);
    expect(run.summary).toContain(
      `The \`entries\` output holds the first ${entries.length.toLocaleString('en-US')} of 30,000 commits`,
    );
    expect(run.stdout).toMatch(/^::warning::The `entries` output holds the first/m);
    expect(run.stdout).toMatch(/^::warning::The `markdown` output lists the first/m);
    expect(run.stdout).toMatch(/^::warning::The job summary lists the first/m);
    expect(run.summary).toMatch(/^- … and [\d,]+ more warnings, in the step's log\.$/m);
    expect(run.stdout).toMatch(
      /^::warning::The job summary shows the first [\d,]+ of 3,000 warnings/m,
    );

    // 3,000 warnings alike: five annotations, then one that counts the rest; all in the log.
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(annotations.filter((line) => line.includes('no change type found'))).toHaveLength(5);
    expect(annotations).toContain(
      '::warning::… and 2,995 more like this (subjects with no change type)',
    );
    expect(run.stdout).toContain('::group::All 3,000 warnings\n');
    expect(
      run.stdout.match(
        /^\w+ "Tweak the widget settings page once more, round \d+": no change type found/gm,
      ),
    ).toHaveLength(3000);
  }, 30_000);
});
