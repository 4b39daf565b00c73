/**
 * A small world for `decide()` to act on, for the event-sequence properties: PRs (some broken,
 * some flaky, some from forks, some conflicting with another), a base branch, live stagings
 * with their CI runs, and the history the snapshot is derived from (the same `history.ts`
 * functions the app and the simulator use). Effects change it the way `src/simulate/sim-apply.ts`
 * says the app's appliers change GitHub and the store; the events change it the way people and
 * CI do. Nothing here checks an invariant: the property file does.
 */
import type { SluiceConfig } from '../../../src/config/index.js';
import type { Effect } from '../../../src/queue/effects.js';
import type { GateVerdictSummary } from '../../../src/queue/gate-policy.js';
import {
  buildFailuresOf,
  clearedOf,
  failedTrees,
  recentOutcomesOf,
  suspectsOf,
  type EndedStaging,
} from '../../../src/queue/history.js';
import type {
  ObservedCheck,
  QueueCommand,
  QueueEntry,
  QueueSnapshot,
  Staging,
} from '../../../src/queue/types.js';
import { aPull, aSnapshot, aVerdict, now as epoch } from './builders.js';

export interface ModelPull {
  number: number;
  head: string;
  version: number;
  open: boolean;
  merged: boolean;
  labeled: boolean;
  flaky: boolean;
  fork: boolean;
  /** Its squash conflicts with any tree holding this PR. */
  conflictsWith: number | null;
}

export interface ModelRun {
  id: number;
  state: 'queued' | 'running' | 'completed';
  conclusion: 'success' | 'failure' | null;
  cause: 'test' | 'infra' | null;
  rerun: boolean;
  verdict: GateVerdictSummary | null;
}

export interface ModelStaging extends Omit<Staging, 'checks'> {
  /** Every change in the tip's tree, `pr@head`, the base's included. */
  tree: string[];
  runs: ModelRun[];
  /** A re-run was asked for and has not reported yet. */
  rerunPending: boolean;
}

export interface World {
  config: SluiceConfig;
  now: number;
  baseSha: string;
  /** The base's tree: `pr@head` of what landed, `push:n` of outside pushes. */
  baseTree: string[];
  pulls: ModelPull[];
  /** `pr@head` that breaks every tree holding it. */
  broken: Set<string>;
  entries: QueueEntry[];
  commands: QueueCommand[];
  live: ModelStaging[];
  ended: EndedStaging[];
  retriesByEntry: Record<string, number>;
  retriesToday: number;
  failureStreaks: Record<number, { headSha: string; count: number }>;
  /** PR numbers in the order they landed. */
  landed: number[];
  counter: number;
}

const change = (pr: number, head: string) => `${pr}@${head}`;
/** The PR of a change in a tree; null for an outside push. */
const prOf = (c: string): number | null => (c.includes('@') ? Number(c.split('@')[0]) : null);
const treeKey = (tree: string[]) => [...tree].sort().join(' ');
const at = (world: World) => new Date(epoch.getTime() + world.now);

export function newWorld(
  config: SluiceConfig,
  pulls: Omit<ModelPull, 'head' | 'version' | 'open' | 'merged' | 'labeled'>[],
  broken: number[],
): World {
  return {
    config,
    now: 0,
    baseSha: 'base-0',
    baseTree: [],
    pulls: pulls.map((p) => ({
      ...p,
      head: `h${p.number}.0`,
      version: 0,
      open: true,
      merged: false,
      labeled: false,
    })),
    broken: new Set(broken.map((pr) => change(pr, `h${pr}.0`))),
    entries: [],
    commands: [],
    live: [],
    ended: [],
    retriesByEntry: {},
    retriesToday: 0,
    failureStreaks: {},
    landed: [],
    counter: 1,
  };
}

export const pullOf = (world: World, pr: number): ModelPull =>
  world.pulls.find((p) => p.number === pr)!;

export function snapshotOf(world: World): QueueSnapshot {
  const history = world.ended;
  const observed = world.pulls.filter(
    (p) =>
      (p.open && p.labeled) ||
      world.entries.some((e) => e.pr === p.number) ||
      world.commands.some((c) => c.pr === p.number),
  );
  const runs = world.live.flatMap((s) => s.runs);
  return aSnapshot(
    {
      baseSha: world.baseSha,
      pulls: observed.map((p) =>
        aPull({
          number: p.number,
          state: p.open ? 'open' : 'closed',
          merged: p.merged,
          headSha: p.head,
          headRepo: p.fork ? 'contributor/widgets' : 'acme/widgets',
          labels: p.labeled ? ['merge-queue'] : [],
        }),
      ),
      entries: world.entries,
      commands: world.commands,
      stagings: world.live.map(({ tree, runs, rerunPending, ...staging }) => {
        void tree;
        void rerunPending;
        return { ...staging, checks: runs.map(checkOf) };
      }),
      verdicts: Object.fromEntries(
        runs.flatMap((r) => (r.verdict ? [[String(r.id), r.verdict]] : [])),
      ),
      retryUsage: { byEntry: { ...world.retriesByEntry }, byRepoToday: world.retriesToday },
      rerunCheckRunIds: runs.filter((r) => r.rerun).map((r) => String(r.id)),
      failureStreaks: { ...world.failureStreaks },
      suspects: suspectsOf(world.entries, history),
      cleared: clearedOf(world.entries, history),
      buildFailures: buildFailuresOf(world.entries, history),
      recentOutcomes: recentOutcomesOf(history),
      now: at(world),
    },
    world.config,
  );
}

function checkOf(run: ModelRun): ObservedCheck {
  return {
    name: 'test',
    source: 'check-run',
    state: run.state === 'completed' ? 'completed' : 'pending',
    conclusion: run.conclusion,
    url: null,
    checkRunId: run.id,
    ...(run.state === 'queued' ? { queued: true } : {}),
  };
}

function requeue(world: World, prs: { pr: number }[]): void {
  world.entries = world.entries.map((e) =>
    prs.some((p) => p.pr === e.pr) ? { ...e, state: 'queued' } : e,
  );
}

function end(world: World, id: string, ending: EndedStaging['end']): ModelStaging {
  const staging = world.live.find((s) => s.id === id)!;
  world.live = world.live.filter((s) => s !== staging);
  world.ended.push({
    id,
    prs: staging.prs.map((p) => ({ pr: p.pr, headSha: p.headSha })),
    treeSha: treeKey(staging.tree),
    probe: staging.probe,
    createdAt: staging.createdAt,
    end: ending,
  });
  return staging;
}

const newRun = (world: World): ModelRun => ({
  id: world.counter++,
  state: 'queued',
  conclusion: null,
  cause: null,
  rerun: false,
  verdict: null,
});

export function applyEffect(world: World, effect: Effect): void {
  switch (effect.kind) {
    case 'enqueue':
      world.commands = world.commands.filter((c) => c.id !== effect.commandId);
      world.entries.push({
        id: `e${effect.pr}.${world.counter++}`,
        pr: effect.pr,
        headSha: effect.headSha,
        queuedBy: effect.by,
        queuedAt: at(world),
        seq: world.counter++,
        priority: effect.priority,
        priorityLabel: effect.priorityLabel,
        state: 'queued',
        consecutiveFailures: 0,
      });
      return;
    case 'refuse':
    case 'drop-command':
      world.commands = world.commands.filter((c) => c.id !== effect.commandId);
      if (effect.kind === 'refuse' && effect.removeLabel) pullOf(world, effect.pr).labeled = false;
      return;
    case 'dequeue':
      world.entries = world.entries.filter((e) => e.id !== effect.entryId);
      if (effect.removeLabel) pullOf(world, effect.pr).labeled = false;
      if (effect.consecutiveFailures > 0)
        world.failureStreaks[effect.pr] = {
          headSha: effect.headSha,
          count: effect.consecutiveFailures,
        };
      return;
    case 'finish-merged':
      world.entries = world.entries.filter((e) => e.id !== effect.entryId);
      return;
    case 'set-priority': {
      const { cause } = effect;
      if (cause.kind === 'command')
        world.commands = world.commands.filter((c) => c.id !== cause.commandId);
      world.entries = world.entries.map((e) =>
        e.id === effect.entryId
          ? { ...e, priority: effect.to, priorityLabel: effect.priorityLabel }
          : e,
      );
      return;
    }
    case 'retest-new-head':
      world.entries = world.entries.map((e) =>
        e.id === effect.entryId ? { ...e, headSha: effect.headSha, state: 'queued' } : e,
      );
      return;
    case 'build-staging':
      return build(world, effect);
    case 'abandon-staging':
      requeue(world, end(world, effect.stagingId, { kind: 'abandoned' }).prs);
      return;
    case 'clear-probe':
      requeue(world, end(world, effect.stagingId, { kind: 'cleared' }).prs);
      return;
    case 'fail-staging': {
      if (effect.outcome === 'wait') {
        world.live.find((s) => s.id === effect.stagingId)!.state = 'failed';
        return;
      }
      requeue(
        world,
        end(world, effect.stagingId, { kind: 'rejected', verdicts: effect.verdicts }).prs,
      );
      return;
    }
    case 'classify-failures':
      for (const run of world.live.find((s) => s.id === effect.stagingId)!.runs)
        if (run.conclusion === 'failure')
          run.verdict ??= aVerdict({ class: run.cause ?? 'unknown', check: 'test' });
      return;
    case 'rerun-failed': {
      const staging = world.live.find((s) => s.id === effect.stagingId)!;
      staging.runs.at(-1)!.rerun = true;
      staging.rerunPending = true;
      for (const entry of world.entries.filter((e) => effect.prs.includes(e.pr)))
        world.retriesByEntry[entry.id] = (world.retriesByEntry[entry.id] ?? 0) + 1;
      world.retriesToday++;
      return;
    }
    case 'land':
      return land(world, effect);
    case 'restore-head':
      throw new Error('restore-head in a world where every landing is atomic');
  }
}

function build(world: World, effect: Extract<Effect, { kind: 'build-staging' }>): void {
  const ahead = world.live.find((s) => s.id === effect.aheadId);
  const tree = ahead ? [...ahead.tree] : [...world.baseTree];
  const onTopOf = ahead
    ? ahead.tree.filter((c) => !world.baseTree.includes(c)).map((c) => Number(c.split('@')[0]))
    : [];
  const id = `s${world.counter++}`;
  const history = {
    id,
    prs: effect.prs.map((p) => ({ pr: p.pr, headSha: p.headSha })),
    treeSha: null,
    probe: effect.probe,
    createdAt: at(world),
  };
  for (const member of effect.prs) {
    const other = pullOf(world, member.pr).conflictsWith;
    if (other !== null && tree.some((c) => c.startsWith(`${other}@`))) {
      world.ended.push({
        ...history,
        end: {
          kind: 'build-failed',
          build: {
            pr: member.pr,
            failure: { kind: 'conflict', files: ['shared.ts'] },
            onTopOf: [...onTopOf],
          },
        },
      });
      return;
    }
    tree.push(change(member.pr, member.headSha));
    onTopOf.push(member.pr);
  }
  const prs = effect.prs.map((p) => ({ pr: p.pr, headSha: p.headSha, commitSha: `${id}#${p.pr}` }));
  // As the app does before pushing: a tree that already failed is judged without CI.
  const knownFailure = failedTrees(world.ended).get(treeKey(tree)) ?? null;
  world.live.push({
    id,
    baseSha: effect.baseSha,
    prs,
    sha: prs.at(-1)!.commitSha,
    treeSha: treeKey(tree),
    state: 'testing',
    probe: effect.probe,
    createdAt: at(world),
    knownFailure,
    tree,
    runs: knownFailure ? [] : [newRun(world)],
    rerunPending: false,
  });
  world.entries = world.entries.map((e) =>
    effect.prs.some((p) => p.entryId === e.id) ? { ...e, state: 'testing' } : e,
  );
}

function land(world: World, effect: Extract<Effect, { kind: 'land' }>): void {
  for (const staging of effect.stagings) {
    for (const member of staging.prs) {
      const pull = pullOf(world, member.pr);
      pull.merged = true;
      pull.open = false;
      if (effect.method === 'fast-forward') pull.head = member.commitSha;
      world.landed.push(member.pr);
      world.baseTree.push(change(member.pr, member.headSha));
    }
    end(world, staging.id, { kind: 'landed' });
  }
  world.baseSha =
    effect.method === 'fast-forward' ? effect.stagings.at(-1)!.sha : `merged-${world.counter++}`;
}

/** CI reports the re-run it was asked for, or a runner picks up a queued run; false: none. */
export function ciStart(world: World, pick: number): boolean {
  const pending = world.live.filter((s) => s.rerunPending);
  const queued = world.live.flatMap((s) => s.runs.filter((r) => r.state === 'queued'));
  const choices = pending.length + queued.length;
  if (choices === 0) return false;
  const index = pick % choices;
  if (index < pending.length) {
    pending[index]!.rerunPending = false;
    pending[index]!.runs.push(newRun(world));
  } else queued[index - pending.length]!.state = 'running';
  return true;
}

/** A run finishes: it fails when its tree holds a broken change, or (by chance) on a flaky PR's flake. */
export function ciFinish(
  world: World,
  pick: number,
  flake: boolean,
  only: 'running' | 'any' = 'any',
): void {
  const open = world.live.flatMap((s) =>
    s.runs
      .filter((r) => r.state === 'running' || (only === 'any' && r.state === 'queued'))
      .map((r) => ({ s, r })),
  );
  if (open.length === 0) return;
  const { s, r } = open[pick % open.length]!;
  const broken = s.tree.some((c) => world.broken.has(c));
  const flaky = flake && s.tree.some((c) => prOf(c) !== null && pullOf(world, prOf(c)!).flaky);
  r.state = 'completed';
  r.conclusion = broken || flaky ? 'failure' : 'success';
  r.cause = broken ? 'test' : flaky ? 'infra' : null;
}

export function push(world: World, pr: number, broken: boolean): void {
  const pull = pullOf(world, pr);
  if (!pull.open) return;
  pull.version++;
  pull.head = `h${pr}.${pull.version}`;
  if (broken) world.broken.add(change(pr, pull.head));
}

export function command(world: World, pr: number, kind: QueueCommand['kind']): void {
  if (kind !== 'dequeue') pullOf(world, pr).labeled = true;
  world.commands.push({
    id: `c${world.counter++}`,
    kind,
    pr,
    by: 'maintainer',
    permission: 'write',
    source: kind === 'dequeue' ? 'comment' : 'label',
    at: at(world),
  });
}

export function outsidePush(world: World): void {
  world.baseSha = `outside-${world.counter}`;
  world.baseTree.push(`push:${world.counter++}`);
}
