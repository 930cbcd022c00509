/**
 * The .xlsx `WorkbookPort`: reads the tables of a workbook file and writes whole workbooks to it
 * (through a temporary file and a rename). Tables already in the file that a write does not replace
 * are written back with their values.
 * LIMITATION: cells outside tables, charts and formulas of tables that are not rewritten are not
 * carried over when the file is written again; the command line always writes a new workbook, and
 * the add-in (office.js) is the way to update a workbook in place.
 */
import { existsSync } from 'node:fs';
import { checkTables } from '../port/cells.js';
import { layoutSpecs } from '../tables/layout.js';
import type { TableData, TableRead, TableSpec, WorkbookPort } from '../port/port.js';
import { readXlsxTables } from './read-xlsx.js';
import { writeWorkbookFile } from './save-file.js';

/** A spec for a table found in a file: the layout's own when name and header match, else text columns. */
function specOf(read: TableRead): TableSpec {
  const known = layoutSpecs().find((s) => s.table.toLowerCase() === read.table.toLowerCase());
  if (known && known.columns.map((c) => c.name).join('\u0000') === read.header.join('\u0000')) return known;
  return {
    sheet: read.sheet,
    table: read.table,
    origin: { row: read.firstRow - 1, column: read.firstColumn ?? 1 },
    columns: read.header.map((name) => ({ name, kind: 'text', width: Math.max(10, name.length + 2) })),
  };
}

/** An .xlsx file as a `WorkbookPort`. */
export class XlsxWorkbookPort implements WorkbookPort {
  private constructor(
    private readonly path: string,
    private reads: Map<string, TableRead>,
    private readonly written = new Map<string, TableData>(),
  ) {}

  /** Opens a workbook file (which need not exist yet). */
  static async open(path: string): Promise<XlsxWorkbookPort> {
    return new XlsxWorkbookPort(path, existsSync(path) ? await readXlsxTables(path) : new Map());
  }

  /** Reads a table by name (case-insensitive) as the file holds it, or null. */
  async readTable(table: string): Promise<TableRead | null> {
    return this.reads.get(table.toLowerCase()) ?? null;
  }

  /** Writes tables all or nothing: the whole file is written anew, then read back. */
  async writeTables(tables: readonly TableData[]): Promise<void> {
    checkTables(tables, (name) => this.reads.get(name.toLowerCase())?.sheet);
    const next = new Map(this.written);
    for (const t of tables) next.set(t.spec.table.toLowerCase(), t);
    const carried: TableData[] = [];
    for (const [name, read] of this.reads) {
      if (!next.has(name)) carried.push({ spec: specOf(read), rows: read.rows });
    }
    await writeWorkbookFile(this.path, [...next.values(), ...carried], { overwrite: true });
    for (const [name, t] of next) this.written.set(name, t);
    this.reads = await readXlsxTables(this.path);
  }
}
