/**
 * Benchmark: `sluice changelog` against git-cliff and conventional-changelog on the same
 * 10,000-commit history, for the 5,000 commits since its middle tag.
 *
 *   npm run build && npx tsx bench/changelog.ts [--runs N] [--write-docs]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchmarkHistory } from './changelog-history.js';
import type { Command } from './changelog-measure.js';
import { measure } from './changelog-measure.js';
import type { Result } from './changelog-report.js';
import { placeSection, renderReport } from './changelog-report.js';
import { installTools } from './changelog-tools.js';
import { format } from 'prettier';

const prettierOptions = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../.prettierrc.json'), 'utf8'),
) as object;

const COMMITS = 10_000;
const TAG_AT = 5_000;
const root = resolve(import.meta.dirname, '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 7 : Number(process.argv[runsFlag + 1]);

const tools = installTools(import.meta.dirname);
const repo = mkdtempSync(join(tmpdir(), 'sluice-bench-history-'));
try {
  console.error(`building a ${COMMITS}-commit history in ${repo}`);
  buildBenchmarkHistory(repo, COMMITS, TAG_AT);
  const commands: Command[] = [
    {
      name: 'sluice changelog',
      argv: [
        process.execPath,
        join(root, 'bin/sluice.js'),
        'changelog',
        '--from',
        'v1.0.0',
        '--to',
        'HEAD',
      ],
      cwd: repo,
    },
    { name: 'git-cliff', argv: [tools.gitCliff, 'v1.0.0..HEAD'], cwd: repo },
    { name: '(git-cliff through npx)', argv: [tools.gitCliffNpm, 'v1.0.0..HEAD'], cwd: repo },
    {
      name: 'conventional-changelog',
      argv: [tools.conventionalChangelog, '-p', 'conventionalcommits'],
      cwd: repo,
    },
    {
      name: '(git log alone)',
      argv: ['git', 'log', '--first-parent', '-z', '--format=%H%n%B', 'v1.0.0..HEAD'],
      cwd: repo,
    },
    { name: '(node -e 0)', argv: [process.execPath, '-e', '0'], cwd: repo },
  ];
  const results: Result[] = commands.map((c) => ({ name: c.name, samples: [] }));
  for (const command of commands) measure(command); // warm the page cache and the tools
  const loadBefore = loadavg()[0] ?? 0;
  for (let run = 0; run < runs; run++) {
    // Interleaved, so a burst of load on the machine hits every tool alike.
    commands.forEach((command, index) => results[index]?.samples.push(measure(command)));
    console.error(`run ${run + 1}/${runs} done`);
  }
  const report = renderReport({
    results,
    commits: COMMITS,
    rangeCommits: COMMITS - TAG_AT,
    runs,
    loadBefore,
  });
  process.stdout.write(report);
  if (process.argv.includes('--write-docs')) {
    const path = join(root, 'docs/benchmarks.md');
    const existing = (() => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return '# Benchmarks\n';
      }
    })();
    // Formatted as `prettier --check .` expects, so the benchmark leaves the tree clean.
    const text = await format(placeSection(existing, report), {
      parser: 'markdown',
      ...prettierOptions,
    });
    writeFileSync(path, text);
    console.error(`wrote the Changelog section of ${path}`);
  }
} finally {
  rmSync(repo, { recursive: true, force: true });
}
