import type { SluiceConfig } from '../config/index.js';
import type { GateVerdictSummary } from '../queue/gate-policy.js';
import {
  buildFailuresOf,
  clearedOf,
  recentOutcomesOf,
  suspectsOf,
  type EndedStaging,
} from '../queue/history.js';
import type { ObservedCheck, ObservedPull, QueueSnapshot, Staging } from '../queue/types.js';
import type { SimRun, SimStaging, SimWorld } from './sim-types.js';

export const requiredCheck = 'test';
export const simEpoch = Date.UTC(2026, 0, 5, 9);
const simHistoryLength = 300;

/** What the app's observation would make of the simulated world: the same snapshot type, the same history rules. */
export function simSnapshot(world: SimWorld, config: SluiceConfig): QueueSnapshot {
  const history: EndedStaging[] = world.ended.slice(-simHistoryLength);
  const runs = world.live.flatMap((s) => s.runs);
  return {
    repo: { owner: 'sim', repo: 'repo' },
    baseBranch: 'main',
    baseSha: world.baseSha,
    config: { ok: true, config },
    paused: null,
    pulls: [...new Set([...world.entries.map((e) => e.pr), ...world.commands.map((c) => c.pr)])]
      .map((n) => world.pulls.get(n)!)
      .map((p) => observedPull(p.number, p.headSha, p.mergedAt !== null)),
    entries: world.entries,
    commands: world.commands,
    stagings: world.live.map(toStaging),
    requiredChecks: [requiredCheck],
    requiredApprovals: 0,
    verdicts: Object.fromEntries(
      runs.flatMap((r) => (r.verdict ? [[String(r.checkRunId), r.verdict]] : [])),
    ),
    retryUsage: {
      byEntry: Object.fromEntries(world.retriesByEntry),
      byRepoToday: Math.floor(world.now / 86_400_000) === world.retryDay ? world.retriesToday : 0,
    },
    rerunCheckRunIds: runs.filter((r) => r.rerun).map((r) => String(r.checkRunId)),
    failureStreaks: world.failureStreaks,
    suspects: suspectsOf(world.entries, history),
    cleared: clearedOf(world.entries, history),
    buildFailures: buildFailuresOf(world.entries, history),
    landFailures: {},
    recentOutcomes: recentOutcomesOf(history),
    now: new Date(simEpoch + world.now),
  };
}

function toStaging(staging: SimStaging): Staging {
  return {
    id: staging.id,
    baseSha: staging.baseSha,
    prs: staging.prs,
    sha: staging.sha,
    treeSha: staging.tree,
    state: staging.state,
    probe: staging.probe,
    createdAt: new Date(simEpoch + staging.createdAt),
    checks: staging.runs.map(checkOf),
    knownFailure: staging.knownFailure,
  };
}

function checkOf(run: SimRun): ObservedCheck {
  const done = run.finishedAt !== null;
  return {
    name: requiredCheck,
    source: 'check-run',
    state: done ? 'completed' : 'pending',
    conclusion: !done
      ? null
      : run.cancelled
        ? 'cancelled'
        : run.outcome === 'success'
          ? 'success'
          : 'failure',
    url: null,
    checkRunId: run.checkRunId,
    ...(run.startedAt === null && !done ? { queued: true } : {}),
  };
}

function observedPull(number: number, headSha: string, merged: boolean): ObservedPull {
  return {
    number,
    state: merged ? 'closed' : 'open',
    merged,
    draft: false,
    title: `feat: change ${number}`,
    body: '',
    author: 'contributor',
    headSha,
    headRef: `change-${number}`,
    headRepo: 'sim/repo',
    headWritable: true,
    baseRef: 'main',
    labels: ['merge-queue'],
    approvals: 1,
    changesRequested: false,
  };
}

/** The verdict CI's log would give for a failed run. */
export function simVerdict(run: SimRun): GateVerdictSummary {
  const infra = run.outcome === 'infra';
  return {
    check: requiredCheck,
    url: null,
    class: infra ? 'infra' : 'test',
    confidence: 1,
    reason: infra ? 'The runner lost communication with the server.' : 'A test failed.',
    job: requiredCheck,
    step: requiredCheck,
    signature: null,
    line: null,
    context: [],
    annotations: [],
  };
}
