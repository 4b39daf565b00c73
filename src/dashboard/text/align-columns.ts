export interface Cell {
  text: string;
  align?: 'left' | 'right';
  /** Applied after padding, so escape codes never count towards a column's width. */
  style?: (text: string) => string;
}

/** Rows of cells as lines, each column as wide as its widest cell, two spaces apart. */
export function alignColumns(rows: Cell[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell.text].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        // The last cell is not padded: a line ends where its text does.
        const width = i === row.length - 1 && cell.align !== 'right' ? 0 : (widths[i] ?? 0);
        const pad = ' '.repeat(Math.max(0, width - [...cell.text].length));
        const padded = cell.align === 'right' ? pad + cell.text : cell.text + pad;
        return cell.style ? cell.style(padded) : padded;
      })
      .join('  '),
  );
}
