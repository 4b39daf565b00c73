/**
 * The speculative chain as the reconciler judges it (`queue/chain.ts`), read from the store's
 * records: which live records the base already reached, and where the chain breaks. The
 * records are mapped to the core's `Staging` so the same functions decide, not a copy of them.
 */
import { chainTip, firstBrokenLink, inLine, lastStanding, stagingsUnder } from '../queue/chain.js';
import type { Staging } from '../queue/types.js';
import type { StagingRecord } from '../store/types.js';

/** The first record of the chain not built where it should be, and what goes with it. */
export interface ChainBreak {
  record: StagingRecord;
  /** The commit it should be built on: the base tip, or the tip of `ahead`. */
  expected: string;
  /** The live chain record that did not fail ahead of it; undefined: the base. */
  ahead: StagingRecord | undefined;
  /** The chain records behind it: the reconciler abandons them with it. */
  behind: StagingRecord[];
}

/**
 * Records whose tip the base already contains (it is at their tip, or at the tip of one built
 * on them): they landed, and the reconciler finishes them. None without the base tip.
 */
export function landedRecords(
  records: readonly StagingRecord[],
  baseSha: string | undefined,
): Set<number> {
  if (baseSha === undefined) return new Set();
  const line = inLine(toStagings(records));
  const reached = line.find((s) => s.sha === baseSha);
  if (!reached) return new Set();
  return new Set([...stagingsUnder(line, reached), reached].map((s) => Number(s.id)));
}

/**
 * Where the chain of `records` (live, in creation order; the landed ones left out) breaks
 * against the base tip. Without the base tip, the first record stands for it: only the links
 * between records are checked. Records not built yet are no part of the chain.
 */
export function findChainBreak(
  records: readonly StagingRecord[],
  baseSha: string | undefined,
): ChainBreak | undefined {
  const line = inLine(toStagings(records));
  const base = baseSha ?? line[0]?.baseSha;
  if (base === undefined) return undefined;
  const broken = firstBrokenLink(line, base);
  if (!broken) return undefined;
  const index = line.indexOf(broken);
  const before = line.slice(0, index);
  const byId = (staging: Staging) => records.find((r) => String(r.id) === staging.id)!;
  const ahead = lastStanding(before);
  return {
    record: byId(broken),
    expected: chainTip(before, base),
    ahead: ahead && byId(ahead),
    behind: line.slice(index + 1).map(byId),
  };
}

/** Records built and pushed, in the core's terms, as the reconciler observes them. */
function toStagings(records: readonly StagingRecord[]): Staging[] {
  return records.flatMap((record) => {
    const { commitSha: sha, treeSha, state } = record;
    if (sha === null || treeSha === null || state === 'building') return [];
    return [
      {
        id: String(record.id),
        baseSha: record.baseSha,
        prs: record.prs.map((p) => ({
          pr: p.number,
          headSha: p.headSha,
          commitSha: p.commitSha ?? sha,
        })),
        sha,
        treeSha,
        state: state === 'passed' || state === 'failed' || state === 'landing' ? state : 'testing',
        probe: record.probe,
        createdAt: record.createdAt,
        checks: [],
        knownFailure: null,
      },
    ];
  });
}
