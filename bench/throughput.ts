/**
 * Throughput benchmark: the real app process (`node dist/main.js`) works off a queue of PRs
 * against the local GitHub on its virtual clock — CI in auto mode on a pool of runners, some
 * PRs broken — and the result is checked and compared with `sluice simulate` on the same
 * parameters. Exits non-zero when the outcome is wrong (not when a target is missed).
 *
 *   npm run bench:throughput -- --prs 40 --failing 3,17,22,31 --ci-minutes 10 --runners 4
 *                               [--seed S] [--ci-on GLOBS] [--sweep-minutes N] [--config FILE]
 *                               [--json] [--verbose] [--dump DIR]
 *
 * `--ci-on` lists the branches whose pushes run CI (default the README's `sluice/staging/**`;
 * before the scratch branch for merges moved to `sluice/staging-scratch/<base>`, that also ran
 * CI on every merge the app computed there);
 * `--config FILE` is the repository's `.github/sluice.yml` for the app and the simulator (the
 * defaults when absent), to weigh a policy's throughput against its GitHub requests;
 * `--sweep-minutes` also runs the app's sweep on the virtual clock, as its production timer
 * does; `--dump DIR` keeps the app's log, the request log and every CI job for investigation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkOutcome } from './throughput-check.js';
import { dumpRun } from './throughput-dump.js';
import {
  labelAndDrive,
  openModulePulls,
  startThroughputScenario,
  type ThroughputOptions,
} from './throughput-drive.js';
import { measure, simulate, toJson, type Report } from './throughput-report.js';
import { renderTable } from './throughput-table.js';

function options(): ThroughputOptions & { seed: number; json: boolean; dump?: string } {
  const { values } = parseArgs({
    options: {
      prs: { type: 'string', default: '40' },
      failing: { type: 'string', default: '3,17,22,31' },
      'ci-minutes': { type: 'string', default: '10' },
      runners: { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      'ci-on': { type: 'string', default: 'sluice/staging/**' },
      'sweep-minutes': { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      dump: { type: 'string' },
    },
    strict: true,
  });
  const whole = (name: string, raw: string, min: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}, not "${raw}"`);
    return value;
  };
  const prs = whole('prs', values.prs, 1);
  const failing = values.failing
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => whole('failing', part.trim(), 1));
  const outside = failing.filter((n) => n > prs);
  if (outside.length > 0)
    throw new Error(`--failing names PRs beyond --prs ${prs}: ${outside.join(', ')}`);
  const ciMinutes = Number(values['ci-minutes']);
  if (!(ciMinutes > 0)) throw new Error('--ci-minutes must be a positive number');
  const log = (line: string) => console.error(`throughput: ${line}`);
  return {
    prs,
    failing: [...new Set(failing)].sort((a, b) => a - b),
    ciMinutes,
    runners: whole('runners', values.runners, 1),
    ciOn: values['ci-on'].split(',').map((glob) => glob.trim()),
    ...(values['sweep-minutes'] === undefined
      ? {}
      : { sweepMinutes: whole('sweep-minutes', values['sweep-minutes'], 1) }),
    ...(values.config === undefined ? {} : { config: readFileSync(values.config, 'utf8') }),
    seed: whole('seed', values.seed, 0),
    json: values.json,
    ...(values.dump ? { dump: values.dump } : {}),
    log: values.verbose ? log : (line) => line.startsWith('settle') && log(line),
  };
}

/** Which build ran: a digest of dist/ (others rebuild it while they work), and whether src/ is newer. */
function describeApp(root: string): string {
  const files = readdirSync(join(root, 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const digest = createHash('sha256');
  let built = 0;
  for (const file of files) {
    digest.update(readFileSync(file));
    built = Math.max(built, statSync(file).mtimeMs);
  }
  const newer = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }).some(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built,
  );
  const when = new Date(built).toISOString().slice(0, 16).replace('T', ' ');
  return `dist ${digest.digest('hex').slice(0, 10)} built ${when} UTC${newer ? '; src/ has newer changes' : ''}`;
}

async function main(): Promise<number> {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist/main.js')))
    throw new Error('dist/main.js is missing: run `npm run build` first');
  const { json, dump, ...parameters } = options();
  let interrupted = false;
  process.once('SIGINT', () => (interrupted = true));
  parameters.interrupted = () => interrupted;
  const started = Date.now();
  const simulated = await simulate(parameters, parameters.seed);
  const app = describeApp(root);
  const s = await startThroughputScenario(parameters);
  const virtualStart = s.gh.world.clock.now().getTime();
  let report: Report;
  try {
    const numbers = await openModulePulls(s, parameters);
    await s.settle();
    const drive = await labelAndDrive(s, numbers, parameters);
    const outcome = await checkOutcome(s, numbers, parameters.failing);
    const { log: _log, interrupted: _interrupted, ...printable } = parameters;
    report = {
      parameters: printable,
      app,
      measured: measure(s, drive, outcome),
      drive,
      simulated,
      outcome,
      wallSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (dump) dumpRun(s, dump, virtualStart);
    await s.stop();
  }
  process.stdout.write(`${json ? toJson(report) : renderTable(report)}\n`);
  return report.outcome.problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
