/**
 * Pure conversions between the engine's cells and what office.js takes and gives: formula text,
 * protected text, dates as serial numbers, number formats per column kind (grouped into runs of
 * columns), and the split of a large table into requests that stay under Excel on the web's payload
 * limit.
 */
import { isoDateOfSerial, numberFormatOf as formatOfKind, serialOfIsoDate } from '../../engine/workbook/index.js';
import { isFormula, type Cell, type CellValue, type ColumnKind, type ColumnSpec } from '../../engine/workbook/port/port.js';

/** What office.js accepts in a `formulas` array: text (a formula starts with `=`), a number, a boolean. */
export type ExcelInput = string | number | boolean;

/** The number format of a column: its own, if the layout gives one, else the layout's for its kind. */
export function numberFormatOf(column: ColumnSpec): string {
  if ('numberFormat' in column && typeof column.numberFormat === 'string') return column.numberFormat;
  return formatOfKind(column.kind);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a number format shows a date. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const code = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return /(^|[^a-z])(d{1,4}|y{2,4})([^a-z]|$)/.test(code) && !/[0#]/.test(code);
}

/**
 * A cell as office.js input. A formula becomes its text; text that Excel would take for a formula
 * (`=`, `+`, `-`, `@` first) gets the apostrophe that keeps it text, and so does text that starts
 * with an apostrophe (Excel takes a leading apostrophe as the quote prefix and drops it); a date in
 * a date column becomes its serial number; an empty cell becomes '' (office.js would leave a cell
 * with `null` unchanged).
 */
export function toExcelInput(cell: Cell, kind: ColumnKind): ExcelInput {
  if (isFormula(cell)) return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  if (cell === null) return '';
  if (typeof cell === 'string') {
    if (kind === 'date' && ISO_DATE.test(cell)) return serialOfIsoDate(cell);
    return /^[=+\-@']/.test(cell) ? `'${cell}` : cell;
  }
  return cell;
}

/** A value read from Excel as the engine's cell value (dates as ISO text in date-formatted columns). */
export function fromExcelValue(value: unknown, isDate: boolean): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (isDate && Number.isFinite(value) && value >= 1) return isoDateOfSerial(value);
    return value;
  }
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

const encoder = new TextEncoder();

/** The UTF-8 size of a value as office.js sends it (JSON). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** A run of rows [start, end) of a table body. */
export interface RowChunk {
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
}

/**
 * Splits rows into runs whose values' JSON stays under `maxBytes` and `maxRows`. A single row larger
 * than `maxBytes` still forms a run of its own. (Number formats are not counted here: they go once
 * per column, see `formatRuns`.)
 */
export function chunkRows(rows: readonly (readonly ExcelInput[])[], maxBytes: number, maxRows: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  // The outer brackets of the array, then per row its comma.
  const overhead = 2;
  let start = 0;
  let bytes = overhead;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = jsonBytes(rows[i]) + 1;
    if (i > start && (bytes + rowBytes > maxBytes || i - start >= maxRows)) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = overhead;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) chunks.push({ start, end: rows.length, bytes });
  return chunks;
}

/** Adjacent columns [start, start + count) that share one number format. */
export interface FormatRun {
  readonly start: number;
  readonly count: number;
  readonly format: string;
}

/**
 * The columns grouped into runs of one number format, left to right, so each run is formatted with
 * one `numberFormat = [[format]]` over its whole range instead of one entry per cell.
 */
export function formatRuns(formats: readonly string[]): FormatRun[] {
  const runs: FormatRun[] = [];
  formats.forEach((format, column) => {
    const last = runs.at(-1);
    if (last && last.format === format) runs[runs.length - 1] = { ...last, count: last.count + 1 };
    else runs.push({ start: column, count: 1, format });
  });
  return runs;
}
