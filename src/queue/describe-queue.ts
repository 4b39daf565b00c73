import type { ChecksVerdict } from './evaluate-checks.js';
import { evaluateChecks } from './evaluate-checks.js';
import { holdFor, type Hold } from './rules/start-staging.js';
import type { QueueSnapshot } from './types.js';

/** Where an active entry stands, for its `Sluice` check run. */
export type EntryStatus =
  | { kind: 'waiting'; position: number; queueLength: number; hold: Hold | null }
  | {
      kind: 'testing';
      position: number;
      queueLength: number;
      stagingSha: string;
      checks: ChecksVerdict;
      required: string[];
    }
  | { kind: 'config-broken' };

export interface EntryView {
  pr: number;
  headSha: string;
  status: EntryStatus;
}

/** The status of every active entry, derived from the snapshot alone. */
export function describeQueue(snapshot: QueueSnapshot): EntryView[] {
  const entries = [...snapshot.entries].sort((a, b) => a.seq - b.seq);
  return entries.map((entry, index) => {
    const base = { pr: entry.pr, headSha: entry.headSha };
    if (!snapshot.config.ok) return { ...base, status: { kind: 'config-broken' } };
    const position = index + 1;
    const queueLength = entries.length;
    const staging = snapshot.staging;
    if (staging?.prs.some((p) => p.pr === entry.pr)) {
      const checks = evaluateChecks(snapshot.requiredChecks, snapshot.stagingChecks);
      return {
        ...base,
        status: {
          kind: 'testing',
          position,
          queueLength,
          stagingSha: staging.sha,
          checks,
          required: snapshot.requiredChecks,
        },
      };
    }
    const pull = snapshot.pulls.find((p) => p.number === entry.pr);
    const hold = pull ? (holdFor(pull, snapshot.requiredApprovals) ?? null) : null;
    return { ...base, status: { kind: 'waiting', position, queueLength, hold } };
  });
}
