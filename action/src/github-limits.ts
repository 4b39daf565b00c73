import type { EntryRecord } from '../../src/changelog/index.js';
import {
  cutLines,
  cutReleaseNotes,
  describeOmittedEntries,
  renderJobSummary,
} from '../../src/changelog/index.js';

/**
 * GitHub's limits on what a step hands back: an output is "a maximum of 1 MB", a step's job
 * summary 1 MiB. Over them the runner drops the value or fails the job, so the Action cuts
 * at entry boundaries first and says what it cut. Sizes are UTF-8 bytes, never fewer than
 * the characters GitHub may count.
 */
export const OUTPUT_LIMIT = 1_000_000;
export const SUMMARY_LIMIT = 1024 * 1024;

/** Room for what is appended after a cut (the "… and N more" line, the list of cuts). */
const MARGIN = 8 * 1024;

export interface Fitted {
  value: string;
  /** What was left out and why, one sentence each, for warnings and the summary. */
  cuts: string[];
}

/** The `entries` output: a JSON array of whole records, the first ones that fit. */
export function fitEntriesOutput(records: readonly EntryRecord[]): Fitted {
  const budget = OUTPUT_LIMIT - MARGIN;
  const parts: string[] = [];
  let size = 2;
  for (const record of records) {
    const json = JSON.stringify(record);
    const added = bytes(json) + (parts.length > 0 ? 1 : 0);
    if (size + added > budget) break;
    parts.push(json);
    size += added;
  }
  const value = `[${parts.join(',')}]`;
  if (parts.length === records.length) return { value, cuts: [] };
  return {
    value,
    cuts: [
      `The \`entries\` output holds the first ${count(parts.length)} of ${count(records.length)} commits: GitHub limits an output to 1 MB.`,
    ],
  };
}

/** The `markdown` output: whole entry lines, sections in their order, then what is missing. */
export function fitMarkdownOutput(markdown: string): Fitted {
  if (bytes(markdown) <= OUTPUT_LIMIT - MARGIN) return { value: markdown, cuts: [] };
  const notes = cutNotes(markdown, OUTPUT_LIMIT - MARGIN, 'an output to 1 MB');
  return {
    value: notes.text,
    cuts: [
      `The \`markdown\` output lists the first ${count(notes.kept)} of ${count(notes.kept + notes.omitted)} entries: GitHub limits an output to 1 MB.`,
    ],
  };
}

type JobSummaryInput = Parameters<typeof renderJobSummary>[0];

/**
 * The job summary under 1 MiB: the counts line always; the notes cut at an entry, then the
 * warnings (at most a quarter of the room: all of them are in the log anyway); and a closing
 * list of everything cut, the other cuts (`cuts`: the outputs', the release's) included.
 */
export function fitJobSummary(input: JobSummaryInput, cuts: readonly string[]): Fitted {
  const own: string[] = [];
  const budget = SUMMARY_LIMIT - MARGIN;
  let text = renderJobSummary(input);
  if (bytes(text) > budget) {
    const withoutWarnings = renderJobSummary({ ...input, warnings: [] });
    const warnings = text.startsWith(withoutWarnings) ? text.slice(withoutWarnings.length) : '';
    const bare = renderJobSummary({ ...input, notes: '', warnings: [] });
    const warningsRoom = Math.min(bytes(warnings), Math.floor(budget / 4));
    const limit = 'a job summary to 1 MiB';
    const notes = cutNotes(input.notes, budget - bytes(bare) - warningsRoom, limit);
    if (notes.omitted > 0) {
      own.push(
        `The job summary lists the first ${count(notes.kept)} of ${count(notes.kept + notes.omitted)} entries: GitHub limits ${limit}.`,
      );
    }
    const head = renderJobSummary({ ...input, notes: notes.text, warnings: [] });
    const shown = cutLines(warnings, budget - bytes(head) - 256, bytes);
    text = head + shown.text;
    if (shown.omitted > 0) {
      text += `- … and ${count(shown.omitted)} more warnings, in the step's log.\n`;
      own.push(
        `The job summary shows the first ${count(shown.kept)} of ${count(shown.kept + shown.omitted)} warnings: GitHub limits ${limit}.`,
      );
    }
  }
  const all = [...cuts, ...own];
  if (all.length === 0) return { value: text, cuts: [] };
  const list = ['', "### Cut to fit GitHub's limits", '', ...all.map((cut) => `- ${cut}`), ''];
  return { value: `${text}${list.join('\n')}`, cuts: own };
}

/** Release notes cut after a whole entry line within `budget` bytes, saying what is missing. */
function cutNotes(notes: string, budget: number, limit: string) {
  const closing = (omitted: number) => describeOmittedEntries({ omitted, limit });
  return cutReleaseNotes(notes, { budget, size: bytes, closing });
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const count = (n: number) => n.toLocaleString('en-US');
