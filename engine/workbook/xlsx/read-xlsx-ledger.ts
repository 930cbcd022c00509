/**
 * An `.xlsx` file as a ledger (CONTRACTS §7), read with exceljs: the cells of its sheets and its
 * tables given to the pure ledger reader (`engine/ledger/xlsx-ledger.ts`), which picks the table
 * `Forbruk` or the first sheet with a §2 header and turns the cells into §2 text.
 *
 * Dates: exceljs turns a date cell's serial into the UTC instant of that day (applying the
 * workbook's 1900 or 1904 date system), so the cell's day is the instant's UTC day, whatever the
 * time zone this runs in; a time of day in the cell does not move the day.
 * Bounded (CONTRACTS §4, issue 10) as every workbook read is: the bytes are opened through
 * `openBoundedWorkbook` (`xlsx-bounds.ts`: the unpacked size, a zip that lies, exceljs's estimated
 * memory), a table is clipped to its sheet's used range, and each row given to the ledger reader is
 * taken from the reading's budget first (its cells, or the width of a table it lies in).
 */
import ExcelJS from 'exceljs';
import { type Lang, type Problem } from '../../messages/problems.js';
import {
  xlsxLedgerOf,
  type LedgerCell,
  type LedgerSheet,
  type LedgerSheetRow,
  type LedgerTableRange,
  type LedgerWorkbook,
  type XlsxLedgerReading,
} from '../../ledger/xlsx-ledger.js';
import {
  cellsOf,
  holdsValue,
  openBoundedWorkbook,
  openBoundedWorkbookFile,
  type BoundedWorkbook,
  ReadBudget,
  rowsOf,
  tableWithinUsed,
  tooLargeToRead,
  usedRange,
  type CellRange,
} from './xlsx-bounds.js';
import { rangeOf } from '../a1.js';

/** What Excel shows for a date it cannot show. */
const BAD_DATE_CELL = '########';

/** A date as the day it stands for: exceljs gives a cell's date serial as that day's UTC instant. */
function isoDay(date: Date): string {
  if (!Number.isFinite(date.getTime())) return BAD_DATE_CELL;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return BAD_DATE_CELL;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text ?? '').join('');
}

/** A value of exceljs (a cell's own, or a formula's cached result) as a ledger cell. */
function ledgerValue(value: ExcelJS.CellValue | undefined): LedgerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: isoDay(value) };
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) return richText(value);
  if ('error' in value && value.error !== undefined) return { error: String(value.error) };
  // A hyperlink: its text (plain or rich).
  if ('text' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text !== null && typeof text === 'object' && 'richText' in text) return richText(text as ExcelJS.CellRichTextValue);
  }
  return null;
}

/** A cell as a ledger cell; a formula's cached result comes from the cell's model (exceljs's `value` drops a result of 0). */
function ledgerCell(cell: ExcelJS.Cell): LedgerCell {
  // A merged cell's value is its master's: one value is not two fields.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type !== ExcelJS.ValueType.Formula) return ledgerValue(cell.value);
  const model = cell.model as { result?: ExcelJS.CellValue; formula?: string; sharedFormula?: string };
  if (model.result === undefined) return { uncalculated: model.formula ?? null };
  return ledgerValue(model.result);
}

/** Thrown while a sheet's rows are read when the next one would pass the reading's budget. */
class BudgetExceeded extends Error {
  constructor(
    readonly sheet: string,
    readonly line: number,
    readonly estimate: number,
  ) {
    super(`${sheet}, row ${line}: the reading's memory bound is reached`);
  }
}

/**
 * A sheet's rows that hold anything, each with its cells from column A to its last that holds
 * anything; each row is taken from `budget` as it is given (as wide as a table it lies in, which
 * the ledger reader reads that wide), and passing the budget throws `BudgetExceeded`.
 */
function sheetOf(sheet: ExcelJS.Worksheet, tables: readonly CellRange[], budget: ReadBudget): LedgerSheet {
  return {
    name: sheet.name,
    *rows(): Iterable<LedgerSheetRow> {
      for (const row of rowsOf(sheet)) {
        const held = cellsOf(row).filter(holdsValue);
        if (held.length === 0) continue;
        const width = Number(held[held.length - 1]!.col);
        let read = width;
        for (const t of tables) if (t.top <= row.number && row.number <= t.bottom) read = Math.max(read, t.right - t.left + 1);
        if (!budget.take(read)) throw new BudgetExceeded(sheet.name, row.number, budget.estimateWith(read));
        const cells = new Array<LedgerCell>(width).fill(null);
        for (const cell of held) cells[Number(cell.col) - 1] = ledgerCell(cell);
        yield { line: row.number, cells };
      }
    },
  };
}

/** The model exceljs keeps of a table read from a file (its public types describe the writing side only). */
interface LoadedTable {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/**
 * A loaded workbook as the ledger reader sees it; a table is clipped to its sheet's used range
 * (beyond it every cell is empty), so its width is what the sheet holds; one reaching far past it
 * refuses the workbook (`tableWithinUsed`).
 */
export function ledgerWorkbookOf(
  workbook: ExcelJS.Workbook,
  file: string,
  lang: Lang,
  budget: ReadBudget = ReadBudget.unbounded(),
): LedgerWorkbook | Problem {
  const sheets: LedgerSheet[] = [];
  const tables: LedgerTableRange[] = [];
  for (const sheet of workbook.worksheets) {
    const onSheet: LedgerTableRange[] = [];
    let used: CellRange | null | undefined;
    for (const table of sheet.getTables()) {
      // exceljs's Table keeps the model it read in `table` (typed only as the writer's TableProperties).
      const model = (table as unknown as { table: LoadedTable }).table;
      const ref = model.tableRef ?? model.ref ?? '';
      const range = rangeOf(ref);
      if (range === null) continue;
      used ??= usedRange(sheet);
      const totalsRow = model.totalsRow === true;
      // The ledger reads the columns the sheet holds (its header names them), however many the table names.
      const reach = { sheet: sheet.name, table: model.name, ref, range, namedColumns: 1, totalsRow };
      const within = tableWithinUsed(file, lang, reach, used);
      if ('code' in within) return within;
      onSheet.push({ name: model.name, sheet: sheet.name, ...within, headerRow: model.headerRow !== false, totalsRow });
    }
    sheets.push(sheetOf(sheet, onSheet, budget));
    tables.push(...onSheet);
  }
  return { sheets, tables };
}

/** The ledger of a workbook opened within the bounds (or the problem that refused it). */
function ledgerOfOpened(file: string, opened: BoundedWorkbook | Problem, lang: Lang): XlsxLedgerReading {
  if ('code' in opened) return { problems: [opened] };
  try {
    const workbook = ledgerWorkbookOf(opened.workbook, file, lang, opened.budget);
    return 'code' in workbook ? { problems: [workbook] } : xlsxLedgerOf(file, workbook, lang);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return { problems: [tooLargeToRead(file, error.estimate, lang, { sheet: error.sheet, line: error.line })] };
  }
}

/**
 * Reads an `.xlsx` ledger from its bytes: the table `Forbruk` if the workbook has one, else the
 * first sheet whose first row is a §2 header. Bytes that are not a workbook, or one past the
 * bounds of reading, are a problem naming the file, never an exception.
 */
export async function readXlsxLedger(file: string, bytes: Uint8Array, lang: Lang): Promise<XlsxLedgerReading> {
  return ledgerOfOpened(file, await openBoundedWorkbook(file, bytes, lang), lang);
}

/**
 * Reads an `.xlsx` ledger file as `readXlsxLedger` reads its bytes, but a file larger on disk than
 * a workbook may unpack to is refused before it is read into memory. A file that cannot be read at
 * all (missing, a folder) throws. Node only.
 */
export async function readXlsxLedgerFile(path: string, file: string, lang: Lang): Promise<XlsxLedgerReading> {
  return ledgerOfOpened(file, await openBoundedWorkbookFile(path, file, lang), lang);
}
