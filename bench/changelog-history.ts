/**
 * A large, realistic history for the changelog benchmark, written with one
 * `git fast-import` (seconds, not minutes): conventional subjects with scopes and `(#N)`
 * suffixes, bodies, breaking changes, reverts and housekeeping, a tag in the middle.
 */
import { execFileSync } from 'node:child_process';

const TYPES = ['feat', 'fix', 'fix', 'refactor', 'perf', 'docs', 'chore', 'test', 'ci', 'build'];
const SCOPES = ['api', 'cli', 'queue', 'store', 'gates', 'ui', 'auth', 'parser'];
const WORDS = 'add remove handle cache retry parse render split merge index validate export'.split(
  ' ',
);
const NOUNS = 'token queue batch request config label branch summary check commit header'.split(
  ' ',
);

/** A deterministic pseudo-random sequence, so every run benchmarks the same history. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function message(index: number, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const pr = 1000 + index;
  if (index % 97 === 0 && index > 0)
    return `Revert "feat(api): ${pick(WORDS)} ${pick(NOUNS)} (#${pr - 3})" (#${pr})\n\nReverts acme/widgets#${pr - 3}\n`;
  if (index % 250 === 0) return `chore(release): ${Math.floor(index / 250)}.0.0\n`;
  const type = pick(TYPES);
  const scope = next() < 0.6 ? `(${pick(SCOPES)})` : '';
  const bang = next() < 0.01 ? '!' : '';
  const subject = `${type}${scope}${bang}: ${pick(WORDS)} the ${pick(NOUNS)} ${pick(NOUNS)} (#${pr})`;
  const body =
    next() < 0.5
      ? `\n\nThe ${pick(NOUNS)} was ${pick(WORDS)}ed twice on retry.\nCloses #${pr - 1}.\n`
      : '\n';
  return subject + body;
}

/** Writes the history into a fresh repository at `dir`; the tag `v1.0.0` sits at commit `tagAt`. */
export function buildBenchmarkHistory(dir: string, commits: number, tagAt: number): void {
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', dir]);
  const next = sequence(42);
  const stream: string[] = [];
  for (let index = 0; index < commits; index++) {
    const text = message(index, next);
    const time = 1_700_000_000 + index * 600;
    const content = `line ${index}\n`;
    stream.push(
      `commit refs/heads/main`,
      `mark :${index + 1}`,
      `author Mona <mona@example.com> ${time} +0000`,
      `committer Mona <mona@example.com> ${time} +0000`,
      `data ${Buffer.byteLength(text)}`,
      text,
      ...(index > 0 ? [`from :${index}`] : []),
      `M 100644 inline src/file-${index % 50}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
    if (index + 1 === tagAt) stream.push(`reset refs/tags/v1.0.0`, `from :${index + 1}`, '');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream.join('\n') });
  execFileSync('git', ['checkout', '--quiet', 'main'], { cwd: dir });
  // conventional-changelog reads the next version from the nearest package.json.
  execFileSync('sh', ['-c', 'printf \'{"name":"bench","version":"1.1.0"}\\n\' > package.json'], {
    cwd: dir,
  });
}
