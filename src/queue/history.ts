/**
 * What the queue remembers from stagings that ended, derived the same way wherever a snapshot
 * is made (the app's observation, the simulator): bisection marks, build failures, trees known
 * to fail, and the recent record that sizes batches and the speculative depth.
 */
import type { GateVerdictSummary } from './gate-policy.js';
import type {
  BuildFailure,
  BuildFailureRecord,
  QueueEntry,
  QueueSnapshot,
  Suspect,
} from './types.js';

export interface EndedStaging {
  id: string;
  prs: { pr: number; headSha: string }[];
  treeSha: string | null;
  /** It was a probe, beside the chain. */
  probe: boolean;
  createdAt: Date;
  /**
   * `landed`; `rejected`: its checks failed and it was judged (`verdicts`); `build-failed`: a
   * PR could not be squashed on top of the others (`build`); `abandoned`: nothing learnt.
   */
  end:
    | { kind: 'landed' }
    /** A probe that passed: its PRs passed together on that base. */
    | { kind: 'cleared' }
    | { kind: 'rejected'; verdicts: GateVerdictSummary[] }
    | { kind: 'build-failed'; build: BuildFailureRecord }
    | { kind: 'abandoned' };
}

/**
 * How many judged stagings the adaptive depth and batch size look back on: all the queue
 * remembers (observation reads at most 300, since the oldest entry was queued). A broken
 * share of 10 % is told from 12.5 % — where batches of 8 give way to 4 — only over hundreds
 * of PRs; a shorter record halves the batches on a run of bad luck.
 */
export const recentWindow = 300;

/**
 * For each entry, the positions in `history` of the stagings that held it (built since it was
 * queued, at its queued head), oldest first. One pass over the history: a snapshot is made on
 * every reconcile, with hundreds of ended stagings and a long queue.
 */
function holdings(
  entries: readonly QueueEntry[],
  history: readonly EndedStaging[],
): Map<QueueEntry, number[]> {
  const byPr = new Map(entries.map((e) => [e.pr, e]));
  const held = new Map<QueueEntry, number[]>(entries.map((e) => [e, []]));
  history.forEach((staging, index) => {
    for (const { pr, headSha } of staging.prs) {
      const entry = byPr.get(pr);
      if (entry?.headSha === headSha && staging.createdAt.getTime() >= entry.queuedAt.getTime())
        held.get(entry)!.push(index);
    }
  });
  return held;
}

/** The last judged staging that held each entry, by position. */
function lastJudged(
  entries: readonly QueueEntry[],
  history: readonly EndedStaging[],
): Map<QueueEntry, number> {
  const last = new Map<QueueEntry, number>();
  for (const [entry, positions] of holdings(entries, history)) {
    const found = positions.findLast((i) => judged(history[i]!));
    if (found !== undefined) last.set(entry, found);
  }
  return last;
}

/**
 * A PR whose latest judged staging (since it was queued, at its queued head) was a batch that
 * failed is a suspect: it is tested with the rest of that batch, never mixed with others, part
 * by part, until the culprit is found. What the batch's PRs showed since narrows it down (PRs
 * break a build on their own, so):
 * - a part that passed since (landed, or cleared by a probe) is not the culprit: it is in the
 *   rest, which is split in halves without being tested whole again;
 * - a part that failed on its own since (a smaller batch, or one PR: the culprit, dequeued)
 *   explains the batch's failure: the PRs outside it are untested PRs again, batched with new
 *   ones — about as likely to be broken as any (Hwang's generalised binary splitting), and
 *   testing them in ever smaller groups of their own would cost a run for a few PRs each.
 * `history` is oldest first.
 */
export function suspectsOf(
  entries: readonly QueueEntry[],
  history: readonly EndedStaging[],
): Record<number, Suspect> {
  const suspects: Record<number, Suspect> = {};
  const since = new Map<number, { passed: Set<string>; explainers: Set<string>[] }>();
  for (const [entry, index] of lastJudged(entries, history)) {
    const batch = history[index]!;
    if (batch.end.kind !== 'rejected' || batch.prs.length < 2) continue;
    if (!since.has(index)) since.set(index, learntSince(history, index));
    const { passed, explainers } = since.get(index)!;
    if (explainers.some((part) => !part.has(key({ pr: entry.pr, headSha: entry.headSha }))))
      continue;
    const rest = batch.prs.filter((p) => !passed.has(key(p))).length;
    const limit = Math.ceil((passed.size > 0 ? rest : batch.prs.length) / 2);
    suspects[entry.pr] = { group: batch.id, limit: Math.max(1, limit) };
  }
  return suspects;
}

/** What the stagings after the failed batch at `index` showed about its PRs. */
function learntSince(
  history: readonly EndedStaging[],
  index: number,
): { passed: Set<string>; explainers: Set<string>[] } {
  const members = new Set(history[index]!.prs.map(key));
  const passed = new Set<string>();
  const explainers: Set<string>[] = [];
  for (const staging of history.slice(index + 1)) {
    const keys = staging.prs.map(key);
    if (staging.end.kind === 'landed' || staging.end.kind === 'cleared') {
      for (const k of keys) if (members.has(k)) passed.add(k);
    } else if (judged(staging) && keys.every((k) => members.has(k))) explainers.push(new Set(keys));
  }
  return { passed, explainers };
}

function key(pull: { pr: number; headSha: string }): string {
  return `${pull.pr}@${pull.headSha}`;
}

/** Entries whose latest judged staging was a probe that passed: they are expected to pass. */
export function clearedOf(
  entries: readonly QueueEntry[],
  history: readonly EndedStaging[],
): number[] {
  const cleared: number[] = [];
  for (const [entry, index] of lastJudged(entries, history))
    if (history[index]!.end.kind === 'cleared') cleared.push(entry.pr);
  return cleared;
}

/** It passed, or failed for its content: either way it says something about its PRs. */
function judged(staging: EndedStaging): boolean {
  const { end } = staging;
  return (
    end.kind === 'landed' ||
    end.kind === 'cleared' ||
    (end.kind === 'rejected' && ownFault(end.verdicts))
  );
}

/**
 * The failure was the content's: some verdict is not the machinery's (`infra`). A staging
 * given up on for infra flakes alone (its retries spent) says nothing about its PRs: they
 * are not suspected for it, and its tree is not remembered as one that fails.
 */
export function ownFault(verdicts: readonly GateVerdictSummary[]): boolean {
  return verdicts.length === 0 || verdicts.some((v) => v.class !== 'infra');
}

/** The latest build failure of each entry's queued head, unless a build with it succeeded since. */
export function buildFailuresOf(
  entries: readonly QueueEntry[],
  history: readonly EndedStaging[],
): Record<number, BuildFailureRecord> {
  const failures: Record<number, BuildFailureRecord> = {};
  for (const [entry, positions] of holdings(entries, history)) {
    const last = positions
      .map((i) => history[i]!)
      .findLast(
        (s) =>
          (s.end.kind !== 'build-failed' || s.end.build.pr === entry.pr) &&
          s.end.kind !== 'abandoned',
      );
    if (last?.end.kind === 'build-failed') failures[entry.pr] = last.end.build;
  }
  return failures;
}

/** Trees whose checks failed for good, with the verdicts: the same tree fails the same way. */
export function failedTrees(history: readonly EndedStaging[]): Map<string, GateVerdictSummary[]> {
  const trees = new Map<string, GateVerdictSummary[]>();
  for (const staging of history)
    if (staging.end.kind === 'rejected' && staging.treeSha && ownFault(staging.end.verdicts))
      trees.set(staging.treeSha, staging.end.verdicts);
  return trees;
}

/** Judged stagings, oldest first, last `recentWindow` of them: the adaptive policies' record. */
export function recentOutcomesOf(
  history: readonly EndedStaging[],
): QueueSnapshot['recentOutcomes'] {
  const recent: EndedStaging[] = [];
  for (let i = history.length - 1; i >= 0 && recent.length < recentWindow; i--)
    if (judged(history[i]!)) recent.push(history[i]!);
  return recent.reverse().map(outcomeOf);
}

function outcomeOf(staging: EndedStaging): QueueSnapshot['recentOutcomes'][number] {
  const { kind } = staging.end;
  const outcome = kind === 'landed' || kind === 'cleared' ? kind : 'rejected';
  return { size: staging.prs.length, probe: staging.probe, outcome };
}

export type { BuildFailure };
