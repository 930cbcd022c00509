/**
 * An `.xlsx` ledger (CONTRACTS §7): the table `Forbruk` if the workbook has one, else the first
 * sheet whose first row is a §2 header. Each cell becomes the text §2's rules read, so a workbook
 * and a CSV of the same lines give the same ledger lines:
 * - a number cell in an amount column as its shortest exact decimal (`1250000.5`); one that is not
 *   a whole number of øre (0.1 + 0.2 = 0.30000000000000004) is refused as too many decimals: an
 *   amount that is not exact is never rounded into one;
 * - a number cell in any other column as its shortest decimal, never in exponent form (`100123`,
 *   never `100123.0`: a voucher typed as a number is still that voucher);
 * - a date cell as `YYYY-MM-DD`, the day the cell shows (the adapter gives it as that day);
 * - a formula as its cached value; a formula without one (a workbook written by a program and
 *   never calculated) is a problem naming sheet, row and column: its value cannot be known;
 * - text as text, an error value as Excel shows it (`#N/A`), a truth value as `TRUE`/`FALSE`;
 * - an empty row is skipped; a row's `line` is its sheet row number.
 * This module is pure: a host's adapter (exceljs for files: `engine/workbook/xlsx/read-xlsx-ledger.ts`)
 * gives it the workbook's cells.
 */
import { Dec } from '../money.js';
import { columnLetters } from '../workbook/a1.js';
import { problem, type Lang, type Problem } from '../messages/problems.js';
import { LEDGER_COLUMNS, mapHeader } from './columns.js';
import { missingLedgerColumns } from './line-reader.js';

/** A cell as an adapter gives it: a formula already replaced by its cached value, if it has one. */
export type LedgerCell =
  | null
  | string
  | number
  | boolean
  /** A date cell: the day it shows, `YYYY-MM-DD` (or what Excel shows for a date it cannot show). */
  | { readonly date: string }
  /** An error value (`#N/A`, `#DIV/0!`). */
  | { readonly error: string }
  /** A formula without a cached value, with its text when known. */
  | { readonly uncalculated: string | null };

/** A row of a sheet: its number (1 = the first) and its cells from column A (index 0 = A). */
export interface LedgerSheetRow {
  readonly line: number;
  readonly cells: readonly LedgerCell[];
}

/** A sheet of a workbook: its name and rows (at least those holding anything), in order. */
export interface LedgerSheet {
  readonly name: string;
  rows(): Iterable<LedgerSheetRow>;
}

/** An Excel table: its name, sheet and range (rows and columns 1-based, inclusive). */
export interface LedgerTableRange {
  readonly name: string;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
}

/** A workbook as the ledger reader needs it: sheets in the workbook's order and its tables. */
export interface LedgerWorkbook {
  readonly sheets: readonly LedgerSheet[];
  readonly tables: readonly LedgerTableRange[];
}

/** One data row of an `.xlsx` ledger: its sheet row number and its cells as §2 text. */
export interface XlsxLedgerRow {
  readonly line: number;
  readonly fields: string[];
}

/** An `.xlsx` ledger's rows as §2 text, with the problems of cells that have no such text. */
export interface XlsxLedger {
  readonly sheet: string;
  /** The table read (`Forbruk` as the workbook spells it), or null when the ledger is a sheet's rows. */
  readonly table: string | null;
  /** The sheet row of the header. */
  readonly headerLine: number;
  readonly header: string[];
  /** The rows to read by §2; a row with a cell problem is left out (its problems are in `problems`). */
  readonly rows: XlsxLedgerRow[];
  /**
   * Cells no §2 text stands for (a formula without a cached value, an amount that is not a whole
   * number of øre), each naming sheet, row, column and value. The caller reports them with the
   * file's other problems, so a file with any is rejected unless --skip-invalid.
   */
  readonly problems: Problem[];
}

/** What reading an `.xlsx` ledger gave: its rows, or why the file holds no ledger. */
export type XlsxLedgerReading = XlsxLedger | { readonly problems: Problem[] };

/** Whether a reading found a ledger. */
export function isXlsxLedger(reading: XlsxLedgerReading): reading is XlsxLedger {
  return 'rows' in reading;
}

/** The ledger's table name (CONTRACTS §5: the planning workbook's `Forbruk`), compared without regard to case. */
const LEDGER_TABLE = 'forbruk';

/** A number's shortest exact decimal, never in exponent form (`-0` as `0`). */
function decimalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return new Dec(value).toFixed();
}

/** Whether a number's decimal text has more than two decimals: not a whole number of øre. */
function notWholeOre(text: string): boolean {
  const dot = text.indexOf('.');
  return dot >= 0 && text.length - dot - 1 > 2;
}

/** A cell's text, as far as it does not depend on its column (numbers are left to the caller). */
function plainText(cell: LedgerCell | undefined): string | number | { uncalculated: string | null } {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) return cell.date;
  if ('error' in cell) return cell.error;
  return cell;
}

/** Header cells as text: a number as its digits, a formula without a value as ''. */
function headerText(cells: readonly LedgerCell[]): string[] {
  return cells.map((cell) => {
    const text = plainText(cell);
    return typeof text === 'number' ? decimalText(text) : typeof text === 'string' ? text : '';
  });
}

/** Whether header cells are a §2 header: its required columns, by `mapHeader`'s matching. */
function isLedgerHeader(header: readonly string[]): boolean {
  return header.length > 0 && missingLedgerColumns(mapHeader(header, LEDGER_COLUMNS)).length === 0;
}

/** Whether a row holds nothing. */
function isEmpty(cells: readonly LedgerCell[]): boolean {
  return cells.every((cell) => cell === null || cell === '' || cell === undefined);
}

/** Turns the cells of rows into §2 text by their columns, noting the cells that have none. */
class RowReader {
  private readonly amount: number;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly header: readonly string[],
    private readonly lang: Lang,
    /** The ledger's first column (1 = A): a table may stand anywhere on its sheet. */
    private readonly left: number,
  ) {
    this.amount = mapHeader(header, LEDGER_COLUMNS).index.belop ?? -1;
  }

  /** The cells of a row as fields; null when the row is empty or a cell has no §2 text (its problem pushed). */
  read(line: number, cells: readonly LedgerCell[], problems: Problem[]): string[] | null {
    if (isEmpty(cells)) return null;
    const fields: string[] = [];
    let bad = false;
    for (let i = 0; i < cells.length; i++) {
      const got = plainText(cells[i]);
      if (typeof got === 'string') {
        fields.push(got);
        continue;
      }
      const column = this.header[i]?.trim() || columnLetters(this.left + i);
      const place = (value: string | null) => ({ file: this.file, sheet: this.sheet, line, column, value });
      if (typeof got === 'object') {
        problems.push(
          problem('uncalculated_formula', place(got.uncalculated === null ? null : `=${got.uncalculated}`), this.lang),
        );
        bad = true;
        fields.push('');
        continue;
      }
      const text = decimalText(got);
      if (i === this.amount && notWholeOre(text)) {
        problems.push(problem('too_many_decimals', place(text), this.lang));
        bad = true;
      }
      fields.push(text);
    }
    return bad ? null : fields;
  }
}

/** The ledger of a table: its header and data rows within its columns. */
function tableLedger(file: string, workbook: LedgerWorkbook, table: LedgerTableRange, lang: Lang): XlsxLedgerReading | null {
  const sheet = workbook.sheets.find((s) => s.name === table.sheet);
  if (sheet === undefined) return null;
  const width = table.right - table.left + 1;
  const within = (cells: readonly LedgerCell[]) => Array.from({ length: width }, (_, i) => cells[table.left - 1 + i] ?? null);
  const first = table.top + (table.headerRow ? 1 : 0);
  const last = table.bottom - (table.totalsRow ? 1 : 0);
  let header: string[] = [];
  const rows: XlsxLedgerRow[] = [];
  const problems: Problem[] = [];
  let reader: RowReader | null = null;
  for (const row of sheet.rows()) {
    if (row.line < table.top) continue;
    if (row.line > last) break;
    if (row.line < first) {
      header = headerText(within(row.cells));
      continue;
    }
    reader ??= new RowReader(file, sheet.name, header, lang, table.left);
    const fields = reader.read(row.line, within(row.cells), problems);
    if (fields !== null) rows.push({ line: row.line, fields });
  }
  return { sheet: sheet.name, table: table.name, headerLine: table.top, header, rows, problems };
}

/** The ledger of a sheet whose first row is a §2 header, or null when its first row is not one. */
function sheetLedger(file: string, sheet: LedgerSheet, lang: Lang): XlsxLedgerReading | null {
  let header: string[] | null = null;
  let headerLine = 0;
  let reader: RowReader | null = null;
  const rows: XlsxLedgerRow[] = [];
  const problems: Problem[] = [];
  for (const row of sheet.rows()) {
    if (header === null) {
      if (isEmpty(row.cells)) continue;
      const cells = headerText(row.cells);
      while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
      if (!isLedgerHeader(cells)) return null;
      header = cells;
      headerLine = row.line;
      reader = new RowReader(file, sheet.name, header, lang, 1);
      continue;
    }
    const fields = reader!.read(row.line, row.cells, problems);
    if (fields !== null) rows.push({ line: row.line, fields });
  }
  if (header === null) return null;
  return { sheet: sheet.name, table: null, headerLine, header, rows, problems };
}

/**
 * The ledger of a workbook: the table `Forbruk` if it has one, else the first sheet whose first
 * row (the first that holds anything) is a §2 header; else a problem naming the file and the
 * sheets looked at.
 */
export function xlsxLedgerOf(file: string, workbook: LedgerWorkbook, lang: Lang): XlsxLedgerReading {
  const table = workbook.tables.find((t) => t.name.toLowerCase() === LEDGER_TABLE);
  if (table !== undefined) {
    const read = tableLedger(file, workbook, table, lang);
    if (read !== null) return read;
  }
  for (const sheet of workbook.sheets) {
    const read = sheetLedger(file, sheet, lang);
    if (read !== null) return read;
  }
  const sheets = workbook.sheets.length === 0 ? '–' : workbook.sheets.map((s) => s.name).join(', ');
  return { problems: [problem('no_ledger_sheet', { file, line: null, column: null, value: sheets }, lang)] };
}

/** Whether a file's first bytes are a zip's (an `.xlsx` workbook is one): ledger files are told by content, never by name. */
export function startsAsZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
