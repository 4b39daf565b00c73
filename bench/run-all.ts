/**
 * Every benchmark, one after another (they share the machine, so never at once), each in its
 * own process rewriting its own section of docs/benchmarks.md in place. Afterwards each
 * section must carry today's date, the machine and the load average, or the run fails: a
 * benchmark that silently stopped writing would otherwise leave old numbers looking new.
 *
 *   npm run bench                      (builds first)
 *   npx tsx bench/run-all.ts [name...] (classify, changelog, queue, simulate, dashboard; default all)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Benchmark {
  name: string;
  script: string;
  args: string[];
  heading: string;
}

const root = join(import.meta.dirname, '..');
const docs = join(root, 'docs/benchmarks.md');
const tsx = join(root, 'node_modules/.bin/tsx');

const benchmarks: Benchmark[] = [
  { name: 'classify', script: 'bench/classify.ts', args: [], heading: 'Gate classification' },
  { name: 'changelog', script: 'bench/changelog.ts', args: ['--write-docs'], heading: 'Changelog' },
  { name: 'queue', script: 'bench/queue.ts', args: [], heading: 'Merge queue' },
  {
    name: 'simulate',
    script: 'bench/simulate.ts',
    args: [],
    heading: 'Merge queue throughput \\(simulated\\)',
  },
  {
    name: 'dashboard',
    script: 'bench/dashboard-render.ts',
    args: ['--write-docs'],
    heading: 'Dashboard render',
  },
];

const intro = [
  '# Benchmarks',
  '',
  '`npm run bench` runs every benchmark below in sequence and rewrites its section in place; each',
  'section names its own script, and says on what machine, on what day and under what load it ran.',
  '',
].join('\n');

/** The section under `## heading`, up to the next `## `. */
function sectionOf(document: string, heading: string): string | undefined {
  const start = document.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start === -1) return undefined;
  const next = document.slice(start + 1).search(/^## /m);
  return next === -1 ? document.slice(start) : document.slice(start, start + 1 + next);
}

/** What a freshly written section must say; empty when it says it all. */
function missingFacts(section: string | undefined, today: string): string[] {
  if (section === undefined) return ['the section itself'];
  const facts: [string, RegExp][] = [
    ["today's date", new RegExp(today)],
    ['the core count', /\d+ cores/],
    ['the Node version', /Node v\d+/],
    ['the load average', /load average/i],
  ];
  return facts.filter(([, pattern]) => !pattern.test(section)).map(([name]) => name);
}

/** The title and the note on how sections are made, above the first section. */
function ensureIntro(): void {
  const existing = existsSync(docs) ? readFileSync(docs, 'utf8') : '';
  const first = existing.search(/^## /m);
  const body = first === -1 ? '' : existing.slice(first);
  if (existing.startsWith(intro)) return;
  writeFileSync(docs, body === '' ? intro : `${intro}\n${body}`);
}

function run(benchmark: Benchmark): string[] {
  console.error(`\n=== ${benchmark.name}: ${benchmark.script} ${benchmark.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(tsx, [benchmark.script, ...benchmark.args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    return [`${benchmark.name} exited ${result.status ?? result.signal} after ${seconds} s`];
  }
  const today = new Date().toISOString().slice(0, 10);
  const missing = missingFacts(sectionOf(readFileSync(docs, 'utf8'), benchmark.heading), today);
  console.error(`=== ${benchmark.name}: done in ${seconds} s`);
  return missing.map((fact) => `${benchmark.name}: "## ${benchmark.heading}" lacks ${fact}`);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}`);
ensureIntro();
const problems = benchmarks
  .filter((b) => wanted.length === 0 || wanted.includes(b.name))
  .flatMap(run);
if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exitCode = 1;
} else {
  console.error(`\nwrote ${docs}`);
}
