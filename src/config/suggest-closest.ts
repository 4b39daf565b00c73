/**
 * The candidate a typo most likely meant, or undefined when nothing is close. Case,
 * `-` and `_` are ignored first, so `required_approvals` finds `requiredApprovals`.
 */
export function suggestClosest(written: string, candidates: readonly string[]): string | undefined {
  const target = normalise(written);
  // Nobody mistypes a 100-character key; skipping those keeps the quadratic distance cheap.
  if (target === '' || target.length > maxWordLength) return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  // Beyond a third of the word, a "suggestion" is a guess that misleads more than it helps.
  const tolerance = Math.max(1, Math.floor(target.length / 3));
  return best.distance <= tolerance ? best.candidate : undefined;
}

const maxWordLength = 64;

function normalise(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
