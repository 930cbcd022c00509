/**
 * The in-memory workbook: the `WorkbookPort` that tests and the browser preview use. It keeps the
 * tables as written (formulas with their cached results) and reads back what a spreadsheet
 * application shows without recalculating: the cached results. Pure: no Node or DOM modules.
 */
import { checkTables, readBackValue } from './cells.js';
import {
  isFormula,
  type Cell,
  type CellValue,
  type FormulaCell,
  type TableData,
  type TableRead,
  type WorkbookPort,
} from './port.js';

/** An in-memory `WorkbookPort`. */
export class MemoryWorkbookPort implements WorkbookPort {
  private readonly tables = new Map<string, TableData>();
  private readonly sheets: string[] = [];
  private writes = 0;

  /** Reads a table by name (case-insensitive, as Excel), or null when there is none. */
  async readTable(table: string): Promise<TableRead | null> {
    const data = this.find(table);
    if (!data) return null;
    const { spec, rows } = data;
    return {
      sheet: spec.sheet,
      table: spec.table,
      header: spec.columns.map((c) => c.name),
      rows: rows.map((row) => row.map(readBackValue)),
      firstRow: spec.origin.row + 1,
    };
  }

  /** Writes tables all or nothing: every table is checked before any is stored. */
  async writeTables(tables: readonly TableData[]): Promise<void> {
    checkTables(tables, (name) => this.find(name)?.spec.sheet);
    for (const data of tables) {
      const normalised = data.rows.map((row) => row.map((cell): Cell => (cell === '' ? null : cell)));
      this.tables.set(data.spec.table.toLowerCase(), { spec: data.spec, rows: normalised });
      if (!this.sheets.includes(data.spec.sheet)) this.sheets.push(data.spec.sheet);
    }
    this.writes++;
  }

  /** The sheets, in the order they were first written. */
  sheetNames(): readonly string[] {
    return [...this.sheets];
  }

  /** The table names, in the order of their sheets. */
  tableNames(): readonly string[] {
    return this.sheets.flatMap((sheet) =>
      [...this.tables.values()].filter((t) => t.spec.sheet === sheet).map((t) => t.spec.table),
    );
  }

  /** A table as written, formulas included, or null. */
  tableData(table: string): TableData | null {
    return this.find(table) ?? null;
  }

  /** The formula in a data cell (0-based row, column by name), or null when the cell holds a value. */
  formulaAt(table: string, row: number, column: string): FormulaCell | null {
    const data = this.find(table);
    const index = data?.spec.columns.findIndex((c) => c.name === column) ?? -1;
    const cell = index < 0 ? undefined : data?.rows[row]?.[index];
    return cell !== undefined && isFormula(cell) ? cell : null;
  }

  /** The cached values of a table's totals row by column name (label text or the formula's result). */
  totalsOf(table: string): Readonly<Record<string, CellValue>> | null {
    const totals = this.find(table)?.spec.totals;
    if (!totals) return null;
    return Object.fromEntries(
      Object.entries(totals).map(([name, cell]) => [name, typeof cell === 'string' ? cell : cell.cached]),
    );
  }

  /** How many batches were written (for tests that check a rejected write changed nothing). */
  get writeCount(): number {
    return this.writes;
  }

  private find(table: string): TableData | undefined {
    return this.tables.get(table.toLowerCase());
  }
}
