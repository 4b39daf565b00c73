/** Renders the merge-queue benchmark as the "Merge queue" section of docs/benchmarks.md. */
import { cpus } from 'node:os';
import { appNodeFlags } from '../test/e2e/support/app-process.js';
import type { LatencySample } from './queue-latency.js';
import type { MemoryResult } from './queue-memory.js';
import type { RequestCount } from './queue-requests.js';
import { fitQueueCost, percentile } from './queue-stats.js';

export interface QueueResults {
  one: RequestCount;
  /** PRs queued one at a time on a warm process: the target's serial happy path. */
  serial: RequestCount;
  /** PRs queued at once: adds each waiting PR's position update per landing. */
  queued: RequestCount;
  latency: LatencySample[];
  memory: MemoryResult;
  /** The source measured: short commit, and whether src/ had uncommitted changes. */
  source: string;
  loadBefore: number;
  loadAfter: number;
}

export const requestTarget = 12;
export const memoryTargetMb = 150;

const perPr = (count: RequestCount) => count.total / count.merged;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const megabytes = (value: number) => (value * 1024 * 1024) / 1e6;

/** The memory target read both ways, as "MB" is: binary (the kernel's unit) and decimal. */
function memoryVerdict(peakMiB: number): string {
  if (megabytes(peakMiB) < memoryTargetMb) return 'met';
  if (peakMiB < memoryTargetMb)
    return `met as ${memoryTargetMb} MiB, **not** as ${memoryTargetMb} decimal MB`;
  return '**not met**';
}

function requestRows(r: QueueResults): string[] {
  const row = (what: string, count: RequestCount, target: boolean) =>
    `| API requests per merged PR, ${what} | ${perPr(count).toFixed(1)} (${count.total} requests) | ${target ? `≤ ${requestTarget}: ${verdict(perPr(count) <= requestTarget)}` : ''} |`;
  return [
    row(`serial happy path: ${r.serial.merged} PRs one at a time, warm process`, r.serial, true),
    row('one PR on a fresh process (cold caches)', r.one, false),
    row(`${r.queued.merged} PRs queued at once`, r.queued, false),
    row(`${r.memory.prs} PRs queued at once (the memory run)`, r.memory.requests, false),
  ];
}

function latencyRows(r: QueueResults): string[] {
  const first = r.latency.map((s) => s.firstCallMs);
  const answered = r.latency.map((s) => s.answeredMs);
  const firstCalls = [...new Set(r.latency.map((s) => `\`${s.firstCall}\``))].join(', ');
  const ms = (values: number[]) =>
    `${percentile(values, 50).toFixed(0)} ms / ${percentile(values, 95).toFixed(0)} ms`;
  return [
    `| webhook sent → first API call, median / p95 of ${first.length} labels | ${ms(first)} (the first call: ${firstCalls}) | |`,
    `| webhook sent → the app's answer to it, median / p95 | ${ms(answered)} | |`,
  ];
}

function memoryRows(m: MemoryResult): string[] {
  return [
    `| RSS idle after start-up (VmRSS) | ${mib(m.idleMiB)}: ${mib(m.idleSplit.anonMiB)} anonymous, ${mib(m.idleSplit.fileMiB)} file-backed | |`,
    `| RSS peak while ${m.prs} queued PRs land (VmRSS every 100 ms) | ${mib(m.peakMiB)} (${megabytes(m.peakMiB).toFixed(0)} MB): ${mib(m.peakSplit.anonMiB)} anonymous | < ${memoryTargetMb} MB: ${memoryVerdict(m.peakMiB)} |`,
    `| RSS peak over the process's life (VmHWM) / once the queue is empty | ${mib(m.highWaterMiB)} / ${mib(m.afterMiB)} | |`,
  ];
}

function breakdown(r: QueueResults): string[] {
  const runs = [r.serial, r.one, r.queued, r.memory.requests];
  const keys = [...new Set(runs.flatMap((c) => [...c.byOperation.keys()]))];
  const per = (c: RequestCount, key: string) => (c.byOperation.get(key) ?? 0) / c.merged;
  keys.sort((a, b) => per(r.queued, b) - per(r.queued, a) || a.localeCompare(b));
  const cells = (key: string) => runs.map((c) => per(c, key).toFixed(1)).join(' | ');
  return [
    `| request | serial | one PR, cold | ${r.queued.merged} at once | ${r.memory.prs} at once |`,
    `|${' --- |'.repeat(runs.length + 1)}`,
    ...keys.map((key) => `| \`${key}\` | ${cells(key)} |`),
    `| **all** | ${runs.map((c) => `**${perPr(c).toFixed(1)}**`).join(' | ')} |`,
  ];
}

/** Requests that write `Sluice` check runs or take labels off, REST or GraphQL, per merged PR. */
function noticeRequestsPerPr(run: QueueResults['queued']): string {
  const notice = /checks\/(create|update)|remove-label|CheckRun|removeLabels/;
  const total = [...run.byOperation].reduce((sum, [key, n]) => sum + (notice.test(key) ? n : 0), 0);
  return (total / run.merged).toFixed(1);
}

function explanation(r: QueueResults): string {
  const fit = fitQueueCost(r.queued, r.memory.requests);
  return [
    'PRs queued at once cost fewer requests each than PRs queued one at a time: they are tested and',
    'landed in batches (one staging view, staging ref, landing view and `updateRefs` per batch), and a',
    "PR's `Sluice` check run is rewritten when its state changes, not its place in line; the states and",
    'label removals of a pass go to GitHub in one GraphQL request',
    `([ADR 0006](adr/0006-notices-batched-in-graphql.md)): ${noticeRequestsPerPr(r.queued)} such requests`,
    `per merged PR at ${r.queued.merged} PRs. Fitted through the two queued runs, a landing costs ${fit.fixed.toFixed(0)} requests plus`,
    `${fit.perWaiting.toFixed(1)} for each PR still waiting behind it.`,
    'The serial happy path is what one landing of one PR needs: one GraphQL query before building (the',
    'PR, its test-merge commit and its commit authors, which REST needs three requests for), another',
    'right before landing (the PR, the base tip and its checks; with it the protection and rulesets, read',
    'fresh), the staging commit and its ref, one `updateRefs` moving the head and the base together,',
    'the check run created, then finished with the label taken off in one request. The PR is held as',
    'its label event carried it,',
    "and the staging's checks as its check runs reported them",
    '([ADR 0005](adr/0005-webhook-reports-in-the-cache.md)); there is no comment (`landing.comment` is',
    'off by default). Between landings, base tips, config, branch policy and permissions come from the',
    "cache, and the app's own webhooks cost nothing.",
  ].join('\n');
}

function failures(r: QueueResults): string {
  const list = [...r.queued.failures].map(([key, n]) => `\`${key}\` ×${n}`).join(', ');
  return (
    `Requests answered 4xx or 5xx in the ${r.queued.merged}-PR run: ${list || 'none'}. Not counted: the ` +
    `${r.one.beforeLabel} requests of the one-PR run before its label (start-up, and the PR's \`opened\` ` +
    'event, which already reads the config and the branch policy).'
  );
}

export function renderQueueSection(r: QueueResults): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    '## Merge queue',
    '',
    `The real app process (\`node ${appNodeFlags.join(' ')} dist/main.js\`, as \`npm start\` runs it; SQLite store)`,
    'against the local GitHub over HTTP, started as the end-to-end tests start it (throttling off):',
    '`build` and `test` required on the staging commit,',
    'CI finished by the benchmark as soon as it starts, PRs that each add their own file, a fresh app',
    "process for each run. Requests are counted from the stand-in's request log, from the first label",
    'until the app is idle after the last merge, so the clean-up of each landing counts. The serial',
    'happy path (the target) labels the next PR only once the last one landed, on a process that',
    'has landed one PR already (cold caches are the next row). Latency uses the',
    "stand-in's real-time stamps on its deliveries and requests, labeling one PR at a time with the app",
    'idle. `npm run build && npx tsx bench/queue.ts` regenerates this section.',
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
    ...requestRows(r),
    ...latencyRows(r),
    ...memoryRows(r.memory),
    '',
    'Where the requests go, per merged PR:',
    '',
    ...breakdown(r),
    '',
    explanation(r),
    '',
    failures(r),
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)} (source ${r.source}): ${cpu}, ${cpus().length} cores, Node ${process.version},`,
    `load average ${r.loadBefore.toFixed(1)} when the runs started (${r.loadAfter.toFixed(1)} at the end). Latency grows with the`,
    'load of the machine; the request counts do not depend on it.',
    '',
  ].join('\n');
}
