/** Replaces `text.slice(start, end)` with `insert`; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Splices the edits into `text`, all computed against the original, so whatever no edit
 * covers keeps its bytes. Edits at the same offset land in the order given.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  // A stable sort: ties keep the caller's order.
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start) {
      throw new Error(`overlapping edit at ${edit.start}: the plan is wrong, not the file`);
    }
    parts.push(text.slice(cursor, edit.start), edit.insert);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** The line ending the file uses: a CRLF file stays CRLF. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset of the line break ending the line `offset` is on, or the end of the text. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > offset && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Whether the line after the one ending at `end` is blank; `false` when there is none. */
export function nextLineIsBlank(text: string, end: number, lineBreak: string): boolean {
  if (end >= text.length) return false;
  const start = end + lineBreak.length;
  return text.slice(start, lineEnd(text, start)).trim() === '';
}
