import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, type SluiceConfig } from '../../config/index.js';
import { comparePolicies, type PolicyResult } from '../../simulate/compare-policies.js';
import type { SimulationParameters } from '../../simulate/sim-types.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';

const usage = `Usage: sluice simulate [options]

Runs the queue's real decision code against a simulated GitHub and CI in virtual time, and
prints what your policy and the reference policies (serial, bors-style batches, GitHub-style
speculation) achieve on the same PRs: merged PRs per hour, CI runs per merged PR, and the
time from queued to merged. Use it to choose batch size and depth for your repository.

  --prs N            PRs to push through (default 500)
  --fail-rate P      share of PRs that break the build, 0–1 (default 0.1)
  --failing N,N,...  the PRs that break the build, by number (1 to --prs), e.g. 3,17,22;
                     when given, --fail-rate is not used
  --flaky-rate F     share of CI runs that fail for no reason of theirs, retried (default 0)
  --ci-minutes T     how long CI takes (default 10)
  --runners C        CI runners, jobs at once (default 4)
  --arrival-rate R   PRs queued per hour, or "saturation": the queue never runs dry (default)
  --seed S           random seed; the same seed gives the same PRs (default 1)
  --config FILE      a .github/sluice.yml whose queue settings to simulate
  --batch-size N     queue.batch.maxSize
  --parallel N|auto  queue.parallel
  --land-on-later-pass   queue.landOnLaterPass: true
  --no-probes        queue.probes: false
  --json             print JSON`;

const options = {
  prs: { type: 'string' },
  'fail-rate': { type: 'string' },
  failing: { type: 'string' },
  'flaky-rate': { type: 'string' },
  'ci-minutes': { type: 'string' },
  runners: { type: 'string' },
  'arrival-rate': { type: 'string' },
  seed: { type: 'string' },
  config: { type: 'string' },
  'batch-size': { type: 'string' },
  parallel: { type: 'string' },
  'land-on-later-pass': { type: 'boolean' },
  'no-probes': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];

function number(
  values: Values,
  name: keyof Values,
  fallback: number,
  range: [number, number],
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} must be a number`);
  if (value < range[0] || value > range[1])
    throw new UsageError(`--${name} must be between ${range[0]} and ${range[1]}`);
  return value;
}

function integer(
  values: Values,
  name: keyof Values,
  fallback: number,
  range: [number, number],
): number {
  const value = number(values, name, fallback, range);
  if (!Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number`);
  return value;
}

/** `--failing 3,17,22`: PR numbers, each between 1 and `prs`; duplicates count once. */
function failing(values: Values, prs: number): number[] | undefined {
  const raw = values.failing;
  if (raw === undefined) return undefined;
  const numbers: number[] = [];
  for (const item of raw.split(',').map((s) => s.trim())) {
    if (!/^\d+$/.test(item))
      throw new UsageError(
        `--failing must be PR numbers separated by commas, e.g. 3,17,22 (got ${JSON.stringify(raw)})`,
      );
    const pr = Number(item);
    if (pr < 1 || pr > prs)
      throw new UsageError(`--failing: #${pr} is not one of the PRs 1 to ${prs} (--prs)`);
    if (!numbers.includes(pr)) numbers.push(pr);
  }
  return numbers;
}

function parameters(values: Values): SimulationParameters {
  const arrival = values['arrival-rate'];
  const prs = integer(values, 'prs', 500, [1, 100_000]);
  const failingPrs = failing(values, prs);
  return {
    prs,
    failRate: number(values, 'fail-rate', 0.1, [0, 1]),
    flakyRate: number(values, 'flaky-rate', 0, [0, 0.9]),
    ciMinutes: number(values, 'ci-minutes', 10, [0.1, 24 * 60]),
    runners: integer(values, 'runners', 4, [1, 1000]),
    arrivalRate:
      arrival === undefined || arrival === 'saturation'
        ? 'saturation'
        : number(values, 'arrival-rate', 0, [0.01, 100_000]),
    seed: integer(values, 'seed', 1, [0, 2 ** 31]),
    ...(failingPrs ? { failing: failingPrs } : {}),
  };
}

async function configFrom(values: Values, io: CliIo): Promise<SluiceConfig> {
  const path = values.config;
  const text = path === undefined ? '' : await readFile(resolve(io.cwd, path), 'utf8');
  const parsed = parseConfig(text, { path: path ?? '.github/sluice.yml' });
  if (!parsed.ok)
    throw new UsageError(
      `${path}: ${parsed.errors.map((e) => `${e.path ?? ''} ${e.message}`.trim()).join('; ')}`,
    );
  const queue = { ...parsed.config.queue };
  if (values['batch-size'] !== undefined)
    queue.batch = { ...queue.batch, maxSize: integer(values, 'batch-size', 1, [1, 32]) };
  if (values.parallel !== undefined)
    queue.parallel = values.parallel === 'auto' ? 'auto' : integer(values, 'parallel', 1, [1, 64]);
  if (values['land-on-later-pass']) queue.landOnLaterPass = true;
  if (values['no-probes']) queue.probes = false;
  return { ...parsed.config, queue };
}

function table(results: PolicyResult[]): string {
  const rows = results.map(({ policy, result }) => [
    policy,
    result.mergedPerHour.toFixed(1),
    result.ciRunsPerMerged.toFixed(2),
    result.queuedToMerged.p50.toFixed(0),
    result.queuedToMerged.p95.toFixed(0),
    `${result.merged}/${result.dequeued}`,
    result.violations.length === 0 ? 'ok' : `${result.violations.length} violations`,
  ]);
  const header = [
    'policy',
    'merged/h',
    'CI runs/merged',
    'p50 min',
    'p95 min',
    'merged/dequeued',
    'check',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const described = results.map((r) => `  ${r.policy}: ${r.description}`);
  const problems = results.flatMap((r) => r.result.violations.map((v) => `  ${r.policy}: ${v}`));
  return [
    line(header),
    ...rows.map(line),
    '',
    ...described,
    ...(problems.length ? ['', 'Violations:', ...problems] : []),
  ].join('\n');
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'simulate the queue on your numbers and compare it with other merge queues',
  usage,
  async run(args, io) {
    let values: Values;
    try {
      values = parseArgs({ args, options, allowPositionals: false, strict: true }).values;
    } catch (error) {
      // One line: parseArgs explains some mistakes over several.
      const message = error instanceof Error ? error.message : String(error);
      throw new UsageError(message.replace(/\s*\n\s*/g, ' '));
    }
    const simulation = parameters(values);
    const config = await configFrom(values, io);
    const results = comparePolicies(simulation, config);
    if (values.json)
      io.stdout.write(`${JSON.stringify({ parameters: simulation, results }, null, 2)}\n`);
    else io.stdout.write(`${table(results)}\n`);
    return results.some((r) => r.result.violations.length > 0) ? 1 : 0;
  },
};
