import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../src/cli/main.js';
import { git, makeTempDir, removeTempDirs } from '../changelog/support/build-repository.js';

afterAll(removeTempDirs);

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function sluice(args: string[], options: { cwd?: string; stdin?: string } = {}) {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const cwd = options.cwd ?? root;
  const code = await runCli(args, { stdin, stdout, stderr, cwd, env: {} });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** A repository with one commit per subject, oldest first; returns its directory. */
function repository(subjects: string[]): string {
  const dir = makeTempDir('cli');
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  // fast-import: thousands of commits in one process; each commit follows the one before.
  const stream = subjects
    .map(
      (subject, i) =>
        `commit refs/heads/main\ncommitter Mona <mona@example.com> ${1_700_000_000 + i} +0000\n` +
        `data ${Buffer.byteLength(subject)}\n${subject}\n`,
    )
    .join('');
  git(dir, ['fast-import', '--quiet'], stream);
  git(dir, ['checkout', '--quiet', 'main']);
  return dir;
}

describe('sluice --version', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  it.each([['--version'], ['-V']])('%s prints the version in package.json', async (flag) => {
    expect(await sluice([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('sluice help', () => {
  it('help <command> prints the same as <command> --help', async () => {
    for (const name of ['changelog', 'classify', 'doctor', 'simulate', 'migrate']) {
      const viaHelp = await sluice(['help', name]);
      const viaFlag = await sluice([name, '--help']);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: sluice ${name}`));
      expect(viaHelp).toEqual(viaFlag);
    }
  });

  it('help alone prints the general help', async () => {
    const help = await sluice(['help']);
    expect(help).toEqual(await sluice(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Commands:');
  });

  it.each([[['help', 'nope']], [['help', 'simulat']], [['chnagelog']]])(
    '%j is one line naming the unknown command and the closest one',
    async (args) => {
      const result = await sluice(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const unknown = args.at(-1)!;
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`'${unknown}'`);
      if (unknown === 'simulat') expect(lines[0]).toContain("closest is 'simulate'");
      if (unknown === 'chnagelog') expect(lines[0]).toContain("closest is 'changelog'");
    },
  );
});

describe('usage errors', () => {
  it.each([
    [['changelog', '--bogus'], "Unknown option '--bogus'"],
    [['changelog', '--format', 'xml'], '--format must be md or json'],
    [['changelog', '--from'], "Option '--from <value>' argument missing"],
    [['classify', '--bogus', 'x.log'], "Unknown option '--bogus'"],
    [['classify'], 'expected one FILE'],
    [['doctor', '--bogus'], "Unknown option '--bogus'"],
    [['simulate', '--bogus'], "Unknown option '--bogus'"],
    [['simulate', '--prs', 'many'], '--prs must be a number'],
    [['migrate', '--bogus'], "Unknown option '--bogus'"],
  ])('%j: one line saying what is wrong, one pointing at --help, exit 2', async (args, what) => {
    const result = await sluice(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^sluice ${args[0]}: `));
    expect(lines[0]).toContain(what);
    expect(lines[1]).toBe(`Run 'sluice ${args[0]} --help' for usage.`);
    expect(lines[2]).toBe('');
    expect(result.stderr).not.toContain('Usage:');
  });
});

describe('a closed stdout (sluice changelog parse | head -1)', () => {
  it('stops quietly, without a stack trace', async () => {
    // The built CLI, as `sluice` runs: the pipe and its error are the real process's.
    expect(existsSync(join(root, 'dist/cli/main.js'))).toBe(true);
    const child = spawn(process.execPath, [join(root, 'bin/sluice.js'), 'changelog', 'parse'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin.on('error', () => undefined); // the CLI may be gone before it reads it all
    child.stdin.end('feat: add x (#1)\n'.repeat(200_000));
    // A reader that, like `head -1`, closes the pipe after the first line.
    const first = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        const end = text.indexOf('\n');
        if (end !== -1) {
          child.stdout.destroy();
          resolve(text.slice(0, end));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(first)).toMatchObject({ type: 'feat', pr: 1 });
    expect(stderr).toBe('');
    expect([0, 141]).toContain(code);
  });
});

describe('git problems, each said in one line', () => {
  async function changelogIn(dir: string, args: string[] = []) {
    const result = await sluice(['changelog', '--repo', dir, ...args]);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    return result;
  }

  it('tells a missing directory, a directory that is no repository and an empty one apart', async () => {
    const plain = makeTempDir('plain');
    const empty = makeTempDir('empty');
    git(empty, ['init', '--quiet']);
    const missing = join(makeTempDir('gone'), 'missing');
    const messages = [];
    for (const [dir, meaning] of [
      [missing, `${missing} does not exist`],
      [plain, `${plain} is not a git repository`],
      [empty, `${empty} is an empty repository (no commits yet)`],
    ] as const) {
      const result = await changelogIn(dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sluice changelog: git [a-z-]+ failed: /);
      expect(result.stderr).toContain(meaning);
      expect(result.stderr).not.toContain("unknown revision 'HEAD'");
      messages.push(result.stderr);
    }
    expect(new Set(messages).size).toBe(3);
  });

  it('names the command that failed for a ref that does not exist', async () => {
    const dir = repository(['feat: one (#1)']);
    const result = await changelogIn(dir, ['--to', 'v9']);
    expect(result.stderr).toBe(
      "sluice changelog: git for-each-ref --points-at v9 failed: unknown revision 'v9'\n",
    );
  });
});

describe('ranges that hold nothing', () => {
  const subjects = ['feat: one (#1)', 'fix: two (#2)', 'feat: three (#3)'];

  it('says a reversed range is reversed', async () => {
    const dir = repository(subjects);
    git(dir, ['tag', 'v1', 'HEAD~2']);
    const result = await sluice(['changelog', '--repo', dir, '--from', 'HEAD', '--to', 'v1']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'sluice changelog: the range HEAD..v1 is reversed: v1 is an ancestor of HEAD, so it holds no commits; swap --from and --to\n',
    });
  });

  it('says an empty range is empty', async () => {
    const dir = repository(subjects);
    const head = git(dir, ['rev-parse', '--short=7', 'HEAD']);
    const result = await sluice(['changelog', '--repo', dir, '--from', 'main', '--to', 'HEAD']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `sluice changelog: the range main..HEAD is empty: both are commit ${head}\n`,
    });
  });

  it('says a repository without tags has none, and lists its whole history', async () => {
    const dir = repository(subjects);
    const result = await sluice(['changelog', '--repo', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- Three (#3)');
    expect(result.stdout).toContain('- One (#1)');
    expect(result.stderr).toBe(
      'sluice changelog: the repository has no tags, so the range starts at the first commit; pass --from REF to start elsewhere\n',
    );
  });
});

describe('many warnings alike', () => {
  it('are summarised after the first few', async () => {
    const subjects = Array.from({ length: 3000 }, (_, i) => `tidy things up ${i}`);
    const dir = repository(['feat: start (#1)', ...subjects]);
    git(dir, ['tag', 'v0', 'HEAD~3000']);
    const result = await sluice(['changelog', '--repo', dir]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5).every((l) => l.includes('no change type found'))).toBe(true);
    expect(lines[5]).toBe('warning: … and 2,995 more like this (subjects with no change type)');
  });
});
