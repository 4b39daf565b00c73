/**
 * Dashboard render benchmark: one queue page (`renderQueuePage`) for a queue of 200 PRs with
 * a chain of stagings, 14 days of history, flakes and both charts, as the server renders it
 * on every request. Builds the view once (`buildQueueView`, also timed), warms up, then times
 * many renders; the target is under 100 ms per page.
 *
 *   npx tsx bench/dashboard-render.ts [--runs 500] [--write-docs]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildQueueView, type QueueViewInput } from '../src/dashboard/build-queue-view.js';
import { renderQueuePage, type PageContext } from '../src/dashboard/html/index.js';

const root = join(import.meta.dirname, '..');
const docs = join(root, 'docs/benchmarks.md');
const heading = 'Dashboard render';
const targetMs = 100;
const entries = 200;

const now = new Date('2026-03-01T12:00:00Z');
const minute = 60_000;
const ago = (minutes: number) => new Date(now.getTime() - minutes * minute);
const sha = (n: number) => n.toString(16).padStart(40, '0');
const repo = 'acme/widgets';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/** A queue of `entries` PRs: four stagings in flight, a probe, two weeks behind it. */
function benchInput(): QueueViewInput {
  const entry = (n: number, state: string) => ({
    id: n,
    number: 1000 + n,
    sequence: n,
    priority:
      n % 17 === 0 ? ('high' as const) : n % 23 === 0 ? ('low' as const) : ('normal' as const),
    headSha: sha(n),
    queuedBy: `dev-${n % 13}`,
    queuedAt: ago(600 - n),
    state,
    lastFailureClass: null,
    endReason: null,
    updatedAt: ago(600 - n),
  });
  const active = Array.from({ length: entries }, (_, i) =>
    entry(i + 1, i < 12 ? 'testing' : i % 41 === 0 ? 'blocked' : 'queued'),
  );
  const staging = (id: number, from: number, size: number, probe = false) => ({
    id,
    prs: Array.from({ length: size }, (_, k) => ({ entryId: from + k, number: 1000 + from + k })),
    probe,
    commitSha: sha(5000 + id),
    state: 'testing',
    createdAt: ago(20 - id * 3),
    updatedAt: ago(1),
  });
  const ended = Array.from({ length: 200 }, (_, i) => {
    const at = ago(i * 95 + 7);
    const landed = i % 6 !== 0;
    const e = { ...entry(3000 + i, landed ? 'merged' : 'dequeued'), queuedAt: ago(i * 95 + 60) };
    const detail = landed
      ? { staging: sha(9000 + i) }
      : {
          kind: 'checks-failed',
          verdicts: [
            {
              check: 'ci / test (ubuntu-latest, node 24)',
              class: 'test',
              reason: 'A test failed: expected 3 to equal 4 in widgets/pagination.test.ts.',
              url: `https://github.com/${repo}/actions/runs/${i}/job/${i + 1}`,
            },
          ],
        };
    return {
      entry: e,
      events: [{ entryId: e.id, at, kind: landed ? 'merged' : 'dequeued', detail }],
    };
  });
  return {
    queue: { repo, base: 'main' },
    now,
    configFreeze: null,
    pause: {
      reason: 'Deploy freeze until the incident is closed',
      pausedBy: 'ops-lead',
      pausedAt: ago(42),
    },
    active,
    stagings: [
      staging(1, 1, 3),
      staging(2, 4, 3),
      staging(3, 7, 4),
      staging(4, 11, 2),
      staging(5, 30, 8, true),
    ],
    checkRuns: active.map((e, i) => ({
      number: e.number,
      headSha: e.headSha,
      kind: 'check-run',
      payload: {
        render: {
          title: i < 12 ? `Testing: ${i % 5} of 5 checks done` : `Waiting: ${i + 1}th in line`,
        },
      },
      createdAt: ago(i % 50),
    })),
    ended,
    queueEvents: [
      { at: ago(42), kind: 'paused', actor: 'ops-lead', detail: { reason: 'Deploy freeze' } },
      { at: ago(3000), kind: 'resumed', actor: 'ops-lead', detail: null },
    ],
    flakes: Array.from({ length: 20 }, (_, i) => ({
      job: `test (shard ${i + 1}/20)`,
      signature: `jest/timeout-${i}`,
      count: 20 - i,
      lastSeenAt: ago(i * 200),
    })),
    endedStagings: Array.from({ length: 60 }, (_, i) => ({
      id: 100 + i,
      prs: [],
      probe: false,
      commitSha: sha(100 + i),
      state: 'landed',
      createdAt: ago(i * 300 + 40),
      updatedAt: ago(i * 300 + 40 - 20 - (i % 9)),
    })),
    titles: new Map(
      active.map((e) => [
        e.number,
        `feat(widgets): paginate the <Widget> list & keep "filters" when it's ${e.number}`,
      ]),
    ),
    days: 14,
    serverUrl: 'https://github.com',
  };
}

const page: PageContext = {
  basePath: '/sluice',
  serverUrl: 'https://github.com',
  user: { login: 'ops-lead' },
  csrfToken: 'k'.repeat(43),
  canSteer: true,
  now,
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time(fn: () => unknown, runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

function report(input: { render: number[]; build: number[]; bytes: number; load: number }): string {
  const { render, build } = input;
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const median = percentile(render, 50);
  const p95 = percentile(render, 95);
  const met = p95 < targetMs ? 'met' : '**not met**';
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `## ${heading}`,
    '',
    `\`renderQueuePage\` for one queue of ${entries} PRs (four stagings in flight and a probe, a check-run`,
    'title and a PR title with characters to escape on every row, Dequeue and Retry forms), with a',
    'pause banner, 50 history rows, 20 flakes and both 14-day charts, rendered in process as the',
    `server does per request. \`npx tsx bench/dashboard-render.ts --write-docs\` regenerates this section.`,
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
    `| render, median / p95 of ${render.length} (after warm-up) | ${ms(median)} / ${ms(p95)} | p95 < ${targetMs} ms: ${met} |`,
    `| \`buildQueueView\` from the store's records, median / p95 of ${build.length} | ${ms(percentile(build, 50))} / ${ms(percentile(build, 95))} | |`,
    `| page size | ${(input.bytes / 1024).toFixed(0)} KiB of HTML | |`,
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, Node ${process.version},`,
    `load average ${input.load.toFixed(1)} when the runs started.`,
    '',
  ].join('\n');
}

/** This section replaced in place, or added at the end; formatted as `prettier --check` wants. */
async function writeSection(section: string): Promise<void> {
  const existing = readFileSync(docs, 'utf8');
  const start = existing.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  const next = start === -1 ? -1 : existing.slice(start + 1).search(/^## /m);
  const text =
    start === -1
      ? `${existing.trimEnd()}\n\n${section}`
      : `${existing.slice(0, start)}${section}${next === -1 ? '' : `\n${existing.slice(start + 1 + next)}`}`;
  const options = await resolveConfig(docs);
  writeFileSync(docs, await format(text, { ...options, filepath: docs }));
  console.error(`wrote the ${heading} section of ${docs}`);
}

const runs = option('runs', 500);
const input = benchInput();
const build = time(() => buildQueueView(input), 100);
const view = buildQueueView(input);
const load = loadavg()[0] ?? 0;
time(() => renderQueuePage(view, page), 50);
const render = time(() => renderQueuePage(view, page), runs);
const section = report({
  render,
  build,
  bytes: Buffer.byteLength(renderQueuePage(view, page)),
  load,
});
process.stdout.write(section);
if (process.argv.includes('--write-docs')) await writeSection(section);
if (percentile(render, 95) >= targetMs) {
  console.error(`dashboard render p95 ${percentile(render, 95).toFixed(1)} ms ≥ ${targetMs} ms`);
  process.exitCode = 1;
}
