/**
 * An `.xlsx` file as a ledger (CONTRACTS §7), read with exceljs: the cells of its sheets and its
 * tables given to the pure ledger reader (`engine/ledger/xlsx-ledger.ts`), which picks the table
 * `Forbruk` or the first sheet with a §2 header and turns the cells into §2 text.
 *
 * Dates: exceljs turns a date cell's serial into the UTC instant of that day (applying the
 * workbook's 1900 or 1904 date system), so the cell's day is the instant's UTC day, whatever the
 * time zone this runs in; a time of day in the cell does not move the day.
 * LIMITATION: the size bounds of issue 10 (unpacked size, cell count) belong to the .xlsx reader
 * (`read-xlsx.ts`); the caller checks them on the bytes before calling `readXlsxLedger`.
 */
import ExcelJS from 'exceljs';
import { problem, type Lang } from '../../messages/problems.js';
import {
  xlsxLedgerOf,
  type LedgerCell,
  type LedgerSheet,
  type LedgerSheetRow,
  type LedgerTableRange,
  type LedgerWorkbook,
  type XlsxLedgerReading,
} from '../../ledger/xlsx-ledger.js';

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

/** A sheet's rows that hold anything, each with its cells from column A. */
function sheetOf(sheet: ExcelJS.Worksheet): LedgerSheet {
  return {
    name: sheet.name,
    *rows(): Iterable<LedgerSheetRow> {
      const rows: ExcelJS.Row[] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        rows.push(row);
      });
      for (const row of rows) {
        const cells: LedgerCell[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(ledgerCell(row.getCell(c)));
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

/** A cell range (`A1:J20`) as numbers, or null when it is not one. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!match) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(match[1]!);
  const top = Number(match[2]);
  return { top, left, bottom: match[4] ? Number(match[4]) : top, right: match[3] ? col(match[3]) : left };
}

/** A loaded workbook as the ledger reader sees it. */
export function ledgerWorkbookOf(workbook: ExcelJS.Workbook): LedgerWorkbook {
  const sheets: LedgerSheet[] = [];
  const tables: LedgerTableRange[] = [];
  for (const sheet of workbook.worksheets) {
    sheets.push(sheetOf(sheet));
    for (const table of sheet.getTables()) {
      // exceljs's Table keeps the model it read in `table` (typed only as the writer's TableProperties).
      const model = (table as unknown as { table: LoadedTable }).table;
      const range = rangeOf(model.tableRef ?? model.ref ?? '');
      if (range === null) continue;
      tables.push({
        name: model.name,
        sheet: sheet.name,
        ...range,
        headerRow: model.headerRow !== false,
        totalsRow: model.totalsRow === true,
      });
    }
  }
  return { sheets, tables };
}

/**
 * Reads an `.xlsx` ledger from its bytes: the table `Forbruk` if the workbook has one, else the
 * first sheet whose first row is a §2 header. Bytes that are not a workbook are a problem naming
 * the file, never an exception.
 */
export async function readXlsxLedger(file: string, bytes: Uint8Array, lang: Lang): Promise<XlsxLedgerReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { problems: [problem('unreadable_workbook', { file, line: null, column: null, value: null }, lang)] };
  }
  return xlsxLedgerOf(file, ledgerWorkbookOf(workbook), lang);
}
