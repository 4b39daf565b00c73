import type { Position } from './types.js';

/** Maps offsets in `source` to 1-based line and column, in O(log lines) each. */
export function createPositionFinder(source: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1))
    lineStarts.push(i + 1);
  // js-yaml skips a byte-order mark but counts it in offsets; editors do not show it.
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const column = offset - lineStarts[low]! - (low === 0 ? bom : 0);
    return { line: low + 1, column: Math.max(column, 0) + 1 };
  };
}
