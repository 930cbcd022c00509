/**
 * Opening and saving the planning workbook as .xlsx in the browser, with exceljs's browser build.
 * Loaded with a dynamic import from the preview only, so the add-in's task pane never carries it.
 * Formula cells are written with the engine's result cached, so any viewer shows the figure.
 */
import type { Cell, CellValue, ColumnSpec, TableData, TableSpec } from '../../engine/workbook/port.js';
import { isFormula } from '../../engine/workbook/port.js';
import { layoutSpecs } from '../../engine/workbook/layout.js';
import { numberFormatOf } from '../../engine/workbook/layout.js';

type ExcelJSModule = typeof import('exceljs');
type Workbook = InstanceType<ExcelJSModule['Workbook']>;

async function loadExcelJs(): Promise<ExcelJSModule> {
  // The package's browser field resolves this to dist/exceljs.min.js, a self-contained bundle.
  const module: ExcelJSModule & { default?: ExcelJSModule } = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  return module.default ?? module;
}

function excelValue(cell: Cell, column: ColumnSpec) {
  if (isFormula(cell)) return { formula: cell.formula, result: cell.cached ?? '' };
  // Dates stay ISO text in the table the engine reads back; the engine's reader accepts both forms.
  if (typeof cell === 'string' && /^[=+\-@]/.test(cell) && column.kind === 'text') return `'${cell}`;
  return cell;
}

/** The workbook's tables as .xlsx bytes. */
export async function saveXlsx(tables: readonly TableData[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
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
      rows: rows.length === 0 ? [spec.columns.map(() => null)] : rows.map((row) => spec.columns.map((c, i) => excelValue(row[i] ?? null, c))),
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

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('result' in record) return plain(record['result']);
    if ('richText' in record && Array.isArray(record['richText'])) return record['richText'].map((r: { text?: string }) => r.text ?? '').join('');
    if ('text' in record) return plain(record['text']);
  }
  return String(value);
}

/** The planning workbook's tables read from .xlsx bytes (by header, under each table's sheet). */
export async function openXlsx(bytes: ArrayBuffer): Promise<TableData[]> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const found: TableData[] = [];
  for (const spec of layoutSpecs('nb')) {
    const sheet = workbook.getWorksheet(spec.sheet);
    if (!sheet) continue;
    found.push({ spec: specWithoutTotals(spec), rows: readRows(sheet, spec) });
  }
  return found;
}

function specWithoutTotals(spec: TableSpec): TableSpec {
  const { totals: _totals, ...rest } = spec;
  void _totals;
  return rest;
}

function readRows(sheet: Workbook['worksheets'][number], spec: TableSpec): Cell[][] {
  const rows: Cell[][] = [];
  const first = spec.origin.row + 1;
  for (let r = first; r <= sheet.rowCount; r++) {
    const values = spec.columns.map((_, c) => plain(sheet.getCell(r, spec.origin.column + c).value));
    if (values.every((v) => v === null || v === '')) break;
    if (String(values[0] ?? '').toLowerCase() === 'sum') break;
    rows.push(values);
  }
  return rows;
}
