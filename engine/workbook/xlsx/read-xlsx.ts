/** Reads the Excel tables of an .xlsx file as plain values (formulas give their cached results). */
import ExcelJS from 'exceljs';
import type { CellValue, TableRead } from '../port/port.js';

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

/** A cell's plain value; a formula's cached result comes from the cell's model, since exceljs's `value` drops a result of 0. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return plainValue(cell.value);
  const result = (cell.model as { result?: ExcelJS.CellValue }).result;
  return plainValue({ formula: '', result } as ExcelJS.CellFormulaValue);
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

function decode(ref: string): { top: number; left: number; bottom: number; right: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!match) throw new Error(`not a cell range: ${ref}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(match[1]!);
  const top = Number(match[2]);
  return { top, left, bottom: match[4] ? Number(match[4]) : top, right: match[3] ? col(match[3]) : left };
}

/** Whether a row holds nothing. */
function isEmpty(row: readonly CellValue[]): boolean {
  return row.every((v) => v === null);
}

/** Every table of a loaded workbook, by lower-case name; trailing empty rows (a placeholder row) are dropped. */
export function tablesOf(workbook: ExcelJS.Workbook): Map<string, TableRead> {
  const tables = new Map<string, TableRead>();
  workbook.eachSheet((sheet) => {
    for (const table of sheet.getTables()) {
      // exceljs's Table keeps the model it read in `table` (typed only as the writer's TableProperties).
      const model = (table as unknown as { table: LoadedTable }).table;
      const { top, left, bottom, right } = decode(model.tableRef ?? model.ref ?? '');
      const headerRows = model.headerRow === false ? 0 : 1;
      // The header cells themselves: exceljs's table reader loses the columns after one with a totals formula.
      const headerRow = sheet.getRow(top);
      const header = Array.from({ length: right - left + 1 }, (_, i) =>
        String(plainValue(headerRow.getCell(left + i).value) ?? model.columns[i]?.name ?? ''),
      );
      const rows: CellValue[][] = [];
      for (let r = top + headerRows; r <= bottom - (model.totalsRow ? 1 : 0); r++) {
        const row = sheet.getRow(r);
        const values: CellValue[] = [];
        for (let c = left; c <= right; c++) values.push(cellValue(row.getCell(c)));
        rows.push(values);
      }
      while (rows.length > 0 && isEmpty(rows[rows.length - 1]!)) rows.pop();
      tables.set(model.name.toLowerCase(), {
        sheet: sheet.name,
        table: model.name,
        header,
        rows,
        firstRow: top + headerRows,
        firstColumn: left,
      });
    }
  });
  return tables;
}

/** Reads every table of an .xlsx file. */
export async function readXlsxTables(path: string): Promise<Map<string, TableRead>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return tablesOf(workbook);
}
