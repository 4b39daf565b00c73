/** Text cut at a line: how many `- ` entry lines it kept and how many it left out. */
export interface CutText {
  text: string;
  kept: number;
  omitted: number;
}

/** A size measure: UTF-8 bytes for the Action's outputs, characters for a release body. */
export type Measure = (text: string) => number;

/** The longest run of whole lines from the start that fits `budget`. */
export function cutLines(text: string, budget: number, size: Measure): CutText {
  const lines = text.split('\n');
  let used = 0;
  let end = 0;
  for (; end < lines.length; end++) {
    const added = size(lines[end] ?? '') + 1;
    if (used + added > budget) break;
    used += added;
  }
  if (end === lines.length) return { text, kept: lines.filter(isEntry).length, omitted: 0 };
  const keptLines = lines.slice(0, end);
  return {
    text: keptLines.length === 0 ? '' : `${keptLines.join('\n')}\n`,
    kept: keptLines.filter(isEntry).length,
    omitted: lines.slice(end).filter(isEntry).length,
  };
}

/**
 * Release notes within `budget`, cut after a whole entry line (never after a section
 * heading) and closed by `closing(omitted)`, which the budget makes room for.
 */
export function cutReleaseNotes(
  notes: string,
  options: { budget: number; size: Measure; closing: (omitted: number) => string },
): CutText {
  const { size, closing } = options;
  if (size(notes) <= options.budget) return cutLines(notes, options.budget, size);
  // The closing line is longest with every entry left out: room for that, and its blank line.
  const total = notes.split('\n').filter(isEntry).length;
  const cut = cutLines(notes, options.budget - size(closing(total)) - 3, size);
  const lines = cut.text.split('\n');
  while (lines.length > 0 && !isEntry(lines.at(-1) ?? '')) lines.pop();
  const kept = lines.length === 0 ? '' : `${lines.join('\n')}\n\n`;
  return { text: `${kept}${closing(cut.omitted)}\n`, kept: cut.kept, omitted: cut.omitted };
}

const isEntry = (line: string) => line.startsWith('- ');
