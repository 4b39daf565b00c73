import { describeMoreWarnings, describeWarning } from './messages.js';
import type { ChangelogWarning } from './types.js';

/** Warnings of one kind shown in full before the rest are counted. */
export const WARNINGS_SHOWN_PER_KIND = 5;

export interface WarningSummary {
  /** To print (the CLI) or annotate (the Action): a few of each kind, then a count. */
  lines: string[];
  /** Warnings counted rather than shown. */
  omitted: number;
}

/**
 * A few warnings of each kind in full and the rest counted: a history of thousands of
 * unconventional subjects must not bury the CLI's output, nor the workflow run under as many
 * annotations. An unknown type is its own kind, so each type to map is shown.
 */
export function summariseWarnings(
  warnings: readonly ChangelogWarning[],
  shownPerKind = WARNINGS_SHOWN_PER_KIND,
): WarningSummary {
  const totals = new Map<string, number>();
  for (const w of warnings) totals.set(kindOf(w), (totals.get(kindOf(w)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const lines: string[] = [];
  let omitted = 0;
  for (const w of warnings) {
    const kind = kindOf(w);
    const count = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, count);
    if (count > shownPerKind) {
      omitted++;
      continue;
    }
    lines.push(describeWarning(w));
    const more = (totals.get(kind) ?? count) - count;
    // After the last one shown of its kind, so "this" is the line above.
    if (count === shownPerKind && more > 0) lines.push(describeMoreWarnings(w, more));
  }
  return { lines, omitted };
}

function kindOf(warning: ChangelogWarning): string {
  return warning.kind === 'unknown-type' ? `${warning.kind} ${warning.type}` : warning.kind;
}
