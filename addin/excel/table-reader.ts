/**
 * Reading tables inside one `Excel.run`: find them by name, load their header, size and first row's
 * number formats, then their values in parts that keep each response under Excel's limit. Also the
 * cell-budgeted loading that the write's preflight uses for its snapshot.
 */
import type { TableRead } from '../../engine/workbook/port/port.js';
import { fromExcelValue, isDateFormat } from './cells.js';

/** A range split into runs of rows, with the number of cells in each. */
export interface RangePart {
  readonly range: Excel.Range;
  readonly cells: number;
}

/**
 * Reads the named tables in two requests (more only for a very large table); absent tables map to
 * null. A table is found wherever it is (a renamed sheet is fine) and without regard to case, as
 * Excel finds it; the result carries the name the table has (the map is keyed by the name asked for).
 */
export async function readTablesIn(
  context: Excel.RequestContext,
  names: readonly string[],
  maxCellsPerRead: number,
): Promise<Map<string, TableRead | null>> {
  const tables = names.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load('name');
    return { name, table };
  });
  await context.sync();
  const found = tables
    .filter(({ table }) => !table.isNullObject)
    .map(({ name, table }) => {
      const sheet = table.worksheet;
      sheet.load('name');
      const header = table.getHeaderRowRange();
      header.load('values');
      const body = table.getDataBodyRange();
      body.load('rowIndex,rowCount,columnCount');
      const firstRow = body.getRow(0);
      firstRow.load('numberFormat');
      return { name, table, sheet, header, body, firstRow };
    });
  await context.sync();
  const reads = found.map((f) => ({ ...f, parts: rowParts(f.body, f.body.rowCount, f.body.columnCount, maxCellsPerRead) }));
  // Ordinary tables are read in this one request; only a very large table takes more.
  await loadInBatches(
    context,
    reads.flatMap((r) => r.parts.map((part) => ({ cells: part.cells, load: () => part.range.load('values') }))),
    maxCellsPerRead,
    false,
  );
  const result = new Map<string, TableRead | null>(names.map((name) => [name, null]));
  for (const r of reads) {
    const formats = (r.firstRow.numberFormat[0] ?? []) as unknown[];
    const isDate = formats.map(isDateFormat);
    const values = r.parts.flatMap((part) => part.range.values);
    let rows = values.map((row) => row.map((value, i) => fromExcelValue(value, isDate[i] ?? false)));
    // Excel keeps one data row in an empty table; a lone blank row is no data.
    if (rows.length === 1 && rows[0]!.every((cell) => cell === null)) rows = [];
    result.set(r.name, {
      sheet: r.sheet.name,
      table: r.table.name,
      header: (r.header.values[0] ?? []).map((cell) => String(cell ?? '')),
      rows,
      firstRow: r.body.rowIndex + 1,
    });
  }
  return result;
}

/** A range split into runs of rows of at most `maxCells` cells each. */
export function rowParts(range: Excel.Range, rows: number, columns: number, maxCells: number): RangePart[] {
  const perPart = Math.max(1, Math.floor(maxCells / Math.max(1, columns)));
  const parts: RangePart[] = [];
  for (let start = 0; start < rows; start += perPart) {
    const count = Math.min(perPart, rows - start);
    parts.push({ range: range.getRow(start).getResizedRange(count - 1, 0), cells: count * columns });
  }
  return parts;
}

/**
 * Queues loads and syncs as few times as the cell budget allows: once for ordinary tables, once
 * per `maxCells` for very large ones. `queued` says whether other loads already wait for a sync.
 */
export async function loadInBatches(
  context: Excel.RequestContext,
  parts: readonly { cells: number; load: () => void }[],
  maxCells: number,
  queued: boolean,
): Promise<void> {
  let cells = 0;
  let pending = queued;
  for (const part of parts) {
    if (pending && cells > 0 && cells + part.cells > maxCells) {
      await context.sync();
      cells = 0;
    }
    part.load();
    cells += part.cells;
    pending = true;
  }
  if (pending) await context.sync();
}
