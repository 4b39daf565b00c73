/**
 * Simulated CI: one run per staging tip (and per re-run of failed jobs), on a pool of runners.
 * A run waits for a runner, takes the CI time, and fails when its tree holds a bad PR (or, by
 * chance, for an infra flake). Cancelling frees the runner at once.
 */
import type { Random } from './random.js';
import type { SimRun, SimStaging, SimWorld } from './sim-types.js';

export interface CiModel {
  runners: number;
  durationMs: number;
  flakyRate: number;
  random: Random;
  /** Runner time spent, and runs that got a runner. */
  usage: { runnerMs: number; started: number };
}

export function startRun(world: SimWorld, ci: CiModel, staging: SimStaging, bad: boolean): SimRun {
  const flaky = ci.random.next() < ci.flakyRate;
  const run: SimRun = {
    checkRunId: world.nextId++,
    stagingId: staging.id,
    queuedAt: world.now,
    startedAt: null,
    finishedAt: null,
    outcome: bad ? 'test' : flaky ? 'infra' : 'success',
    cancelled: false,
    verdict: null,
    rerun: false,
  };
  staging.runs.push(run);
  world.runs.push(run);
  world.waiting.push(run);
  fillRunners(world, ci);
  return run;
}

/** Idle runners pick up the oldest waiting runs. */
export function fillRunners(world: SimWorld, ci: CiModel): void {
  while (world.running.length < ci.runners && world.waiting.length > 0) {
    const run = world.waiting.shift()!;
    run.startedAt = world.now;
    world.running.push(run);
    ci.usage.started++;
  }
}

export function cancelRun(world: SimWorld, ci: CiModel, run: SimRun): void {
  if (run.finishedAt !== null) return;
  run.cancelled = true;
  run.finishedAt = world.now;
  world.waiting = world.waiting.filter((r) => r !== run);
  if (world.running.includes(run)) {
    ci.usage.runnerMs += world.now - run.startedAt!;
    world.running = world.running.filter((r) => r !== run);
    fillRunners(world, ci);
  }
}

/** When the next running run finishes, if any runs. */
export function nextFinish(world: SimWorld, ci: CiModel): number | undefined {
  const times = world.running.map((r) => r.startedAt! + ci.durationMs);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** Finishes every run due by now, in time order, starting waiting runs on the freed runners. */
export function finishDueRuns(world: SimWorld, ci: CiModel): void {
  for (;;) {
    const due = world.running
      .filter((r) => r.startedAt! + ci.durationMs <= world.now)
      .sort((a, b) => a.startedAt! - b.startedAt!)[0];
    if (!due) return;
    due.finishedAt = due.startedAt! + ci.durationMs;
    ci.usage.runnerMs += ci.durationMs;
    world.running = world.running.filter((r) => r !== due);
    fillRunners(world, ci);
  }
}
