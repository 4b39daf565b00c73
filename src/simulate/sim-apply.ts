/**
 * Applies `decide()`'s effects to the simulated world the way the app's appliers apply them
 * to GitHub and the store, and checks on the way what the app's GitHub would refuse: a
 * landing whose base moved, or whose tip did not pass, is a violation, not a landing.
 */
import type { Effect } from '../queue/effects.js';
import { ownFault } from '../queue/history.js';
import { cancelRun, startRun, type CiModel } from './sim-ci.js';
import { simVerdict } from './sim-snapshot.js';
import { addToTree, treeOf } from './sim-tree.js';
import type { SimStaging, SimWorld } from './sim-types.js';

const dayMs = 24 * 60 * 60_000;

export interface SimRecorder {
  violations: string[];
  failedTrees: Map<string, ReturnType<typeof simVerdict>[]>;
  nextSeq: number;
}

export function applySimEffect(
  world: SimWorld,
  ci: CiModel,
  recorder: SimRecorder,
  effect: Effect,
): void {
  world.effects++;
  switch (effect.kind) {
    case 'enqueue': {
      world.commands = world.commands.filter((c) => c.id !== effect.commandId);
      world.entries.push({
        id: `e${effect.pr}`,
        pr: effect.pr,
        headSha: effect.headSha,
        queuedBy: effect.by,
        queuedAt: new Date(world.now + simEpochOffset()),
        seq: recorder.nextSeq++,
        priority: effect.priority,
        priorityLabel: effect.priorityLabel,
        state: 'queued',
        consecutiveFailures: 0,
      });
      world.pulls.get(effect.pr)!.queuedAt = world.now;
      return;
    }
    case 'refuse':
    case 'drop-command':
      world.commands = world.commands.filter((c) => c.id !== effect.commandId);
      return;
    case 'set-priority':
      if (effect.cause.kind === 'command') {
        const { commandId } = effect.cause;
        world.commands = world.commands.filter((c) => c.id !== commandId);
      }
      world.entries = world.entries.map((e) =>
        e.id === effect.entryId
          ? { ...e, priority: effect.to, priorityLabel: effect.priorityLabel }
          : e,
      );
      return;
    case 'dequeue': {
      world.entries = world.entries.filter((e) => e.id !== effect.entryId);
      const pull = world.pulls.get(effect.pr)!;
      pull.dequeuedAt = world.now;
      pull.dequeueReason = effect.reason.kind;
      if (effect.consecutiveFailures > 0)
        world.failureStreaks[effect.pr] = {
          headSha: effect.headSha,
          count: effect.consecutiveFailures,
        };
      return;
    }
    case 'finish-merged':
      world.entries = world.entries.filter((e) => e.id !== effect.entryId);
      return;
    case 'build-staging':
      return build(world, ci, recorder, effect);
    case 'abandon-staging': {
      const staging = end(world, effect.stagingId, { kind: 'abandoned' }, effect.reason);
      world.entries = world.entries.map((e) =>
        staging.prs.some((p) => p.pr === e.pr) ? { ...e, state: 'queued' } : e,
      );
      for (const run of staging.runs) cancelRun(world, ci, run);
      return;
    }
    case 'clear-probe': {
      const staging = end(world, effect.stagingId, { kind: 'cleared' });
      for (const run of staging.runs) cancelRun(world, ci, run);
      requeue(world, staging);
      return;
    }
    case 'fail-staging': {
      const staging = world.live.find((s) => s.id === effect.stagingId)!;
      if (effect.outcome === 'wait') {
        staging.state = 'failed';
        return;
      }
      end(world, staging.id, { kind: 'rejected', verdicts: effect.verdicts });
      // As `failedTrees` remembers them: a tree that failed for its content.
      if (ownFault(effect.verdicts)) recorder.failedTrees.set(staging.tree, effect.verdicts);
      requeue(world, staging);
      return;
    }
    case 'classify-failures': {
      const staging = world.live.find((s) => s.id === effect.stagingId)!;
      for (const run of staging.runs)
        if (run.finishedAt !== null && !run.cancelled && run.outcome !== 'success')
          run.verdict ??= simVerdict(run);
      return;
    }
    case 'rerun-failed': {
      const staging = world.live.find((s) => s.id === effect.stagingId)!;
      const last = staging.runs.at(-1)!;
      last.rerun = true;
      for (const entry of world.entries.filter((e) => effect.prs.includes(e.pr)))
        world.retriesByEntry.set(entry.id, (world.retriesByEntry.get(entry.id) ?? 0) + 1);
      const day = Math.floor(world.now / dayMs);
      if (day !== world.retryDay) [world.retryDay, world.retriesToday] = [day, 0];
      world.retriesToday++;
      startRun(world, ci, staging, containsBadPull(world, staging));
      return;
    }
    case 'land':
      return land(world, recorder, effect);
    case 'restore-head':
    case 'retest-new-head':
      recorder.violations.push(`unexpected ${effect.kind} in a world where nobody pushes`);
      return;
  }
}

/** Offsets sim time to the snapshot's wall-clock epoch (kept in one place). */
function simEpochOffset(): number {
  return Date.UTC(2026, 0, 5, 9);
}

function build(
  world: SimWorld,
  ci: CiModel,
  recorder: SimRecorder,
  effect: Extract<Effect, { kind: 'build-staging' }>,
): void {
  const ahead = world.live.find((s) => s.sha === effect.baseSha);
  if (effect.baseSha !== world.baseSha && !ahead) {
    recorder.violations.push(`built on ${effect.baseSha}, neither the base nor a live staging`);
    return;
  }
  const below = ahead ? ahead.content.filter((n) => world.pulls.get(n)!.mergedAt === null) : [];
  const content = [...below, ...effect.prs.map((p) => p.pr)];
  const id = `s${world.nextId++}`;
  const prs = effect.prs.map((p, i) => ({
    pr: p.pr,
    headSha: p.headSha,
    commitSha: `${id}c${i}`,
  }));
  const staging: SimStaging = {
    id,
    baseSha: effect.baseSha,
    prs,
    sha: prs.at(-1)!.commitSha,
    content,
    tree: treeOf(world.landedHash, content),
    state: 'testing',
    probe: effect.probe,
    createdAt: world.now,
    runs: [],
    knownFailure: null,
  };
  world.live.push(staging);
  world.entries = world.entries.map((e) =>
    effect.prs.some((p) => p.entryId === e.id) ? { ...e, state: 'testing' } : e,
  );
  // The same tree failed before: judged by those verdicts, no CI run (as the app does).
  staging.knownFailure = recorder.failedTrees.get(staging.tree) ?? null;
  if (!staging.knownFailure) startRun(world, ci, staging, containsBadPull(world, staging));
}

/** Its PRs are back to waiting (the entry state the app's store would record). */
function requeue(world: SimWorld, staging: SimStaging): void {
  world.entries = world.entries.map((e) =>
    staging.prs.some((p) => p.pr === e.pr) ? { ...e, state: 'queued' } : e,
  );
}

function containsBadPull(world: SimWorld, staging: SimStaging): boolean {
  return staging.content.some((n) => world.pulls.get(n)!.bad);
}

function end(
  world: SimWorld,
  id: string,
  end: Parameters<typeof endRecord>[2],
  reason?: string,
): SimStaging {
  const staging = world.live.find((s) => s.id === id)!;
  world.live = world.live.filter((s) => s !== staging);
  world.ended.push(endRecord(staging, world, end));
  const kind = staging.knownFailure ? 'known-failure' : (reason ?? end.kind);
  world.endedAs.set(id, `${staging.probe ? 'probe' : 'chain'} ${kind}`);
  return staging;
}

function endRecord(
  staging: SimStaging,
  world: SimWorld,
  end: SimWorld['ended'][number]['end'],
): SimWorld['ended'][number] {
  void world;
  return {
    id: staging.id,
    prs: staging.prs.map((p) => ({ pr: p.pr, headSha: p.headSha })),
    treeSha: staging.tree,
    probe: staging.probe,
    createdAt: new Date(simEpochOffset() + staging.createdAt),
    end,
  };
}

function land(
  world: SimWorld,
  recorder: SimRecorder,
  effect: Extract<Effect, { kind: 'land' }>,
): void {
  const chain = effect.stagings.map((s) => world.live.find((l) => l.id === s.id));
  let below = world.baseSha;
  for (const staging of chain) {
    if (!staging || staging.baseSha !== below) {
      recorder.violations.push(`landing a chain that does not start at the base`);
      return;
    }
    below = staging.sha;
  }
  const tip = chain.at(-1)!;
  const last = tip.runs.at(-1);
  if (!last || last.outcome !== 'success' || last.finishedAt === null || last.cancelled) {
    recorder.violations.push(`landing ${tip.id}, whose tip did not pass`);
    return;
  }
  for (const staging of chain as SimStaging[]) {
    for (const member of staging.prs) {
      const pull = world.pulls.get(member.pr)!;
      if (pull.mergedAt !== null) recorder.violations.push(`#${member.pr} landed twice`);
      if (pull.bad) recorder.violations.push(`#${member.pr} (broken) landed`);
      pull.mergedAt = world.now;
      pull.landedIndex = world.landed.length;
      world.landed.push(member.pr);
      addToTree(world.landedHash, member.pr);
    }
    end(world, staging.id, { kind: 'landed' });
  }
  world.baseSha = tip.sha;
}
