/**
 * One table of a write as the preflight, the write plan and the restore share it: the office.js
 * input prepared from the engine's data before anything is sent to Excel, and what the preflight
 * found in the workbook.
 */
import type { TableData } from '../../engine/workbook/port/port.js';
import { numberFormatOf, toExcelInput, type ExcelInput } from './cells.js';
import type { TableRecord } from './edit-fingerprint.js';
import { WorkbookError, type FaultPlace } from './faults.js';

/** How a write may treat what it finds. */
export interface WriteOptions {
  /**
   * Replace tables the user edited by hand (header, row count or the body's contents changed since
   * IA Planner wrote them) and the user's cells where a new table goes. Without it such a write is
   * refused whole.
   */
  readonly replaceEdited?: boolean;
  /** Called after each request with the rows written so far and in all. */
  readonly onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

/** A table's data checked and turned into office.js input. */
export interface PreparedTable {
  readonly data: TableData;
  readonly place: FaultPlace;
  readonly header: string[];
  readonly body: ExcelInput[][];
  readonly formats: string[];
  /** Rows the table body will have in Excel (a table keeps at least one, blank, row). */
  readonly bodyRows: number;
  readonly hasTotals: boolean;
}

/** One table of a write, with what the preflight found about it. */
export interface Target extends PreparedTable {
  sheet: Excel.Worksheet;
  table: Excel.Table;
  setting: Excel.Setting;
  sheetExists: boolean;
  tableExists: boolean;
  /** Where the table is now (existing) or goes (new): 0-based top row and left column of the header. */
  top: number;
  left: number;
  /** Rows of the existing table's whole range (header, body and totals), 0 for a new one. */
  oldRows: number;
  oldColumns: number;
  oldHeader: string[];
  oldBodyRows: number;
  oldTotals: boolean;
  /** What the workbook's settings say IA Planner last wrote into the existing table. */
  record: TableRecord | null;
  /** The cells the write may touch, loaded before writing so a failure can put them back. */
  footprint: Excel.Range | null;
  footprintRows: number;
  footprintColumns: number;
  /** The footprint's formulas and number formats before the write (row by row, the same shape). */
  snapshot: unknown[][] | null;
  snapshotFormats: unknown[][] | null;
  /** The body as written, loaded back in the requests that wrote it, for the new fingerprint. */
  readBack: Excel.Range[];
  createdSheet: boolean;
  createdTable: boolean;
}

/** Checks a table's data and turns it into office.js input, before anything is sent to Excel. */
export function prepare(data: TableData): PreparedTable {
  const { spec, rows } = data;
  const place = { sheet: spec.sheet, table: spec.table };
  const width = spec.columns.length;
  const validName = /^[A-Za-zÆØÅæøå_][A-Za-z0-9ÆØÅæøå_.]*$/.test(spec.table);
  if (width === 0 || !validName || spec.origin.row < 1 || spec.origin.column < 1 || rows.some((row) => row.length !== width)) {
    throw new WorkbookError('bad_table_data', place);
  }
  const body = rows.map((row) => row.map((cell, i) => toExcelInput(cell, spec.columns[i]!.kind)));
  return {
    data,
    place,
    header: spec.columns.map((c) => c.name),
    body,
    formats: spec.columns.map(numberFormatOf),
    bodyRows: Math.max(1, rows.length),
    hasTotals: spec.totals !== undefined,
  };
}

/** A target before the preflight has looked at the workbook: nothing found yet. */
export function targetOf(p: PreparedTable, sheet: Excel.Worksheet, table: Excel.Table, setting: Excel.Setting): Target {
  return {
    ...p,
    sheet,
    table,
    setting,
    sheetExists: false,
    tableExists: false,
    top: p.data.spec.origin.row - 1,
    left: p.data.spec.origin.column - 1,
    oldRows: 0,
    oldColumns: 0,
    oldHeader: [],
    oldBodyRows: 0,
    oldTotals: false,
    record: null,
    footprint: null,
    footprintRows: 0,
    footprintColumns: 0,
    snapshot: null,
    snapshotFormats: null,
    readBack: [],
    createdSheet: false,
    createdTable: false,
  };
}
