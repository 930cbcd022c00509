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
import { tablesOf } from '../../engine/workbook/xlsx/read-xlsx.js';

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

/** The planning workbook's tables read from .xlsx bytes, with the layout's column kinds where known. */
export async function openXlsx(bytes: ArrayBuffer): Promise<TableData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const specs = new Map(layoutSpecs('nb').map((s) => [s.table.toLowerCase(), s]));
  return [...tablesOf(workbook).values()].map((read) => {
    const known = specs.get(read.table.toLowerCase());
    const spec: TableSpec = {
      sheet: read.sheet,
      table: read.table,
      origin: { row: read.firstRow - 1, column: read.firstColumn ?? 1 },
      columns: read.header.map((name) => known?.columns.find((c) => c.name === name) ?? { name, kind: 'text', width: 14 }),
    };
    return { spec, rows: read.rows.map((row) => [...row]) };
  });
}
