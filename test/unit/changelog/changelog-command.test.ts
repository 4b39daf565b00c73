import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main.js';
import { buildRepository, git, removeTempDirs } from './support/build-repository.js';
import { parseHistoryFixture } from './support/history-fixture.js';
import { fixtures } from './support/run-history.js';

afterAll(removeTempDirs);

function repositoryOf(name: string): string {
  const text = readFileSync(new URL(`${name}.history`, fixtures), 'utf8');
  return buildRepository(parseHistoryFixture(text).steps).dir;
}

async function sluice(
  args: string[],
  options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv },
) {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(['changelog', ...args], {
    stdin,
    stdout,
    stderr,
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('sluice changelog', () => {
  it('prints the release since the latest tag, warnings on stderr', async () => {
    const cwd = repositoryOf('bot-merges');
    const result = await sluice([], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '## [Unreleased]',
        '',
        '### Features',
        '',
        '- Add password reset (#301)',
        '- Refunds (PAY-17)',
        '',
        '### Fixes',
        '',
        '- Session expires too early (#302)',
        '',
        '### Refactors',
        '',
        '- Split the store (#305)',
        '',
        '### Other',
        '',
        '- (#306)',
        '- Read papers (#308)',
        '',
      ].join('\n'),
    );
    expect(result.stderr.split('\n')).toEqual([
      'warning: efa05d8 (#306) has no title; listed as "(#306)". Give a token to fetch titles from GitHub.',
      'warning: 9458320 "sluice: merge 308 research read papers": unknown type "research"; listed under Other. Map it in changelog.types.',
      '',
    ]);
  });

  it('prints every commit of an explicit range as JSON, listed or not', async () => {
    const cwd = repositoryOf('housekeeping');
    const result = await sluice(['--from', 'v1.1.0', '--to', 'HEAD', '--format', 'json'], { cwd });
    const output = JSON.parse(result.stdout) as {
      bump: string;
      next: unknown;
      entries: { status: string; subject: string }[];
    };
    expect(output.bump).toBe('minor');
    expect(output.next).toEqual({ kind: 'next', version: 'v1.2.0', bump: 'minor' });
    expect(output.entries.map((e) => `${e.status} ${e.subject}`)).toEqual([
      'listed feat: export (#2)',
      'ignored chore(release): 1.2.0',
      'ignored 1.2.1',
      'ignored v1.2.2',
      'ignored build: regenerate the action bundle (#3)',
      'listed Bump lodash from 4.17.20 to 4.17.21 (#5)',
      'listed fix: handle NaN (#6)',
    ]);
  });

  it('upserts CHANGELOG.md, and a second run leaves it byte for byte', async () => {
    const cwd = repositoryOf('reverts');
    await sluice(['--write', 'CHANGELOG.md'], { cwd });
    const first = readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8');
    expect(first).toContain(
      '## [Unreleased]\n\n### Features\n\n- CSV export (#203) <!-- sluice:pr-203 -->\n',
    );
    const again = await sluice(['--write', 'CHANGELOG.md'], { cwd });
    expect(again.stderr).toBe('CHANGELOG.md: 0 entries added\n');
    expect(readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8')).toBe(first);
  });

  it('links entries and new versions in the file to the repository given by --repo-url', async () => {
    const cwd = repositoryOf('bot-merges');
    const url = ['--repo-url', 'https://github.example.com/acme/widgets.git'];
    await sluice(['--write', 'CHANGELOG.md', ...url], { cwd });
    expect(readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8')).toContain(
      '- Add password reset ([#301](https://github.example.com/acme/widgets/issues/301)) <!-- sluice:id-301-2951960 -->\n',
    );
  });

  it('finds the repository from a github.com origin, or from the Actions variables; never guesses another host', async () => {
    const cwd = repositoryOf('bot-merges');
    git(cwd, ['remote', 'add', 'origin', 'git@github.com:acme/widgets.git']);
    await sluice(['--write', 'CHANGELOG.md'], { cwd });
    const fromOrigin = readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8');
    expect(fromOrigin).toContain('([#301](https://github.com/acme/widgets/issues/301))');

    const other = repositoryOf('bot-merges');
    git(other, ['remote', 'add', 'origin', 'https://git.example.com/acme/widgets.git']);
    await sluice(['--write', 'CHANGELOG.md'], { cwd: other });
    expect(readFileSync(join(other, 'CHANGELOG.md'), 'utf8')).toContain(
      '- Add password reset (#301)',
    );

    const env = { GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_REPOSITORY: 'acme/widgets' };
    await sluice(['--write', 'ACTIONS.md'], { cwd: other, env });
    expect(readFileSync(join(other, 'ACTIONS.md'), 'utf8')).toContain(
      '([#301](https://ghe.example.com/acme/widgets/issues/301))',
    );

    await sluice(['--write', 'PLAIN.md', '--repo-url', ''], { cwd });
    expect(readFileSync(join(cwd, 'PLAIN.md'), 'utf8')).toContain('- Add password reset (#301)');
  });

  it('refuses a --repo-url that is not a web address', async () => {
    const result = await sluice(['--repo-url', 'git@github.com:acme/widgets.git'], { cwd: '/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^sluice changelog: --repo-url must be the repository's web address/,
    );
  });

  it('reads the repository config for types and the subject template', async () => {
    const cwd = repositoryOf('bot-merges');
    mkdirSync(join(cwd, '.github'));
    writeFileSync(
      join(cwd, '.github/sluice.yml'),
      'changelog:\n  types:\n    research: documentation\n',
    );
    const result = await sluice([], { cwd });
    expect(result.stdout).toContain('### Documentation\n\n- Read papers (#308)\n');
  });

  it('names the file and line of a broken config', async () => {
    const cwd = repositoryOf('bot-merges');
    writeFileSync(join(cwd, 'bad.yml'), 'changelog:\n  types: [oops\n');
    const result = await sluice(['--config', 'bad.yml'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.yml:\d+:\d+: /);
  });

  it('parses one subject per line from stdin', async () => {
    const stdin = 'feat(api)!: drop v1 (#3)\nsluice: merge 9\nchore: tidy\n';
    const result = await sluice(['parse'], { cwd: '/', stdin });
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      {
        subject: 'feat(api)!: drop v1 (#3)',
        type: 'feat',
        scope: 'api',
        breaking: true,
        description: 'drop v1',
        pr: 3,
        id: null,
        section: 'Breaking changes',
        ignored: false,
      },
      {
        subject: 'sluice: merge 9',
        type: null,
        scope: null,
        breaking: false,
        description: '',
        pr: null,
        id: '9',
        section: 'Other',
        ignored: false,
      },
      {
        subject: 'chore: tidy',
        type: 'chore',
        scope: null,
        breaking: false,
        description: 'tidy',
        pr: null,
        id: null,
        section: null,
        ignored: true,
      },
    ]);
  });

  it('parses whole messages separated by NUL with -z, trailers included', async () => {
    const stdin =
      'Add login (#4)\n\nSluice-PR: 4\nSluice-Type: story\n\0fix: x\n\nBREAKING CHANGE: y\n\0';
    const result = await sluice(['parse', '-z'], { cwd: '/', stdin });
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { section: string });
    expect(records.map((r) => r.section)).toEqual(['Features', 'Breaking changes']);
  });

  it('explains a usage mistake in one line, pointing at --help', async () => {
    const result = await sluice(['--format', 'xml'], { cwd: '/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "sluice changelog: --format must be md or json\nRun 'sluice changelog --help' for usage.\n",
    );
  });

  it('says so when the start of the range does not exist', async () => {
    const cwd = repositoryOf('legacy-slugs');
    const result = await sluice(['--from', 'nope'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sluice changelog: git log .* failed: fatal: bad revision 'nope\.\.HEAD'/,
    );
  });

  it('says which ref does not exist', async () => {
    const cwd = repositoryOf('legacy-slugs');
    const result = await sluice(['--to', 'v9'], { cwd });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "sluice changelog: git for-each-ref --points-at v9 failed: unknown revision 'v9'\n",
    });
  });
});
