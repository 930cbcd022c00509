/**
 * The workbook as the engine sees it: tables of plain cell values, described by a layout that is
 * plain data. Each host implements `WorkbookPort` (in memory for tests and the preview, exceljs for
 * .xlsx files, office.js in Excel); the engine decides what to write, the port only carries it out.
 */

/** A plain cell value. Money is a number only here, at the edge where a spreadsheet needs it. */
export type CellValue = string | number | boolean | null;

/**
 * A formula in the file's own syntax (structured references as `Tabell[[#This Row],[Kolonne]]`,
 * never the `[@Kolonne]` display form), with the engine's result stored beside it so viewers without
 * a calculation engine show the right figure.
 */
export interface FormulaCell {
  readonly formula: string;
  readonly cached: CellValue;
}

/** A cell to write. */
export type Cell = CellValue | FormulaCell;

/** Whether a cell is a formula. */
export function isFormula(cell: Cell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/** What a column holds; decides its number format and how its values are read back. */
export type ColumnKind = 'text' | 'year' | 'whole' | 'money' | 'percent' | 'date' | 'yesno' | 'decimal';

/** One column of a table. */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Width in characters. */
  readonly width: number;
  /** A list the cell must be chosen from (data validation), if any. */
  readonly validationList?: readonly string[];
  /** A note (cell comment) on the header cell that explains the column, if any. */
  readonly note?: string;
}

/** A conditional format: rows where `formula` (relative to the first data row) holds get a fill. */
export interface ConditionalFormat {
  /** A formula for the first data row, e.g. `=$H2<0`. */
  readonly formula: string;
  /** Fill colour as hex RGB, e.g. `FDE7E9`. */
  readonly fill: string;
  /** Font colour as hex RGB. */
  readonly font?: string;
}

/** A table of the planning workbook. */
export interface TableSpec {
  readonly sheet: string;
  readonly table: string;
  /** Top-left cell of the header row, 1-based (row 1, column 1 = A1). */
  readonly origin: { readonly row: number; readonly column: number };
  readonly columns: readonly ColumnSpec[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  /** A totals row under the data, with these formulas by column name (others empty). */
  readonly totals?: Readonly<Record<string, FormulaCell | string>>;
}

/** A table with its rows, ready to write. */
export interface TableData {
  readonly spec: TableSpec;
  readonly rows: readonly (readonly Cell[])[];
}

/** A table as read back from a workbook. */
export interface TableRead {
  readonly sheet: string;
  readonly table: string;
  /** The header cells as found (a user may have added columns at the end). */
  readonly header: readonly string[];
  /** Data rows (without header or totals), values only. */
  readonly rows: readonly (readonly CellValue[])[];
  /** The sheet row number of the first data row, for messages that name a row. */
  readonly firstRow: number;
  /** The sheet column number (1 = A) of the table's first column, where the host knows it. */
  readonly firstColumn?: number;
}

/** What every host implements. */
export interface WorkbookPort {
  /** Reads a table by name, or null when the workbook has no such table. */
  readTable(table: string): Promise<TableRead | null>;
  /**
   * Writes tables all or nothing: creates missing sheets and tables, replaces the data of existing
   * ones, applies formats, widths, validation, conditional formats and totals. Never touches cells
   * outside the tables it writes.
   */
  writeTables(tables: readonly TableData[]): Promise<void>;
}
