/**
 * A1 notation, the one reading and writing of it (column letters, cell ranges) for every reader of
 * workbooks: the planning workbook's, the ledger's and the bounds they read within. No dependencies,
 * so the ledger and the browser import it freely.
 */

/** A cell range by its edges (1-based, inclusive). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A column's letters (1 = A). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell range (`A1:J20`, `$A$1`, any case) as numbers, or null when it is not one (at most three letters, XFD). */
export function rangeOf(ref: string): CellRange | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!match) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(match[1]!);
  const top = Number(match[2]);
  return { top, left, bottom: match[4] ? Number(match[4]) : top, right: match[3] ? col(match[3]) : left };
}

/** A range in A1 notation. */
export function rangeText(range: CellRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}
