/**
 * A discrete-event simulation of one queue in virtual time, driving the real `decide()`: PRs
 * arrive and are queued, `decide` is asked what to do until it has nothing left, its effects
 * are applied to simulated GitHub and CI, and time jumps to the next thing that happens (a CI
 * run finishing, a PR arriving, a batch's wait running out).
 */
import type { SluiceConfig } from '../config/index.js';
import { decide } from '../queue/decide.js';
import { Random } from './random.js';
import { applySimEffect, type SimRecorder } from './sim-apply.js';
import { finishDueRuns, nextFinish, type CiModel } from './sim-ci.js';
import { simEpoch, simSnapshot } from './sim-snapshot.js';
import type { SimPull, SimWorld, SimulationParameters } from './sim-types.js';
import { summarise, type SimulationResult } from './summarise.js';

const minute = 60_000;
/** `decide` is asked again until it has nothing to do; more rounds than this at one instant is a bug. */
const maxRoundsPerInstant = 500;
/** Between two labels of a backlog queued `at-once`. */
const labelGapMs = 1000;

export function runSimulation(
  parameters: SimulationParameters,
  config: SluiceConfig,
): SimulationResult {
  const random = new Random(parameters.seed);
  const world = newWorld(parameters, random);
  // Flakes draw from their own stream, so every policy meets the same broken PRs.
  const ci: CiModel = {
    runners: parameters.runners,
    durationMs: parameters.ciMinutes * minute,
    flakyRate: parameters.flakyRate,
    random: new Random(parameters.seed ^ 0x5eed),
    usage: { runnerMs: 0, started: 0 },
  };
  const recorder: SimRecorder = { violations: [], failedTrees: new Map(), nextSeq: 1 };
  const arrivals = arrivalTimes(parameters, new Random(parameters.seed ^ 0xa771));
  let next = 1;
  for (;;) {
    next = admit(world, parameters, arrivals, next, backlogFor(config));
    settle(world, ci, recorder, config);
    if (recorder.violations.length > 0 || resolved(world)) break;
    const wake = nextWake(world, ci, config, parameters, arrivals, next);
    if (wake === undefined) {
      recorder.violations.push(stallReport(world));
      break;
    }
    world.now = Math.max(world.now, wake);
    finishDueRuns(world, ci);
  }
  return summarise(world, ci, recorder, parameters);
}

function newWorld(parameters: SimulationParameters, random: Random): SimWorld {
  const pulls = new Map<number, SimPull>();
  const failing = parameters.failing ? new Set(parameters.failing) : undefined;
  for (let number = 1; number <= parameters.prs; number++) {
    const draw = random.next();
    pulls.set(number, {
      number,
      bad: failing ? failing.has(number) : draw < parameters.failRate,
      headSha: `h${number}`,
      queuedAt: null,
      mergedAt: null,
      dequeuedAt: null,
      dequeueReason: null,
      landedIndex: null,
    });
  }
  return {
    now: 0,
    baseSha: 'base0',
    landed: [],
    landedHash: [0, 0],
    pulls,
    entries: [],
    commands: [],
    live: [],
    ended: [],
    runs: [],
    waiting: [],
    running: [],
    retriesByEntry: new Map(),
    retriesToday: 0,
    retryDay: 0,
    failureStreaks: {},
    nextId: 1,
    effects: 0,
    endedAs: new Map(),
  };
}

/** When each PR is labelled; at saturation, none is timed: the backlog is topped up instead. */
function arrivalTimes(parameters: SimulationParameters, random: Random): number[] | null {
  if (parameters.arrivalRate === 'saturation') return null;
  // A second apart: labelling a backlog sends one webhook per PR, and the queue starts on the first.
  if (parameters.arrivalRate === 'at-once')
    return Array.from({ length: parameters.prs }, (_, i) => i * labelGapMs);
  const mean = (60 * minute) / parameters.arrivalRate;
  const times: number[] = [];
  let at = 0;
  for (let i = 0; i < parameters.prs; i++) times.push((at += random.exponential(mean)));
  return times;
}

/** Labels the PRs whose time has come (or, saturated, enough to keep the backlog full). */
function admit(
  world: SimWorld,
  parameters: SimulationParameters,
  arrivals: number[] | null,
  next: number,
  backlog: number,
): number {
  const due = (n: number) =>
    arrivals
      ? arrivals[n - 1]! <= world.now
      : world.entries.length + world.commands.length < backlog;
  while (next <= parameters.prs && due(next)) {
    world.commands.push({
      id: `c${next}`,
      kind: 'queue',
      pr: next,
      by: 'maintainer',
      permission: 'write',
      source: 'label',
      at: new Date(simEpoch + world.now),
    });
    next++;
  }
  return next;
}

function settle(world: SimWorld, ci: CiModel, recorder: SimRecorder, config: SluiceConfig): void {
  for (let round = 0; ; round++) {
    if (round >= maxRoundsPerInstant) {
      recorder.violations.push(`decide did not settle at ${world.now / minute} min`);
      return;
    }
    const effects = decide(simSnapshot(world, config));
    if (effects.length === 0) return;
    for (const effect of effects) applySimEffect(world, ci, recorder, effect);
    if (recorder.violations.length > 0) return;
  }
}

/**
 * Saturated, the queue holds more PRs than the deepest chain of the largest batches can take,
 * so `decide` never runs dry; no more, so a step costs what a busy real queue's costs.
 */
function backlogFor(config: SluiceConfig): number {
  const { batch, parallel, parallelWindow } = config.queue;
  const depth = parallel === 'auto' ? parallelWindow.max : parallel;
  return depth * batch.maxSize + 20;
}

function resolved(world: SimWorld): boolean {
  for (const pull of world.pulls.values())
    if (pull.mergedAt === null && pull.dequeuedAt === null) return false;
  return true;
}

/** The next moment anything can change; undefined when nothing will (a stall). */
function nextWake(
  world: SimWorld,
  ci: CiModel,
  config: SluiceConfig,
  parameters: SimulationParameters,
  arrivals: number[] | null,
  next: number,
): number | undefined {
  const candidates: number[] = [];
  const finish = nextFinish(world, ci);
  if (finish !== undefined) candidates.push(finish);
  if (arrivals && next <= parameters.prs) candidates.push(arrivals[next - 1]!);
  const wait = config.queue.batch.waitSeconds * 1000;
  const unstaged = world.entries.some((e) => e.state === 'queued');
  if (wait > 0 && unstaged) candidates.push(world.now + wait);
  // A check that never starts is given up on after its timeout.
  if (world.live.length > 0 && world.running.length === 0 && world.waiting.length === 0)
    candidates.push(world.now + config.checks.startTimeoutMinutes * minute);
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

function stallReport(world: SimWorld): string {
  const open = [...world.pulls.values()].filter(
    (p) => p.mergedAt === null && p.dequeuedAt === null,
  );
  return `the queue stalled at ${Math.round(world.now / minute)} min with ${open.length} PRs unresolved (entries ${world.entries.length}, live stagings ${world.live.length})`;
}

export type { SimulationResult };
