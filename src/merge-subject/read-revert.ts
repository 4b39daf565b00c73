import type { SubjectReader, SubjectReading } from './subject-reading.js';

const QUOTED = /^Revert "(?<inner>.*)"$/;
const CONVENTIONAL = /^revert(?:\([^()]*\))?!?: +(?<inner>\S.*)$/i;
const REVERTED_SHA = /This reverts commit (?<sha>[0-9a-f]{7,40})\b/i;
/** GitHub's "Revert" button writes this into the new PR's body. */
const REVERTED_PR = /^Reverts [\w.-]+\/[\w.-]+#(?<pr>\d+)\s*$/m;

/**
 * Reads git's `Revert "…"` and conventional `revert: …`. The reverted subject is read with
 * the full grammar, so the revert can be matched to the change it cancels.
 */
export function readRevert(
  line: string,
  body: string | undefined,
  readInner: SubjectReader,
): SubjectReading | undefined {
  if (line[0] !== 'R' && line[0] !== 'r') return undefined;
  const inner = (QUOTED.exec(line) ?? CONVENTIONAL.exec(line))?.groups?.inner;
  if (inner === undefined) return undefined;
  const target = readInner(inner, undefined);
  const prFromBody = REVERTED_PR.exec(body ?? '')?.groups?.pr;
  return {
    format: 'revert',
    type: 'revert',
    scope: target?.scope,
    breaking: false,
    description: target?.description ?? inner,
    pr: undefined,
    id: target?.id,
    revert: {
      subject: inner,
      sha: REVERTED_SHA.exec(body ?? '')?.groups?.sha?.toLowerCase(),
      pr: target?.pr ?? (prFromBody === undefined ? undefined : Number(prFromBody)),
    },
  };
}
