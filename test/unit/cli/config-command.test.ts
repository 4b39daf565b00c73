import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main.js';
import { configLimits } from '../../../src/config/index.js';
import type { RepoGitHub } from '../../../src/github/port.js';
import { renderConfigErrors } from '../../../src/messages/index.js';
import { loadConfigText } from '../../../src/reconcile/load-config.js';
import { makeTempDir, removeTempDirs } from '../changelog/support/build-repository.js';
import { ChangelogGitHubKit } from '../changelog-github/support/changelog-github-kit.js';

afterAll(removeTempDirs);

const configPath = '.github/sluice.yml';

async function sluice(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const stdin = new PassThrough();
  stdin.end('');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(args, {
    stdin,
    stdout,
    stderr,
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** A directory holding `.github/sluice.yml` with `content`. */
function checkout(content: string | Buffer): string {
  const dir = makeTempDir('config-check');
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, configPath), content);
  return dir;
}

/**
 * What the app shows for `text` on a pull request's `Sluice config` check run (through the
 * same loader the webhook handler uses), as the lines `sluice config check` prints: the
 * check run's title, then `file:line:column: message fix` for each problem it lists. The
 * app names its file `acme/widgets:.github/sluice.yml`; the CLI names the file it was given.
 * `text` undefined is a repository without the file; `bases` are other repositories' files.
 */
async function appReport(
  text: string | undefined,
  bases: Record<string, string> = {},
): Promise<string[]> {
  const github = {
    owner: 'acme',
    repo: 'widgets',
    readFileIn: (repo: string, path: string) => Promise.resolve(bases[`${repo}:${path}`]),
  } as unknown as RepoGitHub;
  const result = await loadConfigText(github, text);
  if (result.ok) throw new Error('expected the app to refuse this config');
  const appPath = `acme/widgets:${configPath}`;
  const rendered = renderConfigErrors(result.errors, {
    context: 'pull-request',
    annotatePath: appPath,
  });
  const local = (s: string) => s.replaceAll(appPath, configPath);
  const lines = [local(rendered.title)];
  // Each file's section: `### `file`` then numbered `**Line L, column C:** message` items.
  for (const section of rendered.summary.split(/^### /m).slice(1)) {
    const file = /^`([^`]+)`/.exec(section)![1]!;
    const items = section.matchAll(
      /\*\*Line (\d+), column (\d+):\*\* (.*)\n {3}\*\*Fix:\*\* (.*)/g,
    );
    for (const [, line, column, message, fix] of items) {
      lines.push(local(`${file}:${line}:${column}: ${message} ${fix}`));
    }
  }
  expect(lines.length).toBe(result.errors.length + 1);
  return lines;
}

describe('sluice config check', () => {
  it('exits 0 with one line for a valid file, .github/sluice.yml by default', async () => {
    const dir = checkout('queue:\n  label: ship-it\n  requiredApprovals: 2\n');
    expect(await sluice(['config', 'check'], { cwd: dir })).toEqual({
      code: 0,
      stdout: `${configPath}: ok\n`,
      stderr: '',
    });
  });

  it('prints the warnings the app finds in a valid file before the ok', async () => {
    const dir = checkout('mergeMessage:\n  subject: "{type}: {title} (#{number})"\n');
    const result = await sluice(['config', 'check', configPath], { cwd: dir });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\.github\/sluice\.yml:2:12: warning: `mergeMessage.subject` uses `\{type\}`/,
    );
    expect(lines[1]).toBe(`${configPath}: ok`);
  });

  it.each([
    ['a wrong type', 'queue:\n  label: 5\n'],
    ['an unknown key', 'queue:\n  labl: ship-it\n'],
    ['several problems', 'queue:\n  label: [a]\n  bogus: 1\ngates:\n  nope: true\n'],
    ['a YAML syntax error', 'queue:\n  label: "unclosed\n'],
    ['a tab in the indentation', 'queue:\n\tlabel: x\n'],
    ['a duplicate key', 'queue:\n  label: a\n  label: b\n'],
  ])('exits 1 with the errors the app shows for %s', async (_, text) => {
    const dir = checkout(text);
    const result = await sluice(['config', 'check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual(await appReport(text));
  });

  it('names the file it was given, relative or not', async () => {
    const dir = checkout('');
    writeFileSync(join(dir, 'proposed.yml'), 'queue:\n  label: 5\n');
    const result = await sluice(['config', 'check', 'proposed.yml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Invalid proposed\.yml \(1 problem\)\nproposed\.yml:2:10: /);
  });

  it('says in one line that a missing file cannot be read', async () => {
    const dir = makeTempDir('config-check');
    const result = await sluice(['config', 'check'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `sluice config: cannot read ${configPath}: no such file\n`,
    });
    const directory = await sluice(['config', 'check', '.'], { cwd: dir });
    expect(directory.stderr).toBe('sluice config: cannot read .: is a directory\n');
  });

  it('refuses a file that is not UTF-8 text, naming the first bad byte', async () => {
    const dir = checkout(Buffer.from([0xff, 0xfe, 0x71, 0x00]));
    const result = await sluice(['config', 'check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `sluice config: ${configPath} is not UTF-8 text (byte 0xFF at line 1, column 1); Sluice reads config files as UTF-8: save it in that encoding.\n`,
    );
    // Later in the file, after text that is itself a replacement character (valid UTF-8).
    const later = checkout(
      Buffer.concat([
        Buffer.from('queue:\n  label: "\ufffd'),
        Buffer.from([0xc3, 0x28, 0x22, 0x0a]),
      ]),
    );
    expect((await sluice(['config', 'check'], { cwd: later })).stderr).toContain(
      'byte 0xC3 at line 2, column 12',
    );
  });

  it("measures the size limit in bytes of the file, with the app's message", async () => {
    const comment = (bytes: number) => `# ${'é'.repeat((bytes - 3) / 2)}\n`;
    // 2 + 2n + 1 bytes: at the limit, and over it while its string is only half as long.
    const atLimit = comment(configLimits.maxBytes - 1) + '\n';
    expect(Buffer.byteLength(atLimit)).toBe(configLimits.maxBytes);
    expect((await sluice(['config', 'check'], { cwd: checkout(atLimit) })).code).toBe(0);
    const over = comment(configLimits.maxBytes + 1);
    expect(Buffer.byteLength(over)).toBe(configLimits.maxBytes + 1);
    expect(over.length).toBeLessThan(configLimits.maxBytes);
    const result = await sluice(['config', 'check'], { cwd: checkout(over) });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual(await appReport(over));
    expect(result.stdout).toContain('is 65 KB; Sluice reads config files up to 64 KB.');
  });

  it('without a token, says in one line that `_extends` was not followed and checks the rest', async () => {
    const dir = checkout('_extends: sluice-defaults\nqueue:\n  labl: ship-it\n');
    const result = await sluice(['config', 'check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sluice config: \`_extends: sluice-defaults\` was not followed (no GITHUB_TOKEN or --token), so the file it names was not checked; ${configPath} was checked on its own.\n`,
    );
    expect(result.stdout).toContain(`${configPath}:3:3: \`labl\` is not a Sluice setting`);
    const valid = checkout('_extends: .github\n');
    expect(await sluice(['config', 'check'], { cwd: valid })).toMatchObject({
      code: 0,
      stdout: `${configPath}: ok\n`,
    });
  });

  it('reports a malformed `_extends` as the app does, token or not', async () => {
    const text = '_extends: "a b c"\n';
    const result = await sluice(['config', 'check'], { cwd: checkout(text) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual(await appReport(text));
  });

  it('with a token but no way to tell the owner, asks for --repo', async () => {
    const dir = checkout('_extends: sluice-defaults\n');
    const result = await sluice(['config', 'check', '--token', 'x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sluice config: .*pass --repo OWNER\/NAME\n/);
  });

  it.each([
    [['config'], 'expected a subcommand: check'],
    [['config', 'lint'], 'unknown subcommand "lint"'],
    [['config', 'check', 'a.yml', 'b.yml'], 'unexpected "b.yml"'],
    [['config', 'check', '--repo', 'widgets'], '--repo must be OWNER/NAME'],
    [['config', 'check', '--bogus'], "Unknown option '--bogus'"],
  ])('%j is a usage error on one line', async (args, what) => {
    const result = await sluice(args, { cwd: makeTempDir('config-check') });
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines).toEqual([
      expect.stringContaining(what),
      "Run 'sluice config --help' for usage.",
      '',
    ]);
    expect(lines[0]).toMatch(/^sluice config: /);
  });

  it('has help like the other commands', async () => {
    const cwd = makeTempDir('config-check');
    const viaHelp = await sluice(['help', 'config'], { cwd });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: sluice config check /);
    expect(await sluice(['config', '--help'], { cwd })).toEqual(viaHelp);
    expect(await sluice(['config', 'check', '--help'], { cwd })).toEqual(viaHelp);
    expect((await sluice(['--help'], { cwd })).stdout).toMatch(/^ {2}config +check a /m);
  });
});

describe('sluice config check with a token, against the local GitHub', () => {
  let kit: ChangelogGitHubKit;
  let env: NodeJS.ProcessEnv;
  const base = 'queue:\n  label: ship-it\n';

  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    await kit.gh.createRepo({
      fullName: 'acme/sluice-defaults',
      ownerType: 'Organization',
      private: true,
      files: {
        [configPath]: base,
        'broken.yml': 'queue:\n  requiredApprovals: many\n',
      },
    });
    env = { GITHUB_TOKEN: await kit.installationToken(), GITHUB_API_URL: kit.gh.apiUrl };
  });
  afterAll(() => kit.close());

  const bases = { [`sluice-defaults:${configPath}`]: base };

  it('follows `_extends` through the API and checks the merged settings', async () => {
    const dir = checkout('_extends: sluice-defaults\ngates:\n  rules: []\n');
    const result = await sluice(['config', 'check', '--repo', 'acme/widgets'], { cwd: dir, env });
    expect(result).toEqual({ code: 0, stdout: `${configPath}: ok\n`, stderr: '' });
    kit.gh.assertClean();
  });

  it('takes the token from --token as well', async () => {
    const dir = checkout('_extends: sluice-defaults\n');
    const { GITHUB_TOKEN: token, ...rest } = env;
    const args = ['config', 'check', '--repo', 'acme/widgets', '--token', token!];
    expect(await sluice(args, { cwd: dir, env: rest })).toMatchObject({ code: 0, stderr: '' });
  });

  it('reports problems in the extended file as the app does, under its name', async () => {
    const text = '_extends: sluice-defaults:broken.yml\nqueue:\n  labl: x\n';
    const dir = checkout(text);
    const result = await sluice(['config', 'check', '--repo', 'acme/widgets'], { cwd: dir, env });
    expect(result.code).toBe(1);
    const broken = {
      ...bases,
      'sluice-defaults:broken.yml': 'queue:\n  requiredApprovals: many\n',
    };
    expect(result.stdout.trimEnd().split('\n')).toEqual(await appReport(text, broken));
    expect(result.stdout).toContain('acme/sluice-defaults:broken.yml:2:22: ');
  });

  it('says so when the extended file does not exist', async () => {
    const text = '_extends: nowhere\n';
    const result = await sluice(['config', 'check', '--repo', 'acme/widgets'], {
      cwd: checkout(text),
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('acme/nowhere:.github/sluice.yml, which does not exist');
    expect(result.stdout.trimEnd().split('\n')).toEqual(await appReport(text, bases));
  });
});

describe('sluice config check for a repository without .github/sluice.yml, against the local GitHub', () => {
  let kit: ChangelogGitHubKit;
  let env: NodeJS.ProcessEnv;
  const orgFile = `acme/.github:${configPath}`;
  const noFile = () => makeTempDir('config-check');
  const check = (extra: string[] = []) =>
    sluice(['config', 'check', '--repo', 'acme/widgets', ...extra], { cwd: noFile(), env });

  /** The owner's `.github` repository holds `text` as its config, or none for `null`. */
  async function setOrgConfig(text: string | null): Promise<void> {
    await kit.gh.repo('acme/.github').git.commitFiles({
      branch: 'main',
      files: { [configPath]: text },
      message: 'org-wide Sluice config',
      author: { name: 'Admin', email: 'admin@example.com' },
      date: kit.gh.world.clock.tick(),
    });
  }

  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    await kit.gh.createRepo({
      fullName: 'acme/.github',
      ownerType: 'Organization',
      files: { 'profile/README.md': '# Acme\n', [configPath]: 'queue:\n  label: ship-it\n' },
    });
    env = { GITHUB_TOKEN: await kit.installationToken(), GITHUB_API_URL: kit.gh.apiUrl };
  });
  afterAll(() => kit.close());

  it("checks the owner's org-wide file, which the app applies instead, and says so", async () => {
    await setOrgConfig('queue:\n  label: ship-it\n');
    expect(await check()).toEqual({
      code: 0,
      stdout: `${orgFile}: ok\n`,
      stderr: `sluice config: ${configPath} does not exist, so the app applies the org-wide ${orgFile}; checked that file.\n`,
    });
    kit.gh.assertClean();
  });

  it('reports problems in the org-wide file as the app does, under its name', async () => {
    const broken = 'queue:\n  requiredApprovals: many\n';
    await setOrgConfig(broken);
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual(
      await appReport(undefined, { [`.github:${configPath}`]: broken }),
    );
    expect(result.stdout).toContain(`${orgFile}:2:22: `);
  });

  it('says the defaults apply when the owner has no org-wide file either', async () => {
    await setOrgConfig(null);
    expect(await check()).toEqual({
      code: 0,
      stdout: `${configPath}: ok (there is no such file, here or in acme/.github: Sluice uses the defaults)\n`,
      stderr: '',
    });
  });

  it('never falls back for the .github repository itself, nor for a FILE that was named', async () => {
    await setOrgConfig('queue:\n  label: 5\n');
    const itself = await sluice(['config', 'check', '--repo', 'acme/.github'], {
      cwd: noFile(),
      env,
    });
    expect(itself).toMatchObject({ code: 0, stderr: '' });
    expect(itself.stdout).toMatch(/Sluice uses the defaults\)\n$/);
    expect(await check([configPath])).toEqual({
      code: 2,
      stdout: '',
      stderr: `sluice config: cannot read ${configPath}: no such file\n`,
    });
  });

  it('asks for --repo when nothing names the repository whose owner to read', async () => {
    const result = await sluice(['config', 'check'], { cwd: noFile(), env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^sluice config: \.github\/sluice\.yml does not exist, .*: pass --repo OWNER\/NAME\n/,
    );
  });
});
