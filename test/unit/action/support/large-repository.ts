import { execFileSync } from 'node:child_process';
import { makeTempDir } from '../../changelog/support/build-repository.js';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

/**
 * `count` commits on main, written by one `git fast-import` (a second or two for 30,000):
 * conventional features with a PR number, and every tenth subject without a type, so the
 * range also carries thousands of warnings.
 */
export function largeRepository(count: number): string {
  const dir = makeTempDir('large');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const chunks: string[] = [];
  for (let i = 1; i <= count; i++) {
    const subject =
      i % 10 === 0
        ? `Tweak the widget settings page once more, round ${i}`
        : `feat(area-${i % 37}): add the configurable widget option number ${i} to the settings page (#${i})`;
    const message = `${subject}\n`;
    chunks.push(
      `commit refs/heads/main\nmark :${i}\ncommitter Mona <mona@example.com> ${1_700_000_000 + i} +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}`,
      i === 1 ? '\n' : `from :${i - 1}\n\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
  git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  return dir;
}
