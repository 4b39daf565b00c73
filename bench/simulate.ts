/**
 * The policy table: `sluice simulate`'s default policy against the references (serial,
 * bors-style, GitHub-style speculation) at p ∈ {0.05, 0.1, 0.2} × C ∈ {1, 4}, T = 10 min,
 * 2,000 PRs at saturation, seed 1, and the headline point (p = 0.1, C = 4) on two more seeds.
 * Rewrites the "Merge queue throughput (simulated)" section of docs/benchmarks.md; fails when
 * the default policy is slower than the best reference anywhere, under 23 merged PRs an hour
 * at the headline point, or when any run reports a violation.
 *
 *   npx tsx bench/simulate.ts [--prs N]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parseConfig } from '../src/config/index.js';
import { comparePolicies, type PolicyResult } from '../src/simulate/compare-policies.js';

const heading = 'Merge queue throughput (simulated)';
const docs = join(import.meta.dirname, '..', 'docs/benchmarks.md');
const prsArg = process.argv.indexOf('--prs');
const prs = prsArg === -1 ? 2000 : Number(process.argv[prsArg + 1]);
const parsed = parseConfig('', { path: '.github/sluice.yml' });
if (!parsed.ok) throw new Error('the default config does not parse');
const config = parsed.config;

interface Point {
  failRate: number;
  runners: number;
  seed: number;
  results: PolicyResult[];
  seconds: number;
}

function run(failRate: number, runners: number, seed: number): Point {
  const started = Date.now();
  const results = comparePolicies(
    { prs, failRate, flakyRate: 0, ciMinutes: 10, runners, arrivalRate: 'saturation', seed },
    config,
  );
  const seconds = (Date.now() - started) / 1000;
  console.error(`p=${failRate} C=${runners} seed=${seed}: ${seconds.toFixed(0)} s`);
  return { failRate, runners, seed, results, seconds };
}

const rate = (r: PolicyResult | undefined) => r?.result.mergedPerHour ?? 0;
const of = (point: Point, policy: string) => point.results.find((r) => r.policy === policy);
const bestReference = (point: Point) =>
  point.results.filter((r) => r.policy !== 'sluice').sort((a, b) => rate(b) - rate(a))[0]!;

function row(point: Point): string {
  const cells = ['sluice', 'serial', 'bors', 'speculative'].map((policy) => {
    const r = of(point, policy)!;
    return `${rate(r).toFixed(1)} (${r.result.ciRunsPerMerged.toFixed(2)})`;
  });
  const best = bestReference(point);
  const ahead = rate(of(point, 'sluice')) / rate(best);
  return `| ${point.failRate} | ${point.runners} | ${point.seed} | ${cells.join(' | ')} | ×${ahead.toFixed(2)} ${best.policy} |`;
}

function problems(points: Point[]): string[] {
  const found: string[] = [];
  for (const point of points) {
    const at = `p=${point.failRate} C=${point.runners} seed=${point.seed}`;
    for (const r of point.results)
      for (const v of r.result.violations) found.push(`${at} ${r.policy}: ${v}`);
    if (rate(of(point, 'sluice')) < rate(bestReference(point)))
      found.push(`${at}: sluice is slower than ${bestReference(point).policy}`);
    if (point.failRate === 0.1 && point.runners === 4 && rate(of(point, 'sluice')) < 23)
      found.push(`${at}: sluice lands fewer than 23 PRs an hour`);
  }
  return found;
}

function section(points: Point[], loadBefore: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const seconds = points.reduce((sum, p) => sum + p.seconds, 0);
  return [
    `## ${heading}`,
    '',
    '`sluice simulate` drives the real `decide()` against a simulated GitHub and CI in virtual time',
    `(\`src/simulate/\`): ${prs} PRs at saturation (the queue never runs dry), CI of T = 10 minutes on C`,
    'runners, a share p of PRs broken (their test fails on any tree that holds them), no flakes.',
    'Merged PRs per hour, with CI runs per merged PR in brackets; the references are the same code',
    'configured as serial (one PR at a time), bors-ng (one batch of up to `batch.maxSize` at a time,',
    "bisected) and GitHub's merge queue (C single PRs, each on the one ahead). The last column is the",
    "default policy's lead over the best reference. `npx tsx bench/simulate.ts` regenerates this",
    'section and fails when the default policy falls behind any reference, when it lands fewer than',
    '23 PRs an hour at p = 0.1, C = 4 (45 % of the group-testing bound C / (T·H(p)) = 51.2/h), or when',
    'any run breaks a rule (a good PR dequeued, a landing out of queue order, an untested tip landed).',
    '',
    '| p | C | seed | sluice | serial | bors | speculative | lead |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...points.map(row),
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, Node ${process.version},`,
    `load average ${loadBefore.toFixed(1)} when the runs started; ${seconds.toFixed(0)} s of simulation in all. The`,
    'numbers do not depend on the machine: the simulation runs in virtual time.',
    '',
  ].join('\n');
}

async function writeSection(text: string): Promise<void> {
  const existing = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = existing.search(new RegExp(`^## ${heading.replace(/[()]/g, '\\$&')}\\s*$`, 'm'));
  const next = start === -1 ? -1 : existing.slice(start + 1).search(/^## /m);
  const document =
    start === -1
      ? `${existing.trimEnd()}\n\n${text}`
      : existing.slice(0, start) +
        text +
        (next === -1 ? '' : `\n${existing.slice(start + 1 + next)}`);
  const options = await resolveConfig(docs);
  writeFileSync(docs, await format(document, { ...options, filepath: docs }));
}

const loadBefore = loadavg()[0] ?? 0;
const points: Point[] = [];
for (const failRate of [0.05, 0.1, 0.2])
  for (const runners of [1, 4]) points.push(run(failRate, runners, 1));
points.push(run(0.1, 4, 2), run(0.1, 4, 3));
await writeSection(section(points, loadBefore));
const found = problems(points);
if (found.length > 0) {
  console.error(found.join('\n'));
  process.exitCode = 1;
}
