/**
 * Reads the Excel tables of an .xlsx file as plain values (formulas give their cached results),
 * within the bounds of `xlsx-bounds.ts`: a table is read only as far as its sheet holds anything
 * (a reference of `A1:XFD1048576` in a small file reads the cells the file has), and the cells read
 * are taken from the reading's memory budget first.
 */
import ExcelJS from 'exceljs';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import { columnLetters, rangeOf } from '../a1.js';
import type { CellValue, TableRead } from '../port/port.js';
import {
  notAWorkbook,
  openBoundedWorkbookFile,
  ReadBudget,
  tableWithinUsed,
  tooLargeToRead,
  usedRange,
  type CellRange,
} from './xlsx-bounds.js';

/** A cell of exceljs as a plain value: dates as ISO dates, formulas as their cached result, rich text as text. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (result instanceof Date) return result.toISOString().slice(0, 10);
    if (typeof result === 'object') return 'error' in result ? String(result.error) : null;
    return result === '' ? null : result;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('') || null;
  if ('text' in value && typeof value.text === 'string') return value.text || null;
  if ('error' in value) return String(value.error);
  return null;
}

/** The model exceljs keeps of a formula cell: its text, and its cached result (absent when none was saved). */
interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  result?: ExcelJS.CellValue;
}

/** A cell's plain value; a formula's cached result comes from the cell's model, since exceljs's `value` drops a result of 0. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return plainValue(cell.value);
  const result = (cell.model as FormulaModel).result;
  return plainValue({ formula: '', result } as ExcelJS.CellFormulaValue);
}

/** Whether a cell is a formula saved without a calculated value. */
function isUncalculated(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula && (cell.model as FormulaModel).result === undefined;
}

/** The model exceljs keeps of a table read from a file (its public types describe the writing side only). */
interface LoadedTable {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

/** Whether a row holds nothing. */
function isEmpty(row: readonly CellValue[]): boolean {
  return row.every((v) => v === null);
}

/** A formula cell of a table saved without a calculated value, where it stands. */
export interface UncalculatedCell {
  readonly sheet: string;
  readonly table: string;
  /** The sheet row. */
  readonly row: number;
  /** The column's header (its letters where the header is empty). */
  readonly column: string;
  /** The formula as the file holds it, without `=`; null for a shared formula's copy. */
  readonly formula: string | null;
}

/** A workbook's tables by lower-case name, and the formula cells in them that have no value. */
export interface WorkbookTables {
  readonly tables: Map<string, TableRead>;
  /** Each formula cell without a calculated value (read as empty in `tables`). */
  readonly uncalculated: readonly UncalculatedCell[];
}

/**
 * Every table of a loaded workbook, by lower-case name; trailing empty rows (a placeholder row) are
 * dropped. A table is read only within its sheet's used range (what lies beyond is empty), and the
 * cells it reads are taken from `budget` first: a table that would pass it refuses the workbook.
 */
export function readTables(
  workbook: ExcelJS.Workbook,
  file: string,
  lang: Lang,
  budget: ReadBudget = ReadBudget.unbounded(),
): WorkbookTables | Problem {
  const tables = new Map<string, TableRead>();
  const uncalculated: UncalculatedCell[] = [];
  for (const sheet of workbook.worksheets) {
    let used: CellRange | null | undefined;
    for (const table of sheet.getTables()) {
      // exceljs's Table keeps the model it read in `table` (typed only as the writer's TableProperties).
      const model = (table as unknown as { table: LoadedTable }).table;
      const ref = model.tableRef ?? model.ref ?? '';
      const range = rangeOf(ref);
      if (range === null) return notAWorkbook(file, lang);
      const { top, left } = range;
      used ??= usedRange(sheet);
      const totalsRow = model.totalsRow === true;
      const reach = { sheet: sheet.name, table: model.name, ref, range, namedColumns: model.columns.length, totalsRow };
      const within = tableWithinUsed(file, lang, reach, used);
      if ('code' in within) return within;
      const headerRows = model.headerRow === false ? 0 : 1;
      const width = Math.max(0, within.right - left + 1);
      // Rows: as far as the sheet holds anything (a totals row is the table's last, beyond its data).
      const firstRow = top + headerRows;
      const lastRow = within.bottom - (totalsRow ? 1 : 0);
      const height = Math.max(0, lastRow - firstRow + 1);
      if (!budget.take((height + headerRows) * width)) {
        const estimate = budget.estimateWith((height + headerRows) * width);
        return tooLargeToRead(file, estimate, lang, { sheet: sheet.name, line: top, table: `${model.name} ${ref}` });
      }
      // The header cells themselves: exceljs's table reader loses the columns after one with a totals formula.
      const headerRow = sheet.findRow(top);
      const header = Array.from({ length: width }, (_, i) => {
        const cell = headerRow?.findCell(left + i);
        return String((cell === undefined ? null : plainValue(cell.value)) ?? model.columns[i]?.name ?? '');
      });
      const rows: CellValue[][] = [];
      for (let r = firstRow; r <= lastRow; r++) {
        const row = sheet.findRow(r);
        const values: CellValue[] = new Array<CellValue>(width).fill(null);
        for (let i = 0; row !== undefined && i < width; i++) {
          const cell = row.findCell(left + i);
          if (cell === undefined) continue;
          values[i] = cellValue(cell);
          if (isUncalculated(cell)) {
            const formula = (cell.model as FormulaModel).formula ?? null;
            uncalculated.push({
              sheet: sheet.name,
              table: model.name,
              row: r,
              column: header[i] || columnLetters(left + i),
              formula,
            });
          }
        }
        rows.push(values);
      }
      while (rows.length > 0 && isEmpty(rows[rows.length - 1]!)) rows.pop();
      tables.set(model.name.toLowerCase(), { sheet: sheet.name, table: model.name, header, rows, firstRow, firstColumn: left });
    }
  }
  return { tables, uncalculated };
}

/**
 * The problems of the formula cells without a calculated value in the named tables (any case): each
 * an `uncalculated_formula` naming the sheet, the row and the column (CONTRACTS §4).
 */
export function uncalculatedProblems(reading: WorkbookTables, tables: readonly string[], file: string, lang: Lang): Problem[] {
  const names = new Set(tables.map((t) => t.toLowerCase()));
  return reading.uncalculated
    .filter((cell) => names.has(cell.table.toLowerCase()))
    .map((cell) =>
      problem(
        'uncalculated_formula',
        {
          file,
          sheet: cell.sheet,
          line: cell.row,
          column: cell.column,
          value: cell.formula === null ? null : `=${cell.formula}`,
        },
        lang,
      ),
    );
}

/** A path's last part (this module stays free of Node's `path` for the browser). */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Reads every table of an .xlsx file within the bounds: its tables and the formula cells without a
 * value, or the problem that refuses the file (naming it as `file`). A file that cannot be read at
 * all (missing, a folder) throws.
 */
export async function readWorkbookTables(
  path: string,
  lang: Lang,
  file: string = fileName(path),
): Promise<WorkbookTables | Problem> {
  const opened = await openBoundedWorkbookFile(path, file, lang);
  if ('code' in opened) return opened;
  return readTables(opened.workbook, file, lang, opened.budget);
}

/** Thrown by `readXlsxTables` when the file is refused: the problem says why. */
export class WorkbookRefusedError extends Error {
  override readonly name = 'WorkbookRefusedError';

  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Reads every table of an .xlsx file within the bounds; a refused file throws `WorkbookRefusedError`. */
export async function readXlsxTables(path: string): Promise<Map<string, TableRead>> {
  const read = await readWorkbookTables(path, 'en');
  if ('code' in read) throw new WorkbookRefusedError(read);
  return read.tables;
}
