import type { ReleaseBlock } from './changelog-document.js';
import { rankSection } from './section-order.js';
import type { TextEdit } from './text-edits.js';
import { lineEnd, nextLineIsBlank } from './text-edits.js';
import type { ChangelogConfig } from './types.js';

/** A section's new entry lines, in the order the release prints sections. */
export type SectionLines = readonly [section: string, lines: readonly string[]];

interface Subsection {
  title: string;
  start: number;
  /** The end of its last block, or of its heading when it has none. */
  contentEnd: number;
  endsWithList: boolean;
}

type Target =
  | { kind: 'append'; group: SectionLines; subsection: Subsection }
  | { kind: 'new'; group: SectionLines; before: number };

interface Gap {
  /** The line break after the last content before `end`: blank lines up to `end` are redone. */
  start: number;
  /** The subsection the new ones go before, or the end of the release. */
  end: number;
  sections: SectionLines[];
}

/**
 * The edits that add entry lines to a release: under `### Section` after its last block when
 * the section exists, else as new subsections placed by section order. Only what lies between
 * the last block and an insertion point (blank lines) is rewritten.
 */
export function planSectionEdits(input: {
  text: string;
  block: ReleaseBlock;
  groups: readonly SectionLines[];
  config: ChangelogConfig;
  lineBreak: string;
}): TextEdit[] {
  const { text, block, config, lineBreak } = input;
  const subsections = readSubsections(block);
  const targets = input.groups.map((group): Target => {
    const existing = subsections.find((s) => s.title.toLowerCase() === group[0].toLowerCase());
    if (existing) return { kind: 'append', group, subsection: existing };
    const rank = rankSection(group[0], config);
    const later = subsections.find((s) => rankSection(s.title, config) > rank);
    return { kind: 'new', group, before: later?.start ?? block.end };
  });
  const gaps = new Map<number, Gap>();
  for (const target of targets) {
    if (target.kind === 'append') continue;
    const start = lineEnd(text, contentEndBefore(block, target.before));
    const gap = gaps.get(target.before) ?? { start, end: target.before, sections: [] };
    gap.sections.push(target.group);
    gaps.set(target.before, gap);
  }
  const gapStarts = new Set([...gaps.values()].map((gap) => gap.start));
  const edits: TextEdit[] = [];
  const rendered = new Set<Gap>();
  // In section order, so an append and a new subsection at one offset come out in that order.
  for (const target of targets) {
    if (target.kind === 'append') {
      edits.push(appendLines(text, target.subsection, target.group[1], lineBreak, gapStarts));
      continue;
    }
    const gap = gaps.get(target.before);
    if (gap === undefined || rendered.has(gap)) continue;
    rendered.add(gap);
    const followed = gap.end < text.length;
    edits.push({
      start: gap.start,
      end: gap.end,
      insert: renderSections(gap.sections, lineBreak, followed),
    });
  }
  return edits;
}

/**
 * New subsections after a line that ends at the insertion point: a blank line, each
 * `### Section` with its lines and a blank line, and one more when something follows.
 */
export function renderSections(
  sections: readonly SectionLines[],
  lineBreak: string,
  followed: boolean,
): string {
  const n = lineBreak;
  const body = sections.map(([title, lines]) => `${n}### ${title}${n}${n}${lines.join(n)}${n}`);
  return `${n}${body.join('')}${followed ? n : ''}`;
}

function appendLines(
  text: string,
  subsection: Subsection,
  lines: readonly string[],
  lineBreak: string,
  gapStarts: ReadonlySet<number>,
): TextEdit {
  const at = lineEnd(text, subsection.contentEnd);
  // Right after a list the lines join it; after a heading, a paragraph or an HTML block
  // (which would swallow them up to the next blank line) they start a list of their own.
  const separator = subsection.endsWithList ? lineBreak : lineBreak + lineBreak;
  // A new subsection starting here brings its own blank line.
  const closing = gapStarts.has(at) || nextLineIsBlank(text, at, lineBreak) ? '' : lineBreak;
  return { start: at, end: at, insert: `${separator}${lines.join(lineBreak)}${closing}` };
}

function readSubsections(block: ReleaseBlock): Subsection[] {
  const subsections: Subsection[] = [];
  for (const span of block.blocks) {
    const current = subsections.at(-1);
    if (span.kind === 'subsection') {
      subsections.push({
        title: span.title,
        start: span.start,
        contentEnd: span.end,
        endsWithList: false,
      });
    } else if (current) {
      current.contentEnd = span.end;
      current.endsWithList = span.kind === 'list';
    }
  }
  return subsections;
}

/** The end of the release's last block before `offset`, or of its heading. */
function contentEndBefore(block: ReleaseBlock, offset: number): number {
  const before = block.blocks.filter((span) => span.end <= offset);
  return before.at(-1)?.end ?? block.heading.end;
}
