/**
 * Round trips: read every table of the layout back from a port and compare two readings cell by
 * cell, so a test (or a host) can prove that write → read → write leaves the values unchanged.
 */
import { isFormula, type CellValue, type TableData, type TableRead, type WorkbookPort } from './port.js';

/** Reads the named tables (missing ones are left out), in the given order. */
export async function readTables(port: WorkbookPort, names: readonly string[]): Promise<TableRead[]> {
  const reads = await Promise.all(names.map((name) => port.readTable(name)));
  return reads.filter((r): r is TableRead => r !== null);
}

function show(value: CellValue): string {
  return value === null ? '(tom)' : typeof value === 'string' ? `«${value}»` : String(value);
}

/**
 * The differences between two readings, as sentences (`Forbruk rad 5, Beløp: 12 ≠ 13`); empty when
 * every table, header and value is the same. Numbers compare exactly.
 */
export function diffTableReads(before: readonly TableRead[], after: readonly TableRead[]): string[] {
  const differences: string[] = [];
  const byName = new Map(after.map((t) => [t.table.toLowerCase(), t]));
  for (const a of before) {
    const b = byName.get(a.table.toLowerCase());
    if (!b) {
      differences.push(`${a.table}: mangler i den andre`);
      continue;
    }
    byName.delete(a.table.toLowerCase());
    if (a.sheet !== b.sheet) differences.push(`${a.table}: ark ${a.sheet} ≠ ${b.sheet}`);
    if (a.header.join('\u0000') !== b.header.join('\u0000'))
      differences.push(`${a.table}: overskrift ${a.header.join(', ')} ≠ ${b.header.join(', ')}`);
    if (a.rows.length !== b.rows.length) differences.push(`${a.table}: ${a.rows.length} rader ≠ ${b.rows.length}`);
    const rows = Math.min(a.rows.length, b.rows.length);
    for (let i = 0; i < rows && differences.length < 50; i++) {
      const ra = a.rows[i]!;
      const rb = b.rows[i]!;
      for (let j = 0; j < Math.max(ra.length, rb.length); j++) {
        const va = ra[j] ?? null;
        const vb = rb[j] ?? null;
        if (va !== vb) differences.push(`${a.table} rad ${a.firstRow + i}, ${a.header[j] ?? j + 1}: ${show(va)} ≠ ${show(vb)}`);
      }
    }
  }
  for (const extra of byName.values()) differences.push(`${extra.table}: bare i den andre`);
  return differences;
}

/** A cell as text for comparing what a workbook holds with what the planner would write (numbers to 4 decimals). */
function comparable(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 10000) / 10000);
  return String(value).trim();
}

/** Whether a table read from the workbook holds something else than the rows the planner would write. */
function tableDiffers(existing: TableRead, fresh: TableData): boolean {
  if (existing.rows.length !== fresh.rows.length) return true;
  const width = fresh.spec.columns.length;
  return existing.rows.some((row, r) => {
    const mine = fresh.rows[r]!;
    for (let c = 0; c < width; c++) {
      const cell = mine[c] ?? null;
      if (comparable(row[c]) !== comparable(isFormula(cell) ? cell.cached : cell)) return true;
    }
    return false;
  });
}

/**
 * The tables among `names` whose rows in the workbook (`existing`) differ from what the planner
 * would write (`fresh`): a user's work that a refresh would replace, so a host asks first.
 */
export function findEditedTables(
  existing: ReadonlyMap<string, TableRead | null>,
  fresh: readonly TableData[],
  names: readonly string[],
): string[] {
  return names.filter((name) => {
    const read = existing.get(name);
    const mine = fresh.find((t) => t.spec.table === name);
    return read !== null && read !== undefined && mine !== undefined && tableDiffers(read, mine);
  });
}
