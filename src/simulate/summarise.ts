import type { CiModel } from './sim-ci.js';
import type { SimRecorder } from './sim-apply.js';
import type { SimWorld, SimulationParameters } from './sim-types.js';

const hour = 3_600_000;
const minute = 60_000;

export interface SimulationResult {
  merged: number;
  dequeued: number;
  /** Merged PRs per hour, from the start to the last landing. */
  mergedPerHour: number;
  /** CI runs that got a runner (cancelled ones included), per merged PR. */
  ciRunsPerMerged: number;
  /** Runner hours spent, per merged PR: what the queue costs in CI capacity. */
  runnerHoursPerMerged: number;
  /**
   * Runner minutes per merged PR by what the staging they ran for came to (`chain landed`,
   * `probe cleared`, `chain ahead-failed`, …): where CI capacity goes.
   */
  runnerMinutesPerMerged: Record<string, number>;
  /**
   * Stagings built, and abandoned before they were judged, per merged PR: each build and
   * abandon costs GitHub requests in the app (squashes, a push, cancelled runs).
   */
  stagingsPerMerged: { built: number; abandoned: number };
  /** Minutes from queued to merged. */
  queuedToMerged: { p50: number; p95: number };
  hours: number;
  /** What the simulated GitHub refused or the outcome got wrong; empty for a correct run. */
  violations: string[];
}

export function summarise(
  world: SimWorld,
  ci: CiModel,
  recorder: SimRecorder,
  parameters: SimulationParameters,
): SimulationResult {
  const pulls = [...world.pulls.values()];
  const merged = pulls.filter((p) => p.mergedAt !== null);
  const last = Math.max(0, ...merged.map((p) => p.mergedAt!));
  const waits = merged.map((p) => (p.mergedAt! - p.queuedAt!) / minute).sort((a, b) => a - b);
  return {
    merged: merged.length,
    dequeued: pulls.filter((p) => p.dequeuedAt !== null).length,
    mergedPerHour: last > 0 ? merged.length / (last / hour) : 0,
    ciRunsPerMerged: merged.length > 0 ? ci.usage.started / merged.length : 0,
    runnerHoursPerMerged: merged.length > 0 ? ci.usage.runnerMs / hour / merged.length : 0,
    runnerMinutesPerMerged: runnerTimeByEnd(world, ci, merged.length),
    stagingsPerMerged: stagingCounts(world, merged.length),
    queuedToMerged: { p50: quantile(waits, 0.5), p95: quantile(waits, 0.95) },
    hours: world.now / hour,
    violations: [...recorder.violations, ...outcomeProblems(world, parameters)],
  };
}

function runnerTimeByEnd(world: SimWorld, ci: CiModel, merged: number): Record<string, number> {
  const minutes: Record<string, number> = {};
  for (const run of world.runs) {
    if (run.startedAt === null) continue;
    const spent = (run.finishedAt ?? run.startedAt + ci.durationMs) - run.startedAt;
    const kind = world.endedAs.get(run.stagingId) ?? 'live';
    minutes[kind] = (minutes[kind] ?? 0) + spent / minute / Math.max(1, merged);
  }
  for (const kind of Object.keys(minutes)) minutes[kind] = Math.round(minutes[kind]! * 100) / 100;
  return minutes;
}

const abandonReasons = ['base-moved', 'pr-left', 'ahead-failed', 'make-way', 'priority'];

function stagingCounts(world: SimWorld, merged: number): SimulationResult['stagingsPerMerged'] {
  const ends = [...world.endedAs.values()];
  const abandoned = ends.filter((e) => abandonReasons.includes(e.split(' ')[1]!)).length;
  const per = (n: number) => Math.round((n / Math.max(1, merged)) * 1000) / 1000;
  return { built: per(ends.length + world.live.length), abandoned: per(abandoned) };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * The outcome a correct queue must reach: every good PR merged once and every broken one
 * dequeued, the good ones landing in the order they were queued.
 */
function outcomeProblems(world: SimWorld, parameters: SimulationParameters): string[] {
  const problems: string[] = [];
  const pulls = [...world.pulls.values()];
  const wronglyDequeued = pulls.filter((p) => !p.bad && p.dequeuedAt !== null);
  if (wronglyDequeued.length > 0 && parameters.flakyRate === 0)
    problems.push(
      `good PRs dequeued: ${wronglyDequeued
        .slice(0, 10)
        .map((p) => `#${p.number} (${p.dequeueReason})`)
        .join(', ')}`,
    );
  const order = pulls
    .filter((p) => p.landedIndex !== null)
    .sort((a, b) => a.landedIndex! - b.landedIndex!)
    .map((p) => p.number);
  const outOfOrder = order.findIndex((n, i) => i > 0 && n < order[i - 1]!);
  if (outOfOrder > 0)
    problems.push(
      `#${order[outOfOrder]} landed after #${order[outOfOrder - 1]}, out of queue order`,
    );
  return problems;
}
