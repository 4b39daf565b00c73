/**
 * The throughput benchmark's numbers: merged PRs per virtual hour, CI and runner time and GitHub
 * requests per merged PR, what the app staged, and the same parameters through `sluice
 * simulate`'s engine (in-process, every PR queued at time 0), as a table or JSON.
 */
import { join } from 'node:path';
import type * as ComparePolicies from '../src/simulate/compare-policies.js';
import type { PolicyResult } from '../src/simulate/compare-policies.js';
import type * as Config from '../src/config/index.js';
import type { Scenario } from '../test/e2e/support/scenario.js';
import { ciOf } from '../test/fake-github/ci/ci-of.js';
import { tally, type RequestCount } from './queue-requests.js';
import type { Outcome } from './throughput-check.js';
import { mergedAt, type DriveResult, type ThroughputOptions } from './throughput-drive.js';

export const requestTarget = 12;
/** The target: the benchmark within this share of the simulator's merged PRs per hour. */
export const simulatorTolerance = 0.2;
const hour = 3_600_000;
const minute = 60_000;

export interface Measured {
  merged: number;
  dequeued: number;
  /** Virtual hours from the first label to the last landing. */
  hours: number;
  mergedPerHour: number;
  /** Jobs that got a runner (cancelled ones included), and how they ended. */
  ciRuns: number;
  ciConclusions: Record<string, number>;
  /** Jobs that got a runner, by the branch whose push ran them. */
  ciBranches: Record<string, number>;
  /** Jobs cancelled before a runner took them. */
  ciNeverStarted: number;
  runnerMinutes: number;
  requests: RequestCount;
  /** What the app pushed (its `staging pushed` log lines): chain stagings and probes, by size. */
  stagings: { chain: number[]; probes: number[]; knownToFail: number; notBuilt: number };
}

export function measure(s: Scenario, drive: DriveResult, outcome: Outcome): Measured {
  const landings = outcome.merged.map((n) => mergedAt(s, n) ?? drive.firstLabelAt);
  const hours = (Math.max(drive.firstLabelAt, ...landings) - drive.firstLabelAt) / hour;
  const jobs = ciOf(s.gh).jobs(s.repo.state);
  const ciConclusions: Record<string, number> = {};
  const ciBranches: Record<string, number> = {};
  const count = (record: Record<string, number>, key: string) =>
    (record[key] = (record[key] ?? 0) + 1);
  for (const job of jobs.filter((j) => j.startedAt !== null)) {
    count(ciConclusions, job.conclusion ?? job.status);
    count(ciBranches, job.run.trigger.branch.replace(/\/\d+$/, '/<n>'));
  }
  return {
    merged: outcome.merged.length,
    dequeued: outcome.dequeued.length,
    hours,
    mergedPerHour: hours > 0 ? outcome.merged.length / hours : 0,
    ciRuns: jobs.filter((j) => j.startedAt !== null).length,
    ciConclusions,
    ciBranches,
    ciNeverStarted: jobs.filter((j) => j.startedAt === null && j.status === 'completed').length,
    runnerMinutes: s.repo.ciRunners().runnerMs / minute,
    requests: tally(s.gh.world.requests, {
      from: drive.requestsFrom,
      merged: Math.max(1, outcome.merged.length),
    }),
    stagings: stagingsOf(s.app.log),
  };
}

function stagingsOf(log: readonly string[]): Measured['stagings'] {
  const stagings: Measured['stagings'] = { chain: [], probes: [], knownToFail: 0, notBuilt: 0 };
  for (const line of log) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; prs?: number[]; probe?: boolean };
    if (entry.msg === 'staging not built') stagings.notBuilt++;
    if (!entry.msg?.startsWith('staging ') || !entry.prs) continue;
    if (entry.msg !== 'staging pushed') stagings.knownToFail++;
    (entry.probe ? stagings.probes : stagings.chain).push(entry.prs.length);
  }
  return stagings;
}

/**
 * The simulator on the same PRs: the default config (the app's, no sluice.yml), all queued at
 * time 0. Loaded from dist/, like the app, so both run the same `decide()` while src/ changes.
 */
export async function simulate(options: ThroughputOptions, seed: number): Promise<PolicyResult[]> {
  const dist = join(import.meta.dirname, '../dist');
  const { comparePolicies } = (await import(
    join(dist, 'simulate/compare-policies.js')
  )) as typeof ComparePolicies;
  const { parseConfig } = (await import(join(dist, 'config/index.js'))) as typeof Config;
  const parsed = parseConfig(options.config ?? '', { path: '.github/sluice.yml' });
  if (!parsed.ok)
    throw new Error(`--config does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return comparePolicies(
    {
      prs: options.prs,
      failRate: 0,
      flakyRate: 0,
      ciMinutes: options.ciMinutes,
      runners: options.runners,
      arrivalRate: 'at-once',
      seed,
      failing: options.failing,
    },
    parsed.config,
  );
}

export interface Report {
  parameters: ThroughputOptions & { seed: number };
  /** The build that ran (app and simulator). */
  app: string;
  measured: Measured;
  drive: DriveResult;
  simulated: PolicyResult[];
  outcome: Outcome;
  wallSeconds: number;
}

export const perMerged = (m: Measured, value: number) => value / Math.max(1, m.merged);

export function verdicts(r: Report): {
  ratio: number;
  withinSimulator: boolean;
  requests: boolean;
} {
  const sim = r.simulated[0]!.result;
  const ratio = sim.mergedPerHour > 0 ? r.measured.mergedPerHour / sim.mergedPerHour : 0;
  return {
    ratio,
    withinSimulator: Math.abs(ratio - 1) <= simulatorTolerance,
    requests: perMerged(r.measured, r.measured.requests.total) <= requestTarget,
  };
}

export function toJson(r: Report): string {
  const m = r.measured;
  return JSON.stringify(
    {
      ...r,
      measured: {
        ...m,
        requests: {
          total: m.requests.total,
          perMerged: perMerged(m, m.requests.total),
          byOperation: Object.fromEntries(m.requests.byOperation),
          failures: Object.fromEntries(m.requests.failures),
        },
        ciRunsPerMerged: perMerged(m, m.ciRuns),
        runnerMinutesPerMerged: perMerged(m, m.runnerMinutes),
      },
      verdicts: verdicts(r),
    },
    null,
    2,
  );
}
