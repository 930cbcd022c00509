/**
 * Pure conversions between the engine's cells and what office.js takes and gives: formula text,
 * protected text, dates as serial numbers, number formats per column kind, and the split of a
 * large table into requests that stay under Excel on the web's payload limit.
 */
import { isFormula, type Cell, type CellValue, type ColumnKind, type ColumnSpec } from '../../engine/workbook/port.js';
import { isoDate, parseDate, type IsoDate } from '../../engine/index.js';

/** What office.js accepts in a `formulas` array: text (a formula starts with `=`), a number, a boolean. */
export type ExcelInput = string | number | boolean;

/** Number formats (Excel's invariant codes; Excel shows them with the user's separators). */
const FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  year: '0',
  whole: '0',
  money: '#,##0.00 "kr"',
  percent: '0.00 %',
  date: 'yyyy-mm-dd',
  yesno: '@',
  decimal: '0.00',
};

/** The number format of a column: its own, if the layout gives one, else by its kind. */
export function numberFormatOf(column: ColumnSpec): string {
  if ('numberFormat' in column && typeof column.numberFormat === 'string') return column.numberFormat;
  return FORMATS[column.kind];
}

// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29, so this is the usual origin).
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An ISO date as an Excel serial day number. */
export function isoToSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/** An Excel serial day number (whole days; a time part is dropped) as an ISO date, or null. */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const moment = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return isoDate(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate());
}

/** Whether a number format shows a date. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const code = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return /(^|[^a-z])(d{1,4}|y{2,4})([^a-z]|$)/.test(code) && !/[0#]/.test(code);
}

/**
 * A cell as office.js input. A formula becomes its text; text that Excel would take for a formula
 * (`=`, `+`, `-`, `@` first) gets the apostrophe that keeps it text; a date in a date column becomes
 * its serial number; an empty cell becomes '' (office.js would leave a cell with `null` unchanged).
 */
export function toExcelInput(cell: Cell, kind: ColumnKind): ExcelInput {
  if (isFormula(cell)) return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  if (cell === null) return '';
  if (typeof cell === 'string') {
    if (kind === 'date') {
      const date = parseDate(cell);
      if (date !== null) return isoToSerial(date);
    }
    return /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  }
  return cell;
}

/** A value read from Excel as the engine's cell value (dates as ISO text in date-formatted columns). */
export function fromExcelValue(value: unknown, isDate: boolean): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (isDate) return serialToIso(value) ?? value;
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
 * Splits rows into runs whose JSON (values and formats together) stays under `maxBytes` and
 * `maxRows`. A single row larger than `maxBytes` still forms a run of its own.
 */
export function chunkRows(
  rows: readonly (readonly ExcelInput[])[],
  formatBytesPerRow: number,
  maxBytes: number,
  maxRows: number,
): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = jsonBytes(rows[i]) + formatBytesPerRow;
    if (i > start && (bytes + rowBytes > maxBytes || i - start >= maxRows)) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) chunks.push({ start, end: rows.length, bytes });
  return chunks;
}
