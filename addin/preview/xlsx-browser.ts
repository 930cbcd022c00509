/**
 * Opening and saving the planning workbook as .xlsx in the browser, with exceljs's browser build.
 * This module is loaded with a dynamic import from the preview only (webpack gives it its own
 * chunk, resolving exceljs to its self-contained browser build through the package's `browser`
 * field), so the add-in's task pane never carries exceljs.
 * Formula cells are written with the engine's result cached, so any viewer shows the figure.
 */
import ExcelJS from 'exceljs';
import type { Cell, ColumnSpec, TableData, TableSpec } from '../../engine/workbook/port/port.js';
import { isFormula } from '../../engine/workbook/port/port.js';
import { layoutSpecs } from '../../engine/workbook/tables/layout.js';
import { numberFormatOf } from '../../engine/workbook/tables/layout.js';
import type { Lang } from '../../engine/messages/problems.js';
import { readTables, WorkbookRefusedError } from '../../engine/workbook/xlsx/read-xlsx.js';
import { openBoundedWorkbook } from '../../engine/workbook/xlsx/xlsx-bounds.js';

function excelValue(cell: Cell, column: ColumnSpec) {
  if (isFormula(cell)) return { formula: cell.formula, result: cell.cached ?? '' };
  // Dates stay ISO text in the table the engine reads back; the engine's reader accepts both forms.
  if (typeof cell === 'string' && /^[=+\-@]/.test(cell) && column.kind === 'text') return `'${cell}`;
  return cell;
}

/** The workbook's tables as .xlsx bytes. */
export async function saveXlsx(tables: readonly TableData[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IA Planner';
  for (const { spec, rows } of tables) {
    const sheet = workbook.getWorksheet(spec.sheet) ?? workbook.addWorksheet(spec.sheet);
    const origin = sheet.getCell(spec.origin.row, spec.origin.column).address;
    sheet.addTable({
      name: spec.table,
      ref: origin,
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: spec.columns.map((c) => ({ name: c.name, filterButton: true })),
      rows:
        rows.length === 0
          ? [spec.columns.map(() => null)]
          : rows.map((row) => spec.columns.map((c, i) => excelValue(row[i] ?? null, c))),
    });
    spec.columns.forEach((c, i) => {
      const column = sheet.getColumn(spec.origin.column + i);
      column.width = c.width;
      const format = numberFormatOf(c.kind);
      if (format) column.numFmt = format;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * The planning workbook's tables read from .xlsx bytes, with the layout's column kinds where known.
 * Opened through the same bounds as every reader of the engine (`openBoundedWorkbook`): a zip
 * bomb, a table reaching far past its sheet's used range, a workbook too large to read is refused
 * with the problem naming `file` (thrown as `WorkbookRefusedError`, whose message the pane shows).
 */
export async function openXlsx(bytes: ArrayBuffer, file: string, lang: Lang): Promise<TableData[]> {
  const opened = await openBoundedWorkbook(file, new Uint8Array(bytes), lang);
  if ('code' in opened) throw new WorkbookRefusedError(opened);
  const read = readTables(opened.workbook, file, lang, opened.budget);
  if ('code' in read) throw new WorkbookRefusedError(read);
  const specs = new Map(layoutSpecs('nb').map((s) => [s.table.toLowerCase(), s]));
  return [...read.tables.values()].map((table) => {
    const known = specs.get(table.table.toLowerCase());
    const spec: TableSpec = {
      sheet: table.sheet,
      table: table.table,
      origin: { row: table.firstRow - 1, column: table.firstColumn ?? 1 },
      columns: table.header.map((name) => known?.columns.find((c) => c.name === name) ?? { name, kind: 'text', width: 14 }),
    };
    return { spec, rows: table.rows.map((row) => [...row]) };
  });
}
