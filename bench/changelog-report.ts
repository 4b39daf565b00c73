/** Renders the benchmark as the "Changelog" section of docs/benchmarks.md and puts it in place. */
import { cpus, loadavg } from 'node:os';
import type { Sample } from './changelog-measure.js';
import { median } from './changelog-measure.js';

export interface Result {
  name: string;
  samples: Sample[];
}

export interface ReportInput {
  results: Result[];
  commits: number;
  rangeCommits: number;
  runs: number;
  loadBefore: number;
}

function row(result: Result): string {
  const wall = median(result.samples.map((s) => s.wallSeconds));
  const cpu = median(result.samples.map((s) => s.cpuSeconds));
  const peak = median(result.samples.map((s) => s.peakMiB));
  return `| ${result.name} | ${wall.toFixed(3)} s | ${cpu.toFixed(3)} s | ${peak.toFixed(0)} MiB |`;
}

export function renderReport(input: ReportInput): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const wall = (name: string) =>
    median(
      input.results.find((r) => r.name.startsWith(name))?.samples.map((s) => s.wallSeconds) ?? [],
    );
  const sluice = wall('sluice');
  const fastest = Math.min(wall('git-cliff'), wall('conventional-changelog'));
  const peak = (name: string) =>
    median(input.results.find((r) => r.name.startsWith(name))?.samples.map((s) => s.peakMiB) ?? []);
  const lighter = peak('sluice') < Math.min(peak('git-cliff'), peak('conventional-changelog'));
  return [
    '## Changelog',
    '',
    `Release notes for the ${input.rangeCommits.toLocaleString('en')} commits after the tag in the middle of a ${input.commits.toLocaleString('en')}-commit`,
    'history (conventional subjects with scopes, `(#N)` suffixes, bodies, reverts and release commits),',
    'made by `bench/changelog.ts` with `git fast-import`. Medians of',
    `${input.runs} runs each, interleaved; peak memory is the maximum resident set size (GNU time).`,
    '',
    '| tool | wall time | CPU time | peak memory |',
    '| --- | --- | --- | --- |',
    ...input.results.map(row),
    '',
    `Sluice is ${(fastest / sluice).toFixed(1)}× faster than the faster of the other two (wall time,`,
    `native git-cliff), with ${lighter ? 'a lower' : 'no lower'} peak memory than both. Rows in parentheses are for scale.`,
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, Node ${process.version},`,
    `load average ${input.loadBefore.toFixed(1)} when the runs started (now ${loadavg()[0]?.toFixed(1)}). The wall`,
    'times grow with the load of the machine; CPU time is steadier. git-cliff is its native binary',
    '(`npx git-cliff` adds a Node start); conventional-changelog uses the `conventionalcommits`',
    'preset. `sluice changelog` keeps V8 on its baseline tier (`--max-opt=1`, set by the command):',
    'for a run this short, optimising compilation costs more than it saves (at 50,000 commits the',
    'two tiers take the same time). Reproduce with `npm run build && npx tsx bench/changelog.ts --write-docs`.',
    '',
  ].join('\n');
}

/** Replaces the `## Changelog` section (up to the next `## `) or appends it. */
export function placeSection(document: string, section: string): string {
  const start = document.search(/^## Changelog\s*$/m);
  if (start === -1) return `${document.trimEnd()}\n\n${section}`;
  const rest = document.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next === -1 ? document.length : start + 1 + next;
  return document.slice(0, start) + section + (next === -1 ? '' : `\n${document.slice(end)}`);
}
